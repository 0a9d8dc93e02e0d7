-- Every existing goal and organisation node gets its first version row from what it is now, and
-- every existing plan pins exactly that version, so every plan shows what it showed before.
-- A node keeps its version number (its ETag), so no old ETag becomes valid again.
INSERT INTO org_node_versions (node_id, version, kind, name, short_name, parent_key, description, plan_id, created_by)
SELECT id, version, kind, name, short_name, parent_key, description, NULL, 'migrering'
FROM org_nodes;
--> statement-breakpoint
INSERT INTO plan_nodes (plan_id, node_id, node_version_id, position)
SELECT p.id, n.id, v.id, (k.ord - 1)::int
FROM plans p
CROSS JOIN LATERAL jsonb_array_elements_text(p.node_keys) WITH ORDINALITY AS k(key, ord)
JOIN org_nodes n ON n.municipality_id = p.municipality_id AND n.key = k.key
JOIN org_node_versions v ON v.node_id = n.id AND v.version = n.version;
--> statement-breakpoint
INSERT INTO goal_versions (goal_id, version, level, number, perspective, parent_key, node_key, plan_id, created_by)
SELECT id, version, level, number, perspective, parent_key, node_key, NULL, 'migrering'
FROM goals;
--> statement-breakpoint
UPDATE goal_texts t SET goal_version_id = v.id
FROM goals g JOIN goal_versions v ON v.goal_id = g.id AND v.version = g.version
WHERE t.goal_id = g.id;
--> statement-breakpoint
-- A version is what a plan was adopted with: it is never changed, only followed by a new one.
CREATE FUNCTION styrkort_version_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'En version av ett gemensamt mål eller en organisationsnod kan inte ändras; en ändring blir en ny version' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER org_node_versions_immutable BEFORE UPDATE ON org_node_versions
  FOR EACH ROW EXECUTE FUNCTION styrkort_version_is_immutable();
--> statement-breakpoint
CREATE TRIGGER goal_versions_immutable BEFORE UPDATE ON goal_versions
  FOR EACH ROW EXECUTE FUNCTION styrkort_version_is_immutable();
