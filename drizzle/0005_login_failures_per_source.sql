-- Failed logins are counted per account and source address (issue 10, defect 7). The old per-account
-- counters cannot be split by address; they are short-lived state, so they are dropped.
DELETE FROM "login_failures";--> statement-breakpoint
ALTER TABLE "login_failures" DROP CONSTRAINT "login_failures_pkey";--> statement-breakpoint
ALTER TABLE "login_failures" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "login_failures" ADD CONSTRAINT "login_failures_username_source_pk" PRIMARY KEY("username","source");
