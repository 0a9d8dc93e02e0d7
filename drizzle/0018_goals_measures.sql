CREATE TABLE "measure_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"measure_id" integer NOT NULL,
	"period" text NOT NULL,
	"printed" text NOT NULL,
	"value" numeric,
	"form" text NOT NULL,
	"breakdown" jsonb,
	"source" text NOT NULL,
	"stated_source" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"unit" text,
	"kolada" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"plan_id" integer NOT NULL,
	"measure_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "plan_measures_plan_id_measure_id_pk" PRIMARY KEY("plan_id","measure_id")
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "goal_assessment" jsonb;--> statement-breakpoint
ALTER TABLE "measure_values" ADD CONSTRAINT "measure_values_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_values_measure_period" ON "measure_values" USING btree ("measure_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_municipality_key" ON "measures" USING btree ("municipality_id","key");