/**
 * Which periods a plan follows up (följer upp): the years of its own period and every year its
 * figures name — indicator targets and outcomes, table columns (Bokslut, Budget, Prognos, months),
 * analyses. A plan for 2018–2020 printed with the 2017 months and the 2017 forecast follows up
 * 2017 too: its delårsrapport 2017-08 is a period of the plan, 2030-T1 is not. The one rule for
 * "a period outside the plan", for follow-up rounds and anything else that asks.
 */
import { periodProblem, yearOf } from './period.ts';
import type { PlanFile } from './plan.ts';

/** Every year the plan follows up, in order: its period's years and the years its figures name. */
export function followedUpYears(plan: PlanFile): number[] {
  const years = new Set<number>();
  for (let year = plan.plan.periodStart; year <= plan.plan.periodEnd; year += 1) years.add(year);
  for (const indicator of plan.indicators) {
    for (const target of indicator.targets) years.add(target.year);
    for (const actual of indicator.actuals) years.add(yearOf(actual.period));
  }
  for (const table of [...plan.volumeTables, ...plan.budgetTables, ...plan.capitalBudgets]) {
    for (const column of table.columns) if (column.period) years.add(yearOf(column.period));
  }
  for (const analysis of plan.analyses) years.add(yearOf(analysis.period));
  return [...years].sort((a, b) => a - b);
}

/** Years as ranges for a message: [2015, 2016, 2017, 2020] → "2015–2017, 2020". */
export function describeYears(years: readonly number[]): string {
  const ranges: Array<[number, number]> = [];
  for (const year of years) {
    const last = ranges.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}–${to}`)).join(', ');
}

/**
 * Why a period cannot be followed up in a plan, in Swedish, or null when it can: it is no period,
 * or its year is none the plan follows up.
 */
export function followUpPeriodProblem(plan: PlanFile, period: string): string | null {
  const problem = periodProblem(period);
  if (problem) return problem;
  const years = followedUpYears(plan);
  if (years.includes(yearOf(period))) return null;
  return `Perioden ${period} ligger utanför planen ${plan.plan.key}, som följer upp ${describeYears(years)}`;
}
