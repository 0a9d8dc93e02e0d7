/**
 * A municipality's KPI value against a comparison group and the country, for one year and gender:
 * the group's unweighted mean, minimum, quartiles, median and maximum over the members that have a
 * value, the own place in the group, and the members without a value (excluded and named, never 0).
 */
import { Decimal } from 'decimal.js';
import type { Gender } from './model.ts';
import { competitionRanks, mean, quantile, sortAscending, type RankOrder } from './statistics.ts';

export interface Place {
  id: string;
  title: string;
}

export interface ComparisonInput {
  kpi: string;
  year: number;
  gender: Gender;
  own: Place & { value: string | null };
  /** The group and its members' values (null: no value); null when no group is compared. */
  group: (Place & { members: Array<Place & { value: string | null }> }) | null;
  country: string | null;
  order: RankOrder;
}

export interface GroupStatistics {
  members: number;
  withValues: number;
  /** Members without a value: excluded from every figure. */
  missing: Place[];
  mean: Decimal | null;
  min: Decimal | null;
  lowerQuartile: Decimal | null;
  median: Decimal | null;
  upperQuartile: Decimal | null;
  max: Decimal | null;
}

export interface RankedPlace extends Place {
  value: Decimal;
  place: number;
  isOwn: boolean;
}

export interface OwnPlace {
  place: number;
  /** How many are ranked: the members with values, and the own municipality when it is not a member. */
  of: number;
  /** Others with exactly the own value (they share the place). */
  tiedWith: number;
}

export interface Comparison {
  kpi: string;
  year: number;
  gender: Gender;
  order: RankOrder;
  own: Place & { value: Decimal | null };
  country: Decimal | null;
  group: (Place & { ownIsMember: boolean; statistics: GroupStatistics; ownPlace: OwnPlace | null; ranking: RankedPlace[] }) | null;
}

function decimal(value: string | null): Decimal | null {
  return value === null ? null : new Decimal(value);
}

/** Compares the own value with the group's and the country's. */
export function compareWithGroup(input: ComparisonInput): Comparison {
  const own = { id: input.own.id, title: input.own.title, value: decimal(input.own.value) };
  return { kpi: input.kpi, year: input.year, gender: input.gender, order: input.order, own, country: decimal(input.country), group: input.group && compareGroup(input.group, own, input.order) };
}

function compareGroup(group: NonNullable<ComparisonInput['group']>, own: Comparison['own'], order: RankOrder): NonNullable<Comparison['group']> {
  const members = group.members.map((m) => ({ id: m.id, title: m.title, value: decimal(m.value) }));
  const withValues = members.filter((m): m is Place & { value: Decimal } => m.value !== null);
  const sorted = sortAscending(withValues.map((m) => m.value));
  const statistics: GroupStatistics = {
    members: members.length,
    withValues: withValues.length,
    missing: members.filter((m) => m.value === null).map(({ id, title }) => ({ id, title })),
    mean: mean(sorted),
    min: sorted[0] ?? null,
    lowerQuartile: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    upperQuartile: quantile(sorted, 0.75),
    max: sorted.at(-1) ?? null,
  };
  const ownIsMember = members.some((m) => m.id === own.id);
  const ranked = withValues.map((m) => ({ ...m, isOwn: m.id === own.id }));
  if (!ownIsMember && own.value !== null) ranked.push({ id: own.id, title: own.title, value: own.value, isOwn: true });
  const places = competitionRanks(ranked.map((r) => r.value), order);
  const ranking = ranked
    .map((r, i) => ({ ...r, place: places[i]! }))
    .sort((a, b) => a.place - b.place || a.title.localeCompare(b.title, 'sv'));
  const ownRanked = ranking.find((r) => r.isOwn);
  const ownPlace = ownRanked ? { place: ownRanked.place, of: ranking.length, tiedWith: ranking.filter((r) => !r.isOwn && r.value.equals(ownRanked.value)).length } : null;
  return { id: group.id, title: group.title, ownIsMember, statistics, ownPlace, ranking };
}

/** What a target can be measured against (phase 2: "bättre än riket", "i nivå med liknande kommuner"). */
export type ComparisonReference = 'own' | 'country' | 'group-mean' | 'group-median' | 'group-min' | 'group-max' | 'group-lower-quartile' | 'group-upper-quartile';

/** One figure of a comparison by name, or null when it is missing. */
export function referenceValue(comparison: Comparison, reference: ComparisonReference): Decimal | null {
  const statistics = comparison.group?.statistics;
  switch (reference) {
    case 'own':
      return comparison.own.value;
    case 'country':
      return comparison.country;
    case 'group-mean':
      return statistics?.mean ?? null;
    case 'group-median':
      return statistics?.median ?? null;
    case 'group-min':
      return statistics?.min ?? null;
    case 'group-max':
      return statistics?.max ?? null;
    case 'group-lower-quartile':
      return statistics?.lowerQuartile ?? null;
    case 'group-upper-quartile':
      return statistics?.upperQuartile ?? null;
  }
}

/** The ranking order that puts the best first, from an indicator's direction (lowest first when unknown). */
export function rankOrderFor(direction: 'higher-better' | 'lower-better' | 'closer-better' | undefined): RankOrder {
  return direction === 'higher-better' ? 'highest-first' : 'lowest-first';
}
