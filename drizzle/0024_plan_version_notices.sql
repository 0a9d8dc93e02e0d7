-- A server on the embedded database remembers what each plan's read check answered (its status,
-- versions and municipality: src/db/plan-version-repository.ts) until the database says that plans
-- or municipalities changed: a notice on the channel styrkort_plan_versions, sent at the commit of
-- every transaction that changed either table (PostgreSQL sends one notice per transaction for the
-- same channel and text). On a PostgreSQL server nobody needs to listen: reads ask every time.

CREATE FUNCTION styrkort_plan_versions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('styrkort_plan_versions', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plans_versions_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_versions_changed();
--> statement-breakpoint
CREATE TRIGGER municipalities_versions_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_versions_changed();
