-- An adopted round's snapshot is what the committee adopted: it can be read, never changed or removed.
CREATE FUNCTION styrkort_round_snapshot_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'En fastställd uppföljnings ögonblicksbild kan inte ändras eller raderas' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER round_snapshots_immutable BEFORE UPDATE OR DELETE ON round_snapshots
  FOR EACH ROW EXECUTE FUNCTION styrkort_round_snapshot_is_immutable();
