CREATE TABLE "import_cells" (
	"import_id" bigint NOT NULL,
	"item_type" text NOT NULL,
	"item_key" text NOT NULL,
	"row_key" text NOT NULL,
	"column_key" text NOT NULL,
	"period" text NOT NULL,
	"before" text,
	"before_import_id" bigint,
	"before_source" text,
	"before_recorded_by" text,
	"before_recorded_at" timestamp with time zone,
	"after" text,
	CONSTRAINT "import_cells_import_id_item_type_item_key_row_key_column_key_pk" PRIMARY KEY("import_id","item_type","item_key","row_key","column_key")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"checksum" text NOT NULL,
	"bytes" bigint NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"source_system" text NOT NULL,
	"source_key" text NOT NULL,
	"mapping_key" text,
	"periods" jsonb NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" text,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_mappings" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figures" ADD COLUMN "import_id" bigint;--> statement-breakpoint
ALTER TABLE "import_cells" ADD CONSTRAINT "import_cells_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_mappings" ADD CONSTRAINT "ledger_mappings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_plan_checksum" ON "imports" USING btree ("plan_id","checksum");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_mappings_municipality_key" ON "ledger_mappings" USING btree ("municipality_id","key");--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "figures_import" ON "figures" USING btree ("import_id");