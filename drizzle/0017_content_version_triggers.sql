-- A plan's content version changes in the transaction of every write that changes what its
-- projections (plan file, scorecard, documents) show, whichever code writes: read caches and ETags
-- are keyed by it. A plan shows the versions of shared goals and organisation nodes it pins
-- (goal_texts, plan_nodes; the versions themselves never change, drizzle/0010), so re-pinning a
-- draft to a goal's or node's new version changes that plan's version, and an adopted plan, which
-- keeps its pins, keeps its version. The municipality's own row (its name, shown by every plan of
-- it) changes the municipality's content version, which every plan of it is read with.
-- A restore (styrkort.restoring = 'on' in its transaction) writes rows with the versions they had,
-- and sets the versions going on itself (src/db/plan-version-repository.ts).

-- The plan row itself: any change except to the version and the time stamp.
CREATE FUNCTION styrkort_row_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NEW; END IF;
  IF (to_jsonb(NEW) - 'content_version' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'content_version' - 'updated_at') THEN
    NEW.content_version := nextval('content_version');
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plans_content_version BEFORE UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION styrkort_row_content_changed();
--> statement-breakpoint
CREATE TRIGGER municipalities_content_version BEFORE UPDATE ON municipalities
  FOR EACH ROW EXECUTE FUNCTION styrkort_row_content_changed();
--> statement-breakpoint

-- A plan's own rows: once per statement, for the plans whose rows it changed.
CREATE FUNCTION styrkort_plan_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE plans SET content_version = nextval('content_version') WHERE id IN (SELECT DISTINCT plan_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_items_inserted AFTER INSERT ON plan_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_items_updated AFTER UPDATE ON plan_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_items_deleted AFTER DELETE ON plan_items REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER figures_inserted AFTER INSERT ON figures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER figures_updated AFTER UPDATE ON figures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER figures_deleted AFTER DELETE ON figures REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER goal_texts_inserted AFTER INSERT ON goal_texts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER goal_texts_updated AFTER UPDATE ON goal_texts REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER goal_texts_deleted AFTER DELETE ON goal_texts REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_nodes_inserted AFTER INSERT ON plan_nodes REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_nodes_updated AFTER UPDATE ON plan_nodes REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_nodes_deleted AFTER DELETE ON plan_nodes REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint

-- A new adoption snapshot: the adopted plan's documents are built from it.
CREATE FUNCTION styrkort_snapshot_taken() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE plans SET content_version = nextval('content_version') WHERE key IN (SELECT DISTINCT plan_key FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_snapshots_inserted AFTER INSERT ON plan_snapshots REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_snapshot_taken();
--> statement-breakpoint
