-- Each plan keeps the description of a measure its file gave (drizzle/0020): plans stored before
-- take the measure's description as it is now, which is what they showed until this migration.
UPDATE plan_measures pm SET name = m.name, unit = m.unit, kolada = m.kolada, source = m.source
  FROM measures m WHERE m.id = pm.measure_id AND pm.name IS NULL;
