/**
 * The figures of the chart "Budget, utfall och prognos per nod": for one budget table, the budget,
 * actual and forecast columns of one year, grouped per budget line. The year is the latest that has
 * at least two of the three kinds (a comparison), else the latest that has any.
 */
import { figureValue } from '../domain/figure.ts';
import { formatAmount } from '../domain/format.ts';
import { columnScenario } from '../domain/economy/table.ts';
import { yearOf } from '../domain/period.ts';
import type { BudgetTable, EconomicColumn } from '../domain/plan.ts';

export const seriesKinds = ['budget', 'actual', 'forecast'] as const;
export type SeriesKind = (typeof seriesKinds)[number];

export interface ChartBar {
  kind: SeriesKind;
  /** null: no figure printed for this line in this column (never drawn as zero). */
  value: number | null;
  /** The value in the house format ("-74 108"), or "–". */
  text: string;
}

export interface ChartGroup {
  key: string;
  label: string;
  bars: ChartBar[];
}

export interface BudgetChartData {
  year: string;
  unit: string;
  /** The columns shown, one per kind, with their printed labels ("Prognos 2017 aug"). */
  series: Array<{ kind: SeriesKind; label: string }>;
  /** The kinds the year has no column for. */
  missing: SeriesKind[];
  groups: ChartGroup[];
}

/** A column a chart draws: a budget, outcome or forecast column, by what its figures are. */
type AnyColumn = { key: string; label: string; period?: string; kind?: string; measure?: string };
const kindOf = (column: AnyColumn): string => (column.measure !== undefined ? columnScenario(column as EconomicColumn) : (column.kind ?? ''));
const isSeries = (column: AnyColumn): boolean => (seriesKinds as readonly string[]).includes(kindOf(column));
const yearOfColumn = (column: AnyColumn) => (column.period === undefined ? undefined : String(yearOf(column.period)));

/** The year whose columns the chart shows, or null when the table has no budget, actual or forecast column. */
export function chartYear(columns: AnyColumn[]): string | null {
  const years = new Map<string, Set<string>>();
  for (const column of columns.filter(isSeries)) {
    const year = yearOfColumn(column);
    if (year) years.set(year, (years.get(year) ?? new Set()).add(kindOf(column)));
  }
  const sorted = [...years.keys()].sort().reverse();
  return sorted.find((year) => years.get(year)!.size >= 2) ?? sorted[0] ?? null;
}

/** The chart's figures for a budget table, or null when it has nothing to show. */
export function budgetChartData(table: BudgetTable): BudgetChartData | null {
  const year = chartYear(table.columns);
  if (year === null) return null;
  // The latest column of each kind in the year (a later forecast replaces an earlier one).
  // Only columns of the rows' own lines: a unit statement's income and costs columns are not its net.
  const chosen = new Map<SeriesKind, EconomicColumn>();
  for (const column of table.columns.filter(isSeries)) if (yearOfColumn(column) === year && (column.measure === 'net' || !['income', 'costs'].includes(column.measure))) chosen.set(kindOf(column) as SeriesKind, column);
  const kinds = seriesKinds.filter((kind) => chosen.has(kind));
  return {
    year,
    unit: table.unit,
    series: kinds.map((kind) => ({ kind, label: chosen.get(kind)!.label })),
    missing: seriesKinds.filter((kind) => !chosen.has(kind)),
    groups: table.rows.filter((row) => row.kind !== 'heading').map((row) => ({
      key: row.key,
      label: row.label,
      bars: kinds.map((kind) => bar(kind, row.cells[chosen.get(kind)!.key])),
    })),
  };
}

/** One bar from a printed cell: its exact value read, drawn as a number, written in the house format. */
export function bar(kind: SeriesKind, printed: string | undefined): ChartBar {
  const value = figureValue(printed);
  return { kind, value: value === null ? null : value.toNumber(), text: formatAmount(value) };
}

/** A budget line of the follow-up's forecasts, as the API sends it (figures as printed text). */
export interface ForecastLine {
  line: string;
  label: string;
  unit: string;
  budget: { columnLabel: string; text: string } | null;
  /** Forecasts entered for the year, oldest first; the latest is shown. */
  entered: Array<{ columnLabel: string; text: string }>;
}

/** The chart's figures for one table of the follow-up: the year's budget beside its latest entered forecast. */
export function forecastChartData(lines: ForecastLine[], year: string): BudgetChartData | null {
  const budgetLabel = lines.find((line) => line.budget)?.budget?.columnLabel;
  const forecastLabel = lines.find((line) => line.entered.length)?.entered.at(-1)?.columnLabel;
  const series = [
    ...(budgetLabel ? [{ kind: 'budget' as const, label: budgetLabel }] : []),
    ...(forecastLabel ? [{ kind: 'forecast' as const, label: forecastLabel }] : []),
  ];
  if (series.length === 0) return null;
  return {
    year,
    unit: lines[0]?.unit ?? 'tkr',
    series,
    missing: seriesKinds.filter((kind) => !series.some((s) => s.kind === kind)),
    groups: lines.map((line) => ({
      key: line.line,
      label: line.label,
      bars: series.map((s) => bar(s.kind, s.kind === 'budget' ? line.budget?.text : line.entered.at(-1)?.text)),
    })),
  };
}
