ALTER TABLE "goal_texts" ALTER COLUMN "goal_version_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" DROP COLUMN "level";--> statement-breakpoint
ALTER TABLE "goals" DROP COLUMN "number";--> statement-breakpoint
ALTER TABLE "goals" DROP COLUMN "perspective";--> statement-breakpoint
ALTER TABLE "goals" DROP COLUMN "parent_key";--> statement-breakpoint
ALTER TABLE "goals" DROP COLUMN "node_key";--> statement-breakpoint
ALTER TABLE "org_nodes" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "org_nodes" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "org_nodes" DROP COLUMN "short_name";--> statement-breakpoint
ALTER TABLE "org_nodes" DROP COLUMN "parent_key";--> statement-breakpoint
ALTER TABLE "org_nodes" DROP COLUMN "description";--> statement-breakpoint
ALTER TABLE "plans" DROP COLUMN "node_keys";