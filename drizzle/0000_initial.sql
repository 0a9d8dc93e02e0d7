CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"plan_key" text,
	"entity_type" text NOT NULL,
	"entity_key" text NOT NULL,
	"field" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "figures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"item_type" text NOT NULL,
	"item_key" text NOT NULL,
	"row_key" text NOT NULL,
	"series" text,
	"column_key" text NOT NULL,
	"period" text,
	"kind" text NOT NULL,
	"as_of" text,
	"unit" text,
	"printed" text NOT NULL,
	"value" numeric,
	"form" text NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"stated_source" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_texts" (
	"id" serial PRIMARY KEY NOT NULL,
	"goal_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"text" text NOT NULL,
	"measurement" jsonb,
	"position" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"level" text NOT NULL,
	"number" text,
	"perspective" integer,
	"parent_key" text,
	"node_key" text
);
--> statement-breakpoint
CREATE TABLE "styrkort_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "org_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_key" text,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"item_type" text NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"owner_node_key" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"status" text NOT NULL,
	"decision" jsonb,
	"letterhead" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text,
	"status_rollup" text DEFAULT 'worst' NOT NULL,
	"node_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "figures" ADD CONSTRAINT "figures_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_texts" ADD CONSTRAINT "goal_texts_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_texts" ADD CONSTRAINT "goal_texts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_nodes" ADD CONSTRAINT "org_nodes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_plan" ON "audit_events" USING btree ("plan_key");--> statement-breakpoint
CREATE INDEX "audit_entity" ON "audit_events" USING btree ("entity_type","entity_key");--> statement-breakpoint
CREATE UNIQUE INDEX "figures_cell" ON "figures" USING btree ("plan_id","item_type","item_key","row_key","column_key");--> statement-breakpoint
CREATE INDEX "figures_series_period" ON "figures" USING btree ("series","period");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_texts_goal_plan" ON "goal_texts" USING btree ("goal_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_municipality_key" ON "goals" USING btree ("municipality_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "org_nodes_municipality_key" ON "org_nodes" USING btree ("municipality_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_items_plan_type_key" ON "plan_items" USING btree ("plan_id","item_type","key");