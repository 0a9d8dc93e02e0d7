CREATE TABLE "goal_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"goal_id" integer NOT NULL,
	"version" integer NOT NULL,
	"level" text NOT NULL,
	"number" text,
	"perspective" integer,
	"parent_key" text,
	"node_key" text,
	"plan_id" integer,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_node_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"node_id" integer NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"parent_key" text,
	"description" text,
	"plan_id" integer,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_nodes" (
	"plan_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"node_version_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "plan_nodes_plan_id_node_id_pk" PRIMARY KEY("plan_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "goal_texts" ADD COLUMN "goal_version_id" integer;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "goal_versions" ADD CONSTRAINT "goal_versions_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_versions" ADD CONSTRAINT "goal_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_node_versions" ADD CONSTRAINT "org_node_versions_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_node_versions" ADD CONSTRAINT "org_node_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_nodes" ADD CONSTRAINT "plan_nodes_node_version_id_org_node_versions_id_fk" FOREIGN KEY ("node_version_id") REFERENCES "public"."org_node_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goal_versions_goal_version" ON "goal_versions" USING btree ("goal_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "org_node_versions_node_version" ON "org_node_versions" USING btree ("node_id","version");--> statement-breakpoint
CREATE INDEX "plan_nodes_version" ON "plan_nodes" USING btree ("node_version_id");--> statement-breakpoint
ALTER TABLE "goal_texts" ADD CONSTRAINT "goal_texts_goal_version_id_goal_versions_id_fk" FOREIGN KEY ("goal_version_id") REFERENCES "public"."goal_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_texts_version" ON "goal_texts" USING btree ("goal_version_id");