/**
 * Year-end forecasts of a whole plan as of a month: every volume row with monthly actuals and
 * every budget line, the computed forecasts beside the forecast the economist entered ("Prognos
 * 2017 aug") and the plan or budget they are measured against. And the backtest: forecasts made
 * from the first months of a year that is complete, against what the year became.
 */
import { Decimal } from 'decimal.js';
import { StyrkortError } from './errors.ts';
import { figureValue } from './figure.ts';
import { forecastMethods, forecastYearEnd, METHOD_LABELS, type ForecastMethod, type YearEndForecast } from './forecast.ts';
import { isMonthPeriod, monthOf, yearOf } from './period.ts';
import type { BudgetTable, Column, PlanFile, VolumeTable } from './plan.ts';
import { aggregateVolumeYear, monthlyActuals, type MonthValue, type VolumeKind, type VolumeYear } from './volume-aggregation.ts';

/** A printed cell of a table with its column. */
export interface PrintedCell {
  columnKey: string;
  columnLabel: string;
  /** The month a forecast was made in, when the column says so. */
  asOf: string | null;
  text: string;
  value: Decimal | null;
}

export interface VolumeForecast {
  tableKey: string;
  rowKey: string;
  measure: string;
  label: string;
  kind: VolumeKind;
  forecast: YearEndForecast;
  /** The plan (or budget) value of the year. */
  plan: PrintedCell | null;
  /** The whole year from its twelve months, when they are all known: what the forecast is checked against. */
  outcome: VolumeYear | null;
}

export interface BudgetForecast {
  tableKey: string;
  node: string;
  title: string;
  line: BudgetTable['rows'][number]['line'];
  label: string;
  unit: BudgetTable['unit'];
  /** Computed from the months' actuals; null when the year has none. */
  computed: YearEndForecast | null;
  /** Forecasts entered for the year, made no later than asOf (or without a stated month), oldest first. */
  entered: PrintedCell[];
  budget: PrintedCell | null;
}

export interface PlanForecast {
  planKey: string;
  asOf: string;
  year: number;
  volumes: VolumeForecast[];
  budgets: BudgetForecast[];
}

/** Every forecast of a plan for the year of `asOf` ('YYYY-MM'), from the months through asOf. */
export function forecastPlan(plan: PlanFile, options: { asOf: string }): PlanForecast {
  const { asOf } = options;
  if (!isMonthPeriod(asOf)) throw new StyrkortError('validation', `Prognosmånaden "${asOf}" anges som ÅÅÅÅ-MM`);
  const year = yearOf(asOf);
  const volumes = plan.volumeTables.flatMap((table) => volumeForecasts(table, year, asOf));
  const budgets = plan.budgetTables.flatMap((table) => budgetForecasts(plan, table, year, asOf));
  return { planKey: plan.plan.key, asOf, year, volumes, budgets };
}

function volumeForecasts(table: VolumeTable, year: number, asOf: string): VolumeForecast[] {
  return table.rows.flatMap((row) => {
    const months = monthlyActuals(table.columns, row.cells, year);
    if (!months.some((m) => m.value !== null)) return [];
    const history = monthlyActuals(table.columns, row.cells, year - 1);
    const forecast = forecastYearEnd({ kind: row.kind, asOf, months, history });
    const complete = aggregateVolumeYear({ kind: row.kind, year, months });
    const planColumn = yearColumn(table.columns, year, ['plan', 'budget'], row.cells);
    return [
      {
        tableKey: table.key,
        rowKey: row.key,
        measure: row.measure,
        label: row.label,
        kind: row.kind,
        forecast,
        plan: planColumn ? printedCell(planColumn, row.cells) : null,
        outcome: complete.complete && monthOf(asOf)! < 12 ? complete : null,
      },
    ];
  });
}

function budgetForecasts(plan: PlanFile, table: BudgetTable, year: number, asOf: string): BudgetForecast[] {
  const node = plan.organisation.find((n) => n.key === table.node);
  const title = table.heading ?? node?.name ?? table.node;
  const cellsOf = (line: string) => table.rows.find((row) => row.line === line)?.cells ?? {};
  return table.rows.map((row) => {
    let months = monthlyActuals(table.columns, row.cells, year);
    if (row.line === 'net' && !months.some((m) => m.value !== null)) months = derivedNet(table.columns, cellsOf('income'), cellsOf('costs'), year);
    const computed = months.some((m) => m.value !== null)
      ? forecastYearEnd({ kind: 'amount', asOf, months, history: monthlyActuals(table.columns, row.cells, year - 1) })
      : null;
    const entered = table.columns
      .filter((c) => c.kind === 'forecast' && c.period === String(year) && (c.asOf === undefined || c.asOf <= asOf) && row.cells[c.key] !== undefined)
      .sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? ''))
      .map((c) => printedCell(c, row.cells));
    const budgetColumn = yearColumn(table.columns, year, ['budget'], row.cells);
    return {
      tableKey: table.key,
      node: table.node,
      title,
      line: row.line,
      label: row.label,
      unit: table.unit,
      computed,
      entered,
      budget: budgetColumn ? printedCell(budgetColumn, row.cells) : null,
    };
  });
}

/** Net by month as income + costs, where both are known (the net is derived, never typed twice). */
function derivedNet(columns: Column[], income: Record<string, string>, costs: Record<string, string>, year: number): MonthValue[] {
  const incomeMonths = monthlyActuals(columns, income, year);
  const costMonths = new Map(monthlyActuals(columns, costs, year).map((m) => [m.period, m.value]));
  return incomeMonths.map((m) => {
    const cost = costMonths.get(m.period) ?? null;
    return { period: m.period, value: m.value !== null && cost !== null ? m.value.plus(cost) : null };
  });
}

/** The first column of the given kinds for the year that has a cell in the row. */
export function yearColumn(columns: Column[], year: number, kinds: Column['kind'][], cells: Record<string, string>): Column | null {
  for (const kind of kinds) {
    const column = columns.find((c) => c.kind === kind && c.period === String(year) && cells[c.key] !== undefined);
    if (column) return column;
  }
  return null;
}

export function printedCell(column: Column, cells: Record<string, string>): PrintedCell {
  const text = cells[column.key] ?? '';
  return { columnKey: column.key, columnLabel: column.label, asOf: column.asOf ?? null, text, value: figureValue(text) };
}

export interface BacktestResult {
  method: ForecastMethod;
  value: Decimal | null;
  /** Forecast minus outcome. */
  error: Decimal | null;
  /** |error| / |outcome| in per cent; null when the outcome is 0. */
  percentError: Decimal | null;
  withinInterval: boolean | null;
}

export interface BacktestRow {
  tableKey: string;
  rowKey: string;
  label: string;
  kind: VolumeKind;
  outcome: Decimal;
  results: BacktestResult[];
}

export interface BacktestSummary {
  method: ForecastMethod;
  label: string;
  /** Rows the method could forecast. */
  rows: number;
  meanAbsoluteError: Decimal | null;
  meanAbsolutePercentError: Decimal | null;
  /** Share of rows (per cent) whose outcome fell inside the 90 % interval. */
  coverage: Decimal | null;
}

/** Forecasts as of a month of a year whose twelve months are known, against the year's value. */
export function backtestForecasts(plan: PlanFile, options: { asOf: string }): { asOf: string; rows: BacktestRow[]; summary: BacktestSummary[] } {
  const rows = forecastPlan(plan, options).volumes.flatMap((volume): BacktestRow[] => {
    const outcome = volume.outcome?.value;
    if (!outcome) return [];
    const results = volume.forecast.methods.map((m): BacktestResult => {
      const error = m.value && m.value.minus(outcome);
      const percentError = error && !outcome.isZero() ? error.abs().dividedBy(outcome.abs()).times(100) : null;
      const withinInterval = m.low && m.high ? outcome.gte(m.low) && outcome.lte(m.high) : null;
      return { method: m.method, value: m.value, error, percentError, withinInterval };
    });
    return [{ tableKey: volume.tableKey, rowKey: volume.rowKey, label: volume.label, kind: volume.kind, outcome, results }];
  });
  const summary = forecastMethods.map((method): BacktestSummary => {
    const results = rows.map((row) => row.results.find((r) => r.method === method)!).filter((r) => r.error !== null);
    const mean = (values: Decimal[]) => (values.length ? values.reduce((a, b) => a.plus(b), new Decimal(0)).dividedBy(values.length) : null);
    const percents = results.map((r) => r.percentError).filter((p): p is Decimal => p !== null);
    const intervals = results.filter((r) => r.withinInterval !== null);
    const coverage = intervals.length ? new Decimal(intervals.filter((r) => r.withinInterval).length).dividedBy(intervals.length).times(100) : null;
    return { method, label: METHOD_LABELS[method], rows: results.length, meanAbsoluteError: mean(results.map((r) => r.error!.abs())), meanAbsolutePercentError: mean(percents), coverage };
  });
  return { asOf: options.asOf, rows, summary };
}
