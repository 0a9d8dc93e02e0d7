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
import { economicLines, favourableDeviation, lineCells, lineMonths, type EconomicLine, type LineCell } from './economy/lines.ts';
import { isMonthPeriod, monthOf, yearOf } from './period.ts';
import type { BudgetLine } from './plan-constants.ts';
import type { Column, PlanFile, VolumeTable } from './plan.ts';
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

/** One line of an economic table (a unit's net, or Timrå's income, costs, net) against its budget for the year. */
export interface BudgetForecast {
  tableKey: string;
  rowKey: string;
  node: string | null;
  /** The table as a heading: its heading, else its node's name, else its caption. */
  title: string;
  line: BudgetLine;
  label: string;
  /** As printed: tkr, mnkr … */
  unit: string;
  /** Digits the table prints after the decimal comma; null when each figure prints its own. */
  decimals: number | null;
  /** Computed from the months' actuals; null when the year has none. */
  computed: YearEndForecast | null;
  /** Forecasts entered for the year, made no later than asOf (or without a stated month), oldest first. */
  entered: PrintedCell[];
  budget: PrintedCell | null;
  /** The year's outcome as printed (utfall, bokslut, nettokostnad), when the table has it. */
  outcome: PrintedCell | null;
  /** The deviation the table prints for the year, to show beside the computed one. */
  printedDeviation: PrintedCell | null;
  /**
   * Which side of the budget is better: more income, or less cost, whichever way the table
   * prints costs; and how the table itself takes its deviation (outcome − budget or the reverse).
   */
  betterAbove: boolean;
}

/** An outcome or forecast against the line's budget, signed so that positive is better than budget. */
export function deviationFromBudget(line: Pick<BudgetForecast, 'betterAbove'>, compared: Decimal, budget: Decimal): Decimal {
  return line.betterAbove ? compared.minus(budget) : budget.minus(compared);
}

/** A deviation in per cent of the budget (one decimal); null when the budget is 0. */
export function deviationPercent(deviation: Decimal, budget: Decimal): Decimal | null {
  return budget.isZero() ? null : deviation.dividedBy(budget.abs()).times(100).toDecimalPlaces(1);
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

function budgetForecasts(plan: PlanFile, table: PlanFile['budgetTables'][number], year: number, asOf: string): BudgetForecast[] {
  const node = plan.organisation.find((n) => n.key === table.node);
  const title = table.heading ?? node?.name ?? table.caption;
  const lines = economicLines(table);
  return lines.map((line) => {
    let months: MonthValue[] = lineMonths(line, year);
    if (line.line === 'net' && !months.some((m) => m.value !== null)) months = derivedNet(lines, line, year);
    const computed = months.some((m) => m.value !== null) ? forecastYearEnd({ kind: 'amount', asOf, months, history: lineMonths(line, year - 1) }) : null;
    const entered = lineCells(line, 'forecast', String(year))
      .filter((cell) => cell.column.asOf === undefined || cell.column.asOf <= asOf)
      .sort((a, b) => (a.column.asOf ?? '').localeCompare(b.column.asOf ?? ''))
      .map(printedOf);
    const first = (scenario: 'budget' | 'actual' | 'deviation') => lineCells(line, scenario, String(year)).map(printedOf)[0] ?? null;
    return {
      tableKey: table.key,
      rowKey: line.row.key,
      node: line.node,
      title,
      line: line.line,
      label: lineLabel(line),
      unit: table.unit,
      decimals: table.decimals ?? null,
      computed,
      entered,
      budget: first('budget'),
      outcome: first('actual'),
      printedDeviation: first('deviation'),
      betterAbove: favourableDeviation(line, new Decimal(1), new Decimal(0)).isPositive(),
    };
  });
}

const LINE_WORDS: Record<BudgetLine, string> = { income: 'intäkter', costs: 'kostnader', net: 'nettokostnad' };

/** A line as the follow-up names it: Timrå's row label ("IFO, Vuxna intäkter"), or the unit and, unless net, the line. */
function lineLabel(line: EconomicLine): string {
  if (line.row.line) return line.row.label;
  return line.line === 'net' ? line.row.label : `${line.row.label}, ${LINE_WORDS[line.line]}`;
}

function printedOf(cell: LineCell): PrintedCell {
  return { columnKey: cell.column.key, columnLabel: cell.column.label, asOf: cell.column.asOf ?? null, text: cell.text, value: cell.value };
}

/** Net by month as income + costs of the same row, where both are known (the net is derived, never typed twice). */
function derivedNet(lines: EconomicLine[], net: EconomicLine, year: number): MonthValue[] {
  const of = (which: BudgetLine) => lines.find((l) => l.line === which && (net.row.line ? l.table === net.table : l.row === net.row));
  const income = of('income');
  const costs = of('costs');
  if (!income || !costs) return [];
  const costMonths = new Map(lineMonths(costs, year).map((m) => [m.period, m.value]));
  const sign = net.table.costSign === 'positive' ? -1 : 1;
  return lineMonths(income, year).map((m) => {
    const cost = costMonths.get(m.period) ?? null;
    return { period: m.period, value: m.value !== null && cost !== null ? (sign === 1 ? m.value.plus(cost) : cost.minus(m.value)) : null };
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
