/**
 * Entering follow-up data into a plan (pure; the service validates the result and stores it):
 * an indicator's outcome for a period, a month's actual of a volume row or a budget line (the
 * actual column for the month is added when the table has none), and the analysis of a subject
 * for a period. Each returns a new plan and leaves the given one untouched.
 */
import { StyrkortError } from './errors.ts';
import { comparePeriods, formatPeriod, periodKeyPart, periodProblem } from './period.ts';
import type { ActualEntry, Column, PlanFile } from './plan.ts';
import { analysisKey } from './analyses.ts';
import { setCell } from './economy/table.ts';

/** Adds or replaces an indicator's outcome (utfall) for its period. */
export function recordIndicatorActual(plan: PlanFile, input: { indicator: string } & ActualEntry): PlanFile {
  const { indicator: key, ...entry } = input;
  assertPeriod(entry.period);
  if (!plan.indicators.some((indicator) => indicator.key === key)) throw new StyrkortError('not-found', `Styrtalet "${key}" finns inte i planen`);
  const indicators = plan.indicators.map((indicator) => {
    if (indicator.key !== key) return indicator;
    const others = indicator.actuals.filter((actual) => actual.period !== entry.period);
    const actuals = [...others, entry].sort((a, b) => comparePeriods(a.period, b.period));
    return { ...indicator, actuals };
  });
  return { ...plan, indicators };
}

/**
 * Puts an actual figure, as printed, into a volume row (by row key) or a budget line (by line:
 * income, costs, net) for a period of any kind ('2017-08', '2017', '2025-T2'), in the table's actual column for that
 * period; the column is created ("Utfall aug 2017") when there is none.
 */
export function recordTableActual(plan: PlanFile, input: { table: string; row: string; period: string; text: string }): PlanFile {
  assertPeriod(input.period);
  const volume = plan.volumeTables.find((table) => table.key === input.table);
  if (volume) {
    if (!volume.rows.some((row) => row.key === input.row)) throw new StyrkortError('not-found', `Raden "${input.row}" finns inte i volymtabellen ${input.table}`);
    const columns = withActualColumn(volume.columns, input.period);
    const column = actualColumn(columns, input.period)!;
    const rows = volume.rows.map((row) => (row.key === input.row ? { ...row, cells: { ...row.cells, [column.key]: input.text } } : row));
    return { ...plan, volumeTables: plan.volumeTables.map((table) => (table === volume ? { ...table, columns, rows } : table)) };
  }
  const budget = plan.budgetTables.find((table) => table.key === input.table);
  if (!budget) throw new StyrkortError('not-found', `Tabellen "${input.table}" finns inte i planen`);
  if (!budget.rows.some((row) => row.key === input.row)) throw new StyrkortError('not-found', `Raden "${input.row}" finns inte i budgettabellen ${input.table}`);
  // A unit's row takes its net outcome; a row of one line (Timrå's income, costs, net) takes that line's outcome.
  const updated = setCell(budget, { row: { key: input.row }, measure: 'actual', period: input.period }, input.text);
  if (!updated) throw new StyrkortError('not-found', `Raden "${input.row}" i budgettabellen ${input.table} tar inget utfall`);
  return { ...plan, budgetTables: plan.budgetTables.map((table) => (table === budget ? updated : table)) };
}

/** Adds or replaces the analysis (analys) of a subject for a period; one text per subject and period. */
export function recordAnalysis(plan: PlanFile, input: { subject: string; period: string; text: string; author?: string }): PlanFile {
  assertPeriod(input.period);
  const existing = plan.analyses.find((analysis) => analysis.subject === input.subject && analysis.period === input.period);
  const { subject, period, text, author } = input;
  const analysis = { key: existing?.key ?? analysisKey(subject, period), period, subject, text, ...(author === undefined ? {} : { author }) };
  const analyses = existing ? plan.analyses.map((a) => (a === existing ? analysis : a)) : [...plan.analyses, analysis];
  return { ...plan, analyses };
}

function actualColumn(columns: Column[], period: string): Column | undefined {
  return columns.find((column) => column.kind === 'actual' && column.period === period);
}

/** The columns with an actual column for the period, placed after the last column of an earlier or equal period. */
function withActualColumn(columns: Column[], period: string): Column[] {
  if (actualColumn(columns, period)) return columns;
  const label = `Utfall ${formatPeriod(period)}`;
  let key = `utfall-${periodKeyPart(period)}`;
  while (columns.some((column) => column.key === key)) key = `${key}-x`;
  const column: Column = { key, label, kind: 'actual', period };
  let at = 0;
  columns.forEach((c, i) => {
    if (c.period !== undefined && comparePeriods(c.period, period) <= 0) at = i + 1;
  });
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}

function assertPeriod(period: string): void {
  const problem = periodProblem(period);
  if (problem) throw new StyrkortError('validation', problem);
}
