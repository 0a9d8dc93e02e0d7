/**
 * Which periods a plan follows up, so that an imported actual for any other period is bad input
 * (issue 14). A plan follows up the years of its period, the year before it — a plan for 2018–2020
 * is written during 2017 and follows up 2017's months, as Timrå's IFO plan prints "Utfall jan …
 * dec" for 2017 — and every year the plan itself names in a table column, an indicator's target or
 * an actual already entered (the "Bokslut 2015" of a volume table, the 2018 target of a 2020–2022
 * plan). Decision 0014.
 */
import { formatPeriod, isPeriod, yearOf, type Period } from '../period.ts';
import type { PlanFile } from '../plan.ts';

/** The years a plan follows up, in order. */
export function followUpYears(plan: PlanFile): number[] {
  const years = new Set<number>();
  for (let year = plan.plan.periodStart - 1; year <= plan.plan.periodEnd; year++) years.add(year);
  const name = (period: string | undefined): void => {
    if (period !== undefined && isPeriod(period)) years.add(yearOf(period));
  };
  for (const table of [...plan.volumeTables, ...plan.budgetTables]) for (const column of table.columns) name(column.period);
  for (const indicator of plan.indicators) {
    for (const target of indicator.targets) years.add(target.year);
    for (const actual of indicator.actuals) name(actual.period);
  }
  return [...years].sort((a, b) => a - b);
}

/** Why a period lies outside the plan (in Swedish), or null when the plan follows it up. */
export function periodOutsidePlan(years: ReadonlySet<number>, plan: PlanFile, period: Period): string | null {
  if (years.has(yearOf(period))) return null;
  const { key, periodStart, periodEnd } = plan.plan;
  return `Perioden ${formatPeriod(period)} ligger utanför planen ${key} (${periodStart}–${periodEnd}), som följer upp ${describeYears([...years].sort((a, b) => a - b))}.`;
}

/** "2017–2020", or "2015, 2016 och 2017–2020". */
function describeYears(years: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    runs.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.length <= 1 ? (runs[0] ?? '') : `${runs.slice(0, -1).join(', ')} och ${runs[runs.length - 1]}`;
}
