-- The scorecard and the follow-up reports show Kolada figures for the measures a municipality has
-- linked (kolada_links, decision 0017): an outcome where the plan names Kolada as the source, a
-- reference value for "bättre än riket", the report's comparison. Read caches are keyed by the
-- plan's and its municipality's content versions (drizzle/0017), so a change to a link changes its
-- municipality's version, and a change to Kolada's values, KPIs or groups changes the version of
-- every municipality with a link (the others show no Kolada figure). Once per statement.

CREATE FUNCTION styrkort_kolada_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE municipalities SET content_version = nextval('content_version') WHERE code IN (SELECT DISTINCT municipality FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION styrkort_kolada_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('styrkort.restoring', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE municipalities SET content_version = nextval('content_version') WHERE code IN (SELECT DISTINCT municipality FROM kolada_links);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER kolada_links_inserted AFTER INSERT ON kolada_links REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_links_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_links_updated AFTER UPDATE ON kolada_links REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_links_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_links_deleted AFTER DELETE ON kolada_links REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_links_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_values_changed AFTER INSERT OR UPDATE OR DELETE ON kolada_values FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_data_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_kpis_changed AFTER INSERT OR UPDATE OR DELETE ON kolada_kpis FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_data_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_municipality_groups_changed AFTER INSERT OR UPDATE OR DELETE ON kolada_municipality_groups FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_data_changed();
--> statement-breakpoint
CREATE TRIGGER kolada_municipality_group_members_changed AFTER INSERT OR UPDATE OR DELETE ON kolada_municipality_group_members FOR EACH STATEMENT EXECUTE FUNCTION styrkort_kolada_data_changed();
