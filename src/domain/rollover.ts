/**
 * Year rollover: next period's plan built from this one. Structure, goals, indicators with their
 * targets, activities still running and budget rows carry over; figures of past periods, actuals
 * and finished activities do not. Pure, so the preview and the real thing are the same function.
 */
import type { Column, PlanFile } from './plan.ts';

export interface RolloverOptions {
  periodStart: number;
  periodEnd: number;
  key: string;
}

/** What a rollover copies and what it leaves, by part (the preview the API and the web app show). */
export interface RolloverPreview {
  /** The source plan's key. */
  from: string;
  /** The new plan's key. */
  to: string;
  /** The new period as printed, "2021–2023". */
  period: string;
  /** How many of each part carry over. */
  copied: Record<string, number>;
  /** What stays behind, and why ("genomförd", "avbruten" …). */
  left: Array<{ part: string; key: string; reason: string }>;
}

export interface RolloverResult {
  plan: PlanFile;
  preview: RolloverPreview;
}

const finished = new Set(['done', 'cancelled']);

/** "timra-sn-2020-2022" → "timra-sn-2021-2023"; otherwise the key with the new period appended. */
export function rolloverKey(key: string, from: { start: number; end: number }, to: { start: number; end: number }): string {
  const period = `${from.start}-${from.end}`;
  return key.includes(period) ? key.replace(period, `${to.start}-${to.end}`) : `${key}-${to.start}-${to.end}`;
}

/** Columns for the new period: the budget year, then plan years. */
function periodColumns(start: number, end: number): Column[] {
  const columns: Column[] = [{ key: `budget-${start}`, label: `Budget ${start}`, kind: 'budget', period: String(start) }];
  for (let year = start + 1; year <= end; year++) columns.push({ key: `plan-${year}`, label: `Plan ${year}`, kind: 'plan', period: String(year) });
  return columns;
}

/**
 * An economic table for the new period: its rows, units and subtotals carry over, its columns
 * become the new budget and plan years, and relations between the old columns (a deviation of
 * the old year) are left behind with them; relations down the rows (nets, sums) carry over.
 */
function rolloverBudgetTable(table: PlanFile['budgetTables'][number], columns: Column[]): PlanFile['budgetTables'][number] {
  return {
    ...structuredClone(table),
    columns: columns.map(({ kind, ...column }) => ({ ...column, measure: kind === 'budget' ? 'budget' : 'plan' })),
    rows: table.rows.map((row) => ({ ...structuredClone(row), cells: {} })),
    relations: table.relations.filter((relation) => relation.kind !== 'unit-total' && relation.axis === 'rows'),
  };
}

export function rolloverPlan(source: PlanFile, options: RolloverOptions): RolloverResult {
  const { plan: head } = source;
  const fromPeriod = `${head.periodStart}-${head.periodEnd}`;
  const toPeriod = `${options.periodStart}-${options.periodEnd}`;
  const left: RolloverPreview['left'] = [];
  const activities = source.activities.filter((activity) => {
    if (activity.status && finished.has(activity.status)) {
      left.push({ part: 'activities', key: activity.key, reason: activity.status === 'done' ? 'genomförd' : 'avbruten' });
      return false;
    }
    return true;
  });
  for (const indicator of source.indicators) {
    if (indicator.actuals.length) left.push({ part: 'indicators', key: indicator.key, reason: `${indicator.actuals.length} utfall hör till tidigare perioder` });
  }
  // A goal's assessments (issue 12) belong to the periods they were made for, as outcomes do.
  for (const goal of source.goals) {
    const n = goal.assessments?.length ?? 0;
    if (n > 0) left.push({ part: 'goals', key: goal.key, reason: `${n} ${n === 1 ? 'bedömning hör' : 'bedömningar hör'} till tidigare perioder` });
  }
  const columns = periodColumns(options.periodStart, options.periodEnd);
  const plan: PlanFile = {
    ...structuredClone(source),
    plan: {
      ...head,
      key: options.key,
      title: head.title.replace(fromPeriod, toPeriod),
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      status: 'draft',
      decision: null,
      source: `Rullad från ${head.key}`,
    },
    goals: source.goals.map(({ assessments: _assessments, ...goal }) => structuredClone(goal)),
    indicators: source.indicators.map((indicator) => ({ ...structuredClone(indicator), actuals: [] })),
    activities: structuredClone(activities),
    volumeTables: source.volumeTables.map((table) => ({ ...structuredClone(table), columns, rows: table.rows.map((row) => ({ ...row, cells: {} })) })),
    budgetTables: source.budgetTables.map((table) => rolloverBudgetTable(table, columns)),
    capitalBudgets: source.capitalBudgets.map((table) => ({
      ...structuredClone(table),
      columns: [...columns, { key: 'total', label: 'Total investering', kind: 'total' }],
      rows: table.rows.map((row) => ({ ...row, cells: {} })),
      total: table.total ? { ...table.total, cells: {} } : null,
    })),
  };
  // Analyses (issue 6) belong to the periods they were written for.
  if ('analyses' in plan) (plan as Record<string, unknown>).analyses = [];
  const sectionsUsed = new Set(plan.activities.map((activity) => activity.key));
  plan.sections = plan.sections.map((section) =>
    section.include ? { ...section, include: section.include.filter((key) => !source.activities.some((a) => a.key === key) || sectionsUsed.has(key)) } : section,
  );
  return {
    plan,
    preview: {
      from: head.key,
      to: options.key,
      period: `${options.periodStart}–${options.periodEnd}`,
      copied: {
        goals: plan.goals.length,
        indicators: plan.indicators.length,
        targets: plan.indicators.reduce((n, indicator) => n + indicator.targets.length, 0),
        strategies: plan.strategies.length,
        activities: plan.activities.length,
        outlooks: plan.outlooks.length,
        volumeRows: plan.volumeTables.reduce((n, table) => n + table.rows.length, 0),
        budgetRows: plan.budgetTables.reduce((n, table) => n + table.rows.length, 0),
        investmentRows: plan.capitalBudgets.reduce((n, table) => n + table.rows.length, 0),
        sections: plan.sections.length,
      },
      left,
    },
  };
}
