-- A plan's content version changes once per transaction, at its commit (decision 0022). Until now
-- every statement that changed a plan's rows updated the plan row at once (drizzle/0017), so a
-- writer held the plan row from its first changed row to its commit, and writers of different
-- tables of one plan took turns for the whole of their transactions. Now a statement only notes
-- the plan in plan_content_changes (one row per plan and transaction, never seen by another
-- transaction: it is deleted at the commit that wrote it), and a deferred trigger on that note
-- changes the plan's content version (and when it was changed) during the commit, so the plan row
-- is held only while the transaction commits. Caches and ETags are still keyed by the plan's
-- content version, which still changes in the transaction of every write that changes what the
-- plan shows. A restore (styrkort.restoring = 'on') writes the versions it restores, as before.

CREATE TABLE plan_content_changes (
  plan_id integer NOT NULL,
  transaction_id bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  PRIMARY KEY (plan_id, transaction_id)
);
--> statement-breakpoint

CREATE OR REPLACE FUNCTION styrkort_plan_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  INSERT INTO plan_content_changes (plan_id) SELECT DISTINCT plan_id FROM changed_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION styrkort_plan_content_committed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plans SET content_version = nextval('content_version'), updated_at = now() WHERE id = NEW.plan_id;
  DELETE FROM plan_content_changes WHERE plan_id = NEW.plan_id AND transaction_id = NEW.transaction_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint

CREATE CONSTRAINT TRIGGER plan_content_committed AFTER INSERT ON plan_content_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION styrkort_plan_content_committed();
