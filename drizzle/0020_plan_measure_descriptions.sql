ALTER TABLE "plan_measures" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD COLUMN "kolada" text;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD COLUMN "source" text;