/**
 * Which row of a plan's volume tables a file's measure is: by the row's key, its measure key, or
 * its label (compared without case and with spaces normalised, so "Antal hushåll med
 * försörjningsstöd" finds its row). A name that fits no row, or more than one, is reported with
 * the lines that use it; none is guessed.
 */
import { normaliseHeader } from '../table/columns.ts';

export interface MeasureRow {
  table: string;
  key: string;
  measure?: string;
  label: string;
}

export interface MeasureResolution {
  /** Each name of the file → the row it is. */
  rows: Map<string, MeasureRow>;
  unknown: Array<{ name: string; firstLine: number; count: number }>;
  ambiguous: Array<{ name: string; rows: MeasureRow[] }>;
}

/** Resolves the measure names of a file's actuals against the plan's volume rows. */
export function resolveMeasures(actuals: Iterable<{ measure: string; line: number }>, rows: ReadonlyArray<MeasureRow>): MeasureResolution {
  const byName = new Map<string, MeasureRow[]>();
  const add = (name: string | undefined, row: MeasureRow): void => {
    if (name === undefined) return;
    const key = normaliseHeader(name);
    const list = byName.get(key) ?? [];
    if (!list.includes(row)) list.push(row);
    byName.set(key, list);
  };
  for (const row of rows) {
    add(row.key, row);
    add(row.measure, row);
    add(row.label, row);
  }
  const resolution: MeasureResolution = { rows: new Map(), unknown: [], ambiguous: [] };
  const unknown = new Map<string, { name: string; firstLine: number; count: number }>();
  for (const actual of actuals) {
    if (resolution.rows.has(actual.measure)) continue;
    const found = byName.get(normaliseHeader(actual.measure)) ?? [];
    if (found.length === 1) resolution.rows.set(actual.measure, found[0]!);
    else if (found.length > 1) {
      if (!resolution.ambiguous.some((entry) => entry.name === actual.measure)) resolution.ambiguous.push({ name: actual.measure, rows: found });
    } else {
      const entry = unknown.get(actual.measure) ?? { name: actual.measure, firstLine: actual.line, count: 0 };
      entry.count++;
      unknown.set(actual.measure, entry);
    }
  }
  resolution.unknown = [...unknown.values()];
  return resolution;
}
