CREATE TABLE "follow_up_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_key" text NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" date NOT NULL,
	"reminder_days" integer DEFAULT 3 NOT NULL,
	"template" jsonb NOT NULL,
	"owner" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_addresses" (
	"username" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"node_key" text NOT NULL,
	"responsible" text,
	"state" text DEFAULT 'open' NOT NULL,
	"items" jsonb NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"sent_back_at" timestamp with time zone,
	"sent_back_by" text,
	"sent_back_comment" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_contributions" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"assessment" text,
	"written_by" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"kind" text NOT NULL,
	"node_key" text DEFAULT '' NOT NULL,
	"recipient" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mailed_at" timestamp with time zone,
	"mail_error" text
);
--> statement-breakpoint
CREATE TABLE "round_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"round_id" integer NOT NULL,
	"node_key" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_by" text NOT NULL,
	"content" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "round_assignments" ADD CONSTRAINT "round_assignments_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_contributions" ADD CONSTRAINT "round_contributions_assignment_id_round_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."round_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_messages" ADD CONSTRAINT "round_messages_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_notices" ADD CONSTRAINT "round_notices_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_snapshots" ADD CONSTRAINT "round_snapshots_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_rounds_plan_period" ON "follow_up_rounds" USING btree ("plan_key","period");--> statement-breakpoint
CREATE UNIQUE INDEX "round_assignments_round_node" ON "round_assignments" USING btree ("round_id","node_key");--> statement-breakpoint
CREATE UNIQUE INDEX "round_contributions_assignment_item" ON "round_contributions" USING btree ("assignment_id","item_key");--> statement-breakpoint
CREATE UNIQUE INDEX "round_messages_once" ON "round_messages" USING btree ("round_id","kind","node_key","recipient");--> statement-breakpoint
CREATE INDEX "round_notices_user" ON "round_notices" USING btree ("username","id");