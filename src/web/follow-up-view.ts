/**
 * What the follow-up page needs from the plan file itself: the months that have actuals (the
 * months a follow-up can be made for) and, per volume measure, its monthly actuals through a month
 * beside the plan of the year, for the chart and its table. Figures keep their printed text; the
 * value comes from the printed text by format.ts's rule, and a missing month stays missing.
 */
import { formatCell } from '../domain/format.ts';
import { columnScenario } from '../domain/economy/table.ts';
import { comparePeriods, isMonthPeriod, yearOf } from '../domain/period.ts';
import type { Column, EconomicColumn, PlanFile, VolumeRow } from '../domain/plan.ts';

type AnyColumn = { key: string; kind?: string; measure?: string; period?: string };

function hasText(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/** Month periods ('YYYY-MM') with at least one actual in a volume or budget table, oldest first. */
export function monthsWithActuals(plan: PlanFile): string[] {
  const months = new Set<string>();
  const tables: Array<{ columns: AnyColumn[]; rows: Array<{ cells: Record<string, string> }> }> = [...plan.volumeTables, ...plan.budgetTables];
  for (const table of tables) {
    for (const column of table.columns) {
      const isActual = column.measure !== undefined ? columnScenario(column as EconomicColumn) === 'actual' : column.kind === 'actual';
      if (!isActual || !column.period || !isMonthPeriod(column.period)) continue;
      if (table.rows.some((row) => hasText(row.cells[column.key]))) months.add(column.period);
    }
  }
  return [...months].sort(comparePeriods);
}

export interface ChartMonth {
  period: string;
  /** As printed; null when the month has no actual. */
  text: string | null;
  value: number | null;
}

export interface ChartMeasure {
  /** Unique on the page: table and row. */
  id: string;
  label: string;
  kind: VolumeRow['kind'];
  months: ChartMonth[];
  /** The plan (or budget) of the year, as printed, with its column label. */
  plan: { label: string; text: string; value: number } | null;
  /** Whether the plan is a level every month is compared with (stocks, monthly counts), not a year total. */
  planIsLevel: boolean;
}

const levelKinds: ReadonlySet<VolumeRow['kind']> = new Set(['month-end-stock', 'monthly-count', 'context']);

function numberOf(text: string | undefined): number | null {
  if (!hasText(text)) return null;
  const value = formatCell(text).value;
  return value === null ? null : value.toNumber();
}

/** Every volume row with monthly actuals in the year of `asOf`, its months January through `asOf`. */
export function chartMeasures(plan: PlanFile, asOf: string): ChartMeasure[] {
  const year = String(yearOf(asOf));
  return plan.volumeTables.flatMap((table) => {
    const monthColumns = table.columns
      .filter((column) => column.kind === 'actual' && column.period !== undefined && isMonthPeriod(column.period) && yearOf(column.period) === yearOf(asOf) && column.period <= asOf)
      .sort((a, b) => comparePeriods(a.period!, b.period!));
    if (monthColumns.length === 0) return [];
    return table.rows.flatMap((row): ChartMeasure[] => {
      const months = monthColumns.map((column) => {
        const text = row.cells[column.key];
        return { period: column.period!, text: hasText(text) ? text!.trim() : null, value: numberOf(text) };
      });
      if (!months.some((month) => month.value !== null)) return [];
      const planColumn =
        table.columns.find((c) => c.kind === 'plan' && c.period === year && hasText(row.cells[c.key])) ??
        table.columns.find((c) => c.kind === 'budget' && c.period === year && hasText(row.cells[c.key]));
      // A plan printed as "-" is no plan: there is nothing to draw or compare with.
      const planValue = planColumn ? numberOf(row.cells[planColumn.key]) : null;
      const plan = planColumn && planValue !== null ? { label: planColumn.label, text: row.cells[planColumn.key]!.trim(), value: planValue } : null;
      return [{ id: `${table.key}--${row.key}`, label: row.label, kind: row.kind, months, plan, planIsLevel: levelKinds.has(row.kind) }];
    });
  });
}
