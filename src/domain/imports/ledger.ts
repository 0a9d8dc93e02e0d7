/**
 * A ledger's aggregation (domain/ledger/aggregate.ts) as the outcome of a plan's economic tables
 * (issue 14, point 1): each mapped target's income, costs and net per month become cells of the
 * general economic table, addressed by row identity × measure × period (domain/economy/table.ts):
 * - a node: the plan's operating table of that node (Timrå's "Resultaträkning" per unit, rows
 *   income/costs/net), else an operating table with a row of that node (a unit's row in an
 *   overview, its income, costs or net columns); the first such table in plan order;
 * - a table row: that row (a line row takes its own line, another row the lines its table prints).
 * Amounts are converted to the table's unit (tkr, mnkr …) and printed with its decimals (0 when it
 * states none), costs with the table's sign. A month outside the plan's follow-up is a problem;
 * a target the plan has no table for is listed (with its sums), not written. Pure.
 */
import { Decimal } from 'decimal.js';
import { selectRows, type CellAddress } from '../economy/table.ts';
import { moneyScale } from '../economy/money-unit.ts';
import { formatAmount } from '../format.ts';
import type { LedgerAggregation } from '../ledger/aggregate.ts';
import type { MappingTarget } from '../ledger/mapping.ts';
import { comparePeriods, type Period } from '../period.ts';
import type { BudgetLine } from '../plan-constants.ts';
import type { BudgetTable, PlanFile } from '../plan.ts';
import type { ActualProblem } from './actuals.ts';
import type { CellWrite } from './cells.ts';
import { followUpYears, periodOutsidePlan } from './follow-up-periods.ts';

/** A target's figures of one month, in kronor as the statement prints them (income +, costs −). */
export interface LedgerMonth {
  period: Period;
  income: Decimal;
  costs: Decimal;
  net: Decimal;
}

/** One target of the mapping, where its figures land, and its months. */
export interface LedgerUnit {
  key: string;
  target: MappingTarget;
  label: string;
  /** The economic table the outcome is written into; null: the plan has none for it (listed, not written). */
  table: string | null;
  months: LedgerMonth[];
}

export interface PlacedLedger {
  units: LedgerUnit[];
  writes: CellWrite[];
  problems: ActualProblem[];
  periods: Period[];
}

const lines: BudgetLine[] = ['income', 'costs', 'net'];
const lineColumns = new Set(['income', 'costs', 'net']);

/** The units and the cell writes of a ledger's aggregation in a plan. */
export function placeLedger(plan: PlanFile, aggregation: LedgerAggregation): PlacedLedger {
  const years = new Set(followUpYears(plan));
  const problems: ActualProblem[] = [];
  for (const period of aggregation.periods) {
    const outside = periodOutsidePlan(years, plan, period);
    if (outside !== null) problems.push({ line: null, column: 'period', value: period, reason: outside });
  }
  const units = unitsOf(plan, aggregation);
  const writes: CellWrite[] = [];
  for (const unit of units) {
    const table = plan.budgetTables.find((candidate) => candidate.key === unit.table);
    if (!table) continue;
    for (const month of unit.months) writes.push(...monthWrites(table, unit.target, month));
  }
  return { units, writes, problems, periods: [...aggregation.periods].sort(comparePeriods) };
}

function unitsOf(plan: PlanFile, aggregation: LedgerAggregation): LedgerUnit[] {
  const units = new Map<string, LedgerUnit & { byPeriod: Map<Period, LedgerMonth> }>();
  for (const cell of aggregation.cells) {
    let unit = units.get(cell.key);
    if (!unit) {
      unit = { key: cell.key, target: cell.target, label: labelOf(plan, cell.target), table: tableFor(plan, cell.target)?.key ?? null, months: [], byPeriod: new Map() };
      units.set(cell.key, unit);
    }
    let month = unit.byPeriod.get(cell.period);
    if (!month) {
      month = { period: cell.period, income: new Decimal(0), costs: new Decimal(0), net: new Decimal(0) };
      unit.byPeriod.set(cell.period, month);
    }
    if (cell.side === 'income') month.income = month.income.plus(cell.amount);
    else month.costs = month.costs.plus(cell.amount);
    month.net = month.income.plus(month.costs);
  }
  // In the plan's order of tables; targets without a table last, by name.
  const order = (unit: LedgerUnit) => (unit.table === null ? Number.MAX_SAFE_INTEGER : plan.budgetTables.findIndex((table) => table.key === unit.table));
  return [...units.values()]
    .map(({ byPeriod, ...unit }) => ({ ...unit, months: [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period)) }))
    .sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label, 'sv'));
}

/** The operating table a target's outcome goes into, or null. */
export function tableFor(plan: PlanFile, target: MappingTarget): BudgetTable | null {
  const operating = plan.budgetTables.filter((table) => table.kind === 'operating');
  if ('table' in target) return operating.find((table) => table.key === target.table && table.rows.some((row) => row.key === target.row)) ?? null;
  if (!('node' in target)) return null;
  return operating.find((table) => table.node === target.node) ?? operating.find((table) => table.rows.some((row) => row.node === target.node)) ?? null;
}

function labelOf(plan: PlanFile, target: MappingTarget): string {
  if ('node' in target) return plan.organisation.find((node) => node.key === target.node)?.name ?? target.node;
  if ('table' in target) return plan.budgetTables.find((table) => table.key === target.table)?.rows.find((row) => row.key === target.row)?.label ?? `${target.table}/${target.row}`;
  return 'Undantaget';
}

/** The cells one month of a target writes in its table: each line the table holds for it. */
function monthWrites(table: BudgetTable, target: MappingTarget, month: LedgerMonth): CellWrite[] {
  const selector = 'table' in target ? { key: target.row } : { node: (target as { node: string }).node };
  const rows = selectRows(table, selector);
  const write = (line: BudgetLine, address: CellAddress): CellWrite => ({ itemType: 'budget-table', itemKey: table.key, rowKey: '', period: month.period, text: printed(table, line, month[line]), address });
  // Rows of the statement's lines (Timrå's tables): each line row takes the outcome of its line.
  const lineRows = rows.filter((row) => row.line !== undefined);
  if (lineRows.length > 0) return lineRows.map((row) => write(row.line!, { row: { key: row.key }, line: row.line!, measure: 'actual', period: month.period }));
  // A unit's or a free row: the lines its table prints as columns, else its net as the outcome.
  const printedLines = lines.filter((line) => table.columns.some((column) => lineColumns.has(column.measure) && column.measure === line));
  if (printedLines.length > 0) return printedLines.map((line) => write(line, { row: selector, measure: line, period: month.period }));
  return [write('net', { row: selector, measure: 'actual', period: month.period })];
}

/** An amount in kronor printed in the table's unit and decimals, costs (and a net cost) with the table's sign. */
export function printed(table: BudgetTable, line: BudgetLine, kronor: Decimal): string {
  const scale = moneyScale(table.unit) ?? 1_000;
  const signed = table.costSign === 'positive' && line !== 'income' ? kronor.negated() : kronor;
  return formatAmount(signed.dividedBy(scale), { decimals: table.decimals ?? 0 });
}
