/**
 * Breakdowns of a value (uppdelning): by gender as Kolada writes it (K, M; the total is the value
 * itself), by provider (egen regi, extern regi) and by age band. The total stays as printed;
 * a breakdown is shown beside it, never summed into it.
 */
import type { Breakdown } from './plan.ts';

const GROUP_LABELS: Record<string, string> = {
  'gender:K': 'kvinnor',
  'gender:M': 'män',
  'provider:own': 'egen regi',
  'provider:external': 'extern regi',
};

/** What a breakdown's group is called: the plan's own word where it printed one ("flickor"), else kvinnor, män, egen regi, extern regi, the age band. */
export function breakdownLabel(part: Breakdown): string {
  return part.label ?? GROUP_LABELS[`${part.dimension}:${part.group}`] ?? part.group;
}

/** The dimension in words: kön, regi, ålder. */
export function dimensionName(dimension: Breakdown['dimension']): string {
  return { gender: 'kön', provider: 'regi', age: 'ålder' }[dimension];
}

/** The groups that occur in a set of breakdowns, in the order first seen: the rows a table prints below a total. */
export function breakdownGroups(breakdowns: ReadonlyArray<ReadonlyArray<Breakdown> | undefined>): Array<Pick<Breakdown, 'dimension' | 'group'> & { label: string }> {
  const groups = new Map<string, Pick<Breakdown, 'dimension' | 'group'> & { label: string }>();
  for (const parts of breakdowns) {
    for (const part of parts ?? []) {
      const id = `${part.dimension}:${part.group}`;
      if (!groups.has(id)) groups.set(id, { dimension: part.dimension, group: part.group, label: breakdownLabel(part) });
    }
  }
  return [...groups.values()];
}

/** The printed value of one group in a breakdown, or undefined when it is not given. */
export function breakdownText(parts: ReadonlyArray<Breakdown> | undefined, group: Pick<Breakdown, 'dimension' | 'group'>): string | undefined {
  return parts?.find((part) => part.dimension === group.dimension && part.group === group.group)?.text;
}
