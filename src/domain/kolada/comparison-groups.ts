/**
 * RKA's comparison groups ("Liknande kommuner IFO, Timrå, 2022") found by their titles, since
 * their ids change when RKA recomputes them: per area the group of the latest year.
 */

export interface ComparisonGroup {
  id: string;
  title: string;
  /** The area as the title names it: "IFO", "ekonomiskt bistånd", "övergripande" … */
  area: string;
  municipality: string;
  year: number;
}

const PREFIX = /^Liknande kommuner\b[, ]*/i;

/** Reads "Liknande kommuner IFO, Timrå, 2022" (and "Liknande kommuner, övergripande, Timrå, 2022"); null for other titles. */
export function readComparisonGroupTitle(title: string): Omit<ComparisonGroup, 'id' | 'title'> | null {
  if (!PREFIX.test(title)) return null;
  const parts = title.replace(PREFIX, '').split(',').map((part) => part.trim());
  if (parts.length < 3) return null;
  const year = parts.at(-1)!;
  const municipality = parts.at(-2)!;
  const area = parts.slice(0, -2).join(', ');
  if (!/^\d{4}$/.test(year) || !area || !municipality) return null;
  return { area, municipality, year: Number(year) };
}

/** A municipality's comparison groups among `groups`: the latest year per area, sorted by area. */
export function comparisonGroupsOf(groups: ReadonlyArray<{ id: string; title: string }>, municipalityTitle: string): ComparisonGroup[] {
  const latest = new Map<string, ComparisonGroup>();
  for (const group of groups) {
    const read = readComparisonGroupTitle(group.title);
    if (!read || read.municipality.toLowerCase() !== municipalityTitle.toLowerCase()) continue;
    const key = read.area.toLowerCase();
    const known = latest.get(key);
    if (!known || read.year > known.year || (read.year === known.year && group.id > known.id)) latest.set(key, { ...group, ...read });
  }
  return [...latest.values()].sort((a, b) => a.area.localeCompare(b.area, 'sv'));
}

function normalise(text: string): string {
  return text.replace(PREFIX, '').replace(/[,]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The comparison group a user means: its id, its whole title, "Liknande kommuner IFO", or just
 * the area ("IFO", "ekonomiskt bistånd"). Null when none matches.
 */
export function pickComparisonGroup(groups: readonly ComparisonGroup[], query: string): ComparisonGroup | null {
  const wanted = normalise(query);
  return (
    groups.find((g) => g.id === query.trim()) ??
    groups.find((g) => normalise(g.title) === wanted) ??
    groups.find((g) => normalise(g.area) === wanted) ??
    null
  );
}

/** The area a comparison uses when none is asked for: the overall group ("övergripande"). */
export const DEFAULT_AREA = 'övergripande';
