/**
 * The lines of an economic table that follow-up works on: a unit's net (or income, or costs),
 * or one line of an income statement (Timrå's rows). Each line's cells are found by what they
 * hold — outcome, budget, forecast, printed deviation — for a period, whatever the table's shape.
 */
import type { Decimal } from 'decimal.js';
import { figureValue } from '../figure.ts';
import { isMonthPeriod, monthsOf, yearOf } from '../period.ts';
import type { BudgetLine } from '../plan-constants.ts';
import type { BudgetTable, EconomicColumn, EconomicRow } from '../plan.ts';
import { cellMeaning, type Scenario } from './table.ts';

/** One line of a table followed up against its budget. */
export interface EconomicLine {
  table: BudgetTable;
  row: EconomicRow;
  line: BudgetLine;
  /** The unit the line is about: the row's node, else the table's. */
  node: string | null;
}

/** A printed cell of a line, with its column. */
export interface LineCell {
  column: EconomicColumn;
  text: string;
  value: Decimal | null;
}

/** Every line of a table that has a figure: a row of lines gives one, a unit's row one per line its columns hold. */
export function economicLines(table: BudgetTable): EconomicLine[] {
  return table.rows
    .filter((row) => row.kind !== 'heading')
    .flatMap((row) => {
      const lines = new Set<BudgetLine>();
      for (const column of table.columns) {
        const line = cellMeaning(row, column).line;
        if (line && row.cells[column.key] !== undefined) lines.add(line);
      }
      return [...lines].map((line): EconomicLine => ({ table, row, line, node: row.node ?? table.node ?? null }));
    });
}

/** The line's printed cells that hold the scenario, for a period when given (a year also matches its months only when asked). */
export function lineCells(line: EconomicLine, scenario: Scenario, period?: string): LineCell[] {
  return line.table.columns
    .filter((column) => {
      const meaning = cellMeaning(line.row, column);
      return meaning.line === line.line && meaning.scenario === scenario && (period === undefined || meaning.period === period) && line.row.cells[column.key] !== undefined;
    })
    .map((column) => ({ column, text: line.row.cells[column.key]!, value: figureValue(line.row.cells[column.key]) }));
}

/** The line's outcome month by month for a year: missing months stay missing. */
export function lineMonths(line: EconomicLine, year: number): Array<{ period: string; value: Decimal | null }> {
  const cells = lineCells(line, 'actual').filter((cell) => cell.column.period !== undefined && isMonthPeriod(cell.column.period) && yearOf(cell.column.period) === year);
  const byMonth = new Map(cells.map((cell) => [cell.column.period!, cell.value]));
  return monthsOf(year)
    .filter((month) => byMonth.has(month))
    .map((month) => ({ period: month, value: byMonth.get(month) ?? null }));
}

/**
 * An outcome or forecast against the budget, signed so that positive is better than budget:
 * more income, lower costs or net cost, in the table's sign convention. When the table states
 * how it prints its deviation, that order is used, so the computed deviation reads like the printed.
 */
export function favourableDeviation(line: EconomicLine, compared: Decimal, budget: Decimal): Decimal {
  const stated = line.table.relations.find((relation) => relation.kind === 'deviation');
  if (stated?.kind === 'deviation' && line.line === 'net') return stated.order === 'outcome-minus-budget' ? compared.minus(budget) : budget.minus(compared);
  const positiveIsMore = line.line === 'income' || line.table.costSign === 'negative';
  return positiveIsMore ? compared.minus(budget) : budget.minus(compared);
}
