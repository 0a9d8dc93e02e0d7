-- Measures (drizzle/0018) belong to the municipality and every plan listing one shows all its
-- values (docs/goals.md, decision 0020). So a change to a measure or any of its values changes the
-- municipality's content version, which every plan of it is read with (drizzle/0017), and a
-- change to which measures a plan lists changes that plan's version. A restore writes rows with
-- the versions they had (styrkort.restoring), as for the plan's own rows.

CREATE FUNCTION styrkort_measures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE municipalities SET content_version = nextval('content_version') WHERE id IN (SELECT DISTINCT municipality_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION styrkort_measure_values_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE municipalities SET content_version = nextval('content_version')
    WHERE id IN (SELECT DISTINCT m.municipality_id FROM measures m WHERE m.id IN (SELECT measure_id FROM changed_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER measures_inserted AFTER INSERT ON measures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measures_changed();
--> statement-breakpoint
CREATE TRIGGER measures_updated AFTER UPDATE ON measures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measures_changed();
--> statement-breakpoint
CREATE TRIGGER measures_deleted AFTER DELETE ON measures REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measures_changed();
--> statement-breakpoint
CREATE TRIGGER measure_values_inserted AFTER INSERT ON measure_values REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measure_values_changed();
--> statement-breakpoint
CREATE TRIGGER measure_values_updated AFTER UPDATE ON measure_values REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measure_values_changed();
--> statement-breakpoint
CREATE TRIGGER measure_values_deleted AFTER DELETE ON measure_values REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_measure_values_changed();
--> statement-breakpoint
CREATE TRIGGER plan_measures_inserted AFTER INSERT ON plan_measures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_measures_updated AFTER UPDATE ON plan_measures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
--> statement-breakpoint
CREATE TRIGGER plan_measures_deleted AFTER DELETE ON plan_measures REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_plan_rows_changed();
