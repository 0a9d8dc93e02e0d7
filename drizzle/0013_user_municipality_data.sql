-- A user's scope names a municipality and a node of it. Existing scoped users work in the
-- municipality that has their node (the first one, should several have a node with that key);
-- unscoped users stay accounts of the whole installation.
UPDATE users u SET municipality_id = (
  SELECT min(n.municipality_id) FROM org_nodes n WHERE n.key = u.unit_key
)
WHERE u.unit_key IS NOT NULL;
