-- Issue 13: stored operating budgets move from the plan file's version 1 shape (rows named by
-- their line; columns with `kind`) to the general economic table of version 2 (rows with a key,
-- a kind and their line; columns with a measure; the net relation stated). Cells live in
-- `figures` and keep their identity: a row's key is its old line, so row_key, series and kind of
-- every figure stay as they were. A table already in the new shape (it has `relations`) is left.
UPDATE plan_items
SET data = (data - 'columns' - 'rows') || jsonb_build_object(
  'costSign', 'negative',
  'columns', COALESCE((
    SELECT jsonb_agg(
      (c - 'kind') || jsonb_build_object('measure', CASE WHEN c ->> 'kind' IN ('actual', 'budget', 'forecast', 'plan') THEN c ->> 'kind' ELSE 'other' END)
      ORDER BY o)
    FROM jsonb_array_elements(data -> 'columns') WITH ORDINALITY AS col(c, o)
  ), '[]'::jsonb),
  'rows', COALESCE((
    SELECT jsonb_agg((r - 'line') || jsonb_build_object('key', r ->> 'line', 'kind', 'line', 'line', r ->> 'line') ORDER BY o)
    FROM jsonb_array_elements(data -> 'rows') WITH ORDINALITY AS line(r, o)
  ), '[]'::jsonb),
  'relations', CASE
    WHEN (SELECT count(DISTINCT r ->> 'line') FROM jsonb_array_elements(data -> 'rows') AS line(r) WHERE r ->> 'line' IN ('income', 'costs', 'net')) = 3
      THEN '[{"kind": "net", "axis": "rows", "target": "net", "income": "income", "costs": "costs"}]'::jsonb
    ELSE '[]'::jsonb
  END
)
WHERE item_type = 'budget-table' AND NOT (data ? 'relations');
