CREATE SEQUENCE "public"."content_version" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "content_version" bigint DEFAULT nextval('content_version') NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "content_version" bigint DEFAULT nextval('content_version') NOT NULL;