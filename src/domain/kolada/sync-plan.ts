/**
 * What a Kolada sync asks for, as units of work that are fetched and stored whole: the metadata
 * lists, then values in blocks of at most 25 KPIs × 25 municipalities (Kolada's limit per path
 * segment). A unit's key does not depend on dates, so an interrupted sync can skip the units an
 * earlier run finished.
 */

/** Kolada allows at most this many ids in one path segment. */
export const MAX_IDS_PER_SEGMENT = 25;

/** The metadata lists a sync fetches first, in order (the groups are needed to find the members). */
export const metadataUnits = [
  { key: 'meta:municipality', path: '/municipality', completeGroups: false },
  { key: 'meta:municipality_groups', path: '/municipality_groups', completeGroups: true },
  { key: 'meta:kpi', path: '/kpi', completeGroups: false },
  { key: 'meta:kpi_groups', path: '/kpi_groups', completeGroups: false },
] as const;

export interface DataUnit {
  key: string;
  kpis: string[];
  municipalities: string[];
  /** Only data updated since this date ('YYYY-MM-DD'); null: everything. */
  fromDate: string | null;
}

/** Splits ids into blocks of at most `size`. */
export function chunkIds(ids: readonly string[], size = MAX_IDS_PER_SEGMENT): string[][] {
  const blocks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) blocks.push(ids.slice(i, i + size));
  return blocks;
}

/**
 * The value units for KPIs × municipalities. A unit asks for data updated since the oldest date any
 * of its pairs was last fetched (`state`: "KPI|municipality" → date); a pair never fetched makes
 * the unit fetch everything. `since` overrides the dates.
 */
export function planDataUnits(input: { kpis: readonly string[]; municipalities: readonly string[]; state: ReadonlyMap<string, string>; since?: string }): DataUnit[] {
  const kpis = [...new Set(input.kpis)].sort();
  const municipalities = [...new Set(input.municipalities)].sort();
  const units: DataUnit[] = [];
  for (const kpiBlock of chunkIds(kpis)) {
    for (const municipalityBlock of chunkIds(municipalities)) {
      const dates = kpiBlock.flatMap((kpi) => municipalityBlock.map((m) => input.state.get(`${kpi}|${m}`) ?? null));
      const oldest = dates.includes(null) ? null : (dates as string[]).sort()[0]!;
      units.push({ key: `data:${kpiBlock.join(',')}:${municipalityBlock.join(',')}`, kpis: kpiBlock, municipalities: municipalityBlock, fromDate: input.since ?? oldest });
    }
  }
  return units;
}

/** The API path of a value unit: /data/kpi/{ids}/municipality/{ids} (all years). */
export function dataPath(unit: Pick<DataUnit, 'kpis' | 'municipalities'>): string {
  const ids = (list: string[]) => list.map(encodeURIComponent).join(',');
  return `/data/kpi/${ids(unit.kpis)}/municipality/${ids(unit.municipalities)}`;
}

/** Whether two sync requests ask for the same thing, so the later may resume the earlier (key order aside: jsonb reorders keys). */
export function sameRequest(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A date 'YYYY-MM-DD' for --since, or null. */
export function readSince(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}
