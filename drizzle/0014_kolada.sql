CREATE TABLE "kolada_kpi_group_members" (
	"group_id" text NOT NULL,
	"kpi" text NOT NULL,
	"title" text,
	CONSTRAINT "kolada_kpi_group_members_group_id_kpi_pk" PRIMARY KEY("group_id","kpi")
);
--> statement-breakpoint
CREATE TABLE "kolada_kpi_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"run_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_kpis" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"definition" text,
	"operating_area" text,
	"perspective" text,
	"municipality_type" text,
	"is_divided_by_gender" boolean,
	"has_ou_data" boolean,
	"auspices" text,
	"publication_date" date,
	"ou_publication_date" date,
	"prel_publication_date" date,
	"publ_period" text,
	"run_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"item_type" text NOT NULL,
	"measure" text NOT NULL,
	"kpis" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_municipalities" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"type" text,
	"run_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_municipality_group_members" (
	"group_id" text NOT NULL,
	"municipality" text NOT NULL,
	"title" text,
	CONSTRAINT "kolada_municipality_group_members_group_id_municipality_pk" PRIMARY KEY("group_id","municipality")
);
--> statement-breakpoint
CREATE TABLE "kolada_municipality_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"comparison_for" text,
	"comparison_area" text,
	"comparison_year" smallint,
	"run_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kolada_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"message" text,
	"request" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" jsonb DEFAULT '{"done":[]}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"resumed_from" integer
);
--> statement-breakpoint
CREATE TABLE "kolada_sync_state" (
	"kpi" text NOT NULL,
	"municipality" text NOT NULL,
	"from_date" date NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kolada_sync_state_kpi_municipality_pk" PRIMARY KEY("kpi","municipality")
);
--> statement-breakpoint
CREATE TABLE "kolada_values" (
	"kpi" text NOT NULL,
	"year" smallint NOT NULL,
	"gender" text NOT NULL,
	"municipality" text NOT NULL,
	"value" numeric,
	"status" text,
	"count" integer,
	"run_id" integer NOT NULL,
	CONSTRAINT "kolada_values_pkey" PRIMARY KEY("kpi","year","gender","municipality"),
	CONSTRAINT "kolada_values_gender" CHECK ("kolada_values"."gender" in ('T', 'K', 'M'))
);
--> statement-breakpoint
ALTER TABLE "kolada_kpi_group_members" ADD CONSTRAINT "kolada_kpi_group_members_group_id_kolada_kpi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."kolada_kpi_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kolada_municipality_group_members" ADD CONSTRAINT "kolada_municipality_group_members_group_id_kolada_municipality_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."kolada_municipality_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kolada_kpi_group_members_kpi" ON "kolada_kpi_group_members" USING btree ("kpi");--> statement-breakpoint
CREATE UNIQUE INDEX "kolada_links_measure" ON "kolada_links" USING btree ("municipality","item_type","measure");--> statement-breakpoint
CREATE INDEX "kolada_group_members_municipality" ON "kolada_municipality_group_members" USING btree ("municipality");--> statement-breakpoint
CREATE INDEX "kolada_groups_comparison_for" ON "kolada_municipality_groups" USING btree ("comparison_for");--> statement-breakpoint
CREATE UNIQUE INDEX "kolada_runs_one_running" ON "kolada_runs" USING btree ("kind") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "kolada_runs_kind_started" ON "kolada_runs" USING btree ("kind","started_at");--> statement-breakpoint
CREATE INDEX "kolada_values_series" ON "kolada_values" USING btree ("municipality","kpi");