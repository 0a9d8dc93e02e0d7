/**
 * Reading an economic table (issue 13): what each cell means, which columns of two tables hold the
 * same thing, and how a cell is addressed from outside (a ledger import, a follow-up entry) by its
 * row's identity — key, organisation node or account range — and its measure, period and month.
 */
import { comparePeriods, formatPeriod, monthLabel, monthOf } from '../period.ts';
import type { BudgetLine, EconomicMeasure } from '../plan-constants.ts';
import type { BudgetTable, EconomicColumn, EconomicRow } from '../plan.ts';

/** Whose figures a cell holds: the outcome (utfall), a budget, a forecast, a plan year, a deviation, or something else. */
export type Scenario = 'actual' | 'budget' | 'forecast' | 'plan' | 'deviation' | 'other';

/** What a cell holds, from its row and column together. */
export interface CellMeaning {
  /** The line of the income statement: income, costs or net; null for an "other" column without a line. */
  line: BudgetLine | null;
  scenario: Scenario;
  period: string | null;
  /** The month a forecast was made in. */
  asOf: string | null;
}

const lineMeasures = new Set<EconomicMeasure>(['income', 'costs', 'net']);

/** Whether a column holds one line of the statement (Intäkter, Kostnader, Nettokostnad) rather than a scenario. */
export function isLineColumn(column: Pick<EconomicColumn, 'measure'>): boolean {
  return lineMeasures.has(column.measure);
}

/** Whose figures a column holds: "Nettokostnad 2021" the outcome, "Kommunbidrag" the budget, "Prognos 2017 aug" a forecast. */
export function columnScenario(column: Pick<EconomicColumn, 'measure' | 'basis'>): Scenario {
  if (isLineColumn(column)) return column.basis ?? 'actual';
  return column.measure as Exclude<EconomicMeasure, 'income' | 'costs' | 'net'>;
}

/** What the cell in a row and column holds. A row without a line is read as its net (a unit's nettokostnad). */
export function cellMeaning(row: Pick<EconomicRow, 'line'>, column: EconomicColumn): CellMeaning {
  const scenario = columnScenario(column);
  const line = isLineColumn(column) ? (column.measure as BudgetLine) : scenario === 'other' ? (row.line ?? null) : (row.line ?? 'net');
  return { line, scenario, period: column.period ?? null, asOf: column.asOf ?? null };
}

/**
 * Columns of different tables are the same column when they hold the same figures for the same
 * period: the total prints "Prognos 2017", its units "Prognos 2017 aug". A column without a period
 * falls back on its label.
 */
export function columnIdentity(column: EconomicColumn): string {
  const what = `${columnScenario(column)}|${isLineColumn(column) ? column.measure : ''}`;
  return column.period === undefined ? `${what}|label:${column.label.trim().toLowerCase()}` : `${what}|${column.period}`;
}

/** Whether a column's figures may be added up: money, not a percentage or another unit. */
export function isAdditiveColumn(column: EconomicColumn): boolean {
  return column.unit === undefined;
}

/** How a row is found from outside the table: its key, its organisation node, or its account range ("4000-4999"). */
export type RowSelector = { key: string } | { node: string } | { accounts: string };

/**
 * A cell's address: the row, and what the cell holds. `measure` is a column measure ("income",
 * "net", "budget" …); a table whose rows are the lines (Timrå's) is addressed with `line` and the
 * scenario as measure ({ line: 'income', measure: 'budget' }).
 */
export interface CellAddress {
  row: RowSelector;
  line?: BudgetLine;
  measure: EconomicMeasure;
  period: string;
  asOf?: string;
}

/** The range a row collects as printed in an address: "4000-4999", or one account "45". */
function accountText(row: EconomicRow): string[] {
  return (row.accounts ?? []).map((range) => (range.to === undefined ? range.from : `${range.from}-${range.to}`));
}

/** The rows an address's row part selects. A table's own node selects its line rows. */
export function selectRows(table: BudgetTable, selector: RowSelector): EconomicRow[] {
  if ('key' in selector) return table.rows.filter((row) => row.key === selector.key);
  if ('node' in selector) {
    const own = table.rows.filter((row) => row.node === selector.node);
    return own.length ? own : table.node === selector.node ? table.rows.filter((row) => row.node === undefined && row.kind !== 'heading') : [];
  }
  const wanted = selector.accounts.replace(/\s|–/g, (c) => (c === '–' ? '-' : ''));
  return table.rows.filter((row) => accountText(row).includes(wanted));
}

/** What an address asks for in a row, in the terms of cellMeaning: a row of one line is asked for that line. */
function wantedMeaning(address: CellAddress, row: EconomicRow): CellMeaning {
  const isLine = lineMeasures.has(address.measure);
  const line = isLine ? (address.measure as BudgetLine) : (address.line ?? row.line ?? null);
  const scenario: Scenario = isLine ? 'actual' : (address.measure as Scenario);
  return { line, scenario, period: address.period, asOf: address.asOf ?? null };
}

function sameMeaning(found: CellMeaning, wanted: CellMeaning): boolean {
  const line = wanted.line === null ? found.line === 'net' || found.line === null : found.line === wanted.line;
  return line && found.scenario === wanted.scenario && found.period === wanted.period && found.asOf === wanted.asOf;
}

/** The row and column an address points at, or null when the table has no such cell place. */
export function findCell(table: BudgetTable, address: CellAddress): { row: EconomicRow; column: EconomicColumn } | null {
  for (const row of selectRows(table, address.row)) {
    const wanted = wantedMeaning(address, row);
    const column = table.columns.find((candidate) => sameMeaning(cellMeaning(row, candidate), wanted));
    if (column) return { row, column };
  }
  return null;
}

const KEY_WORDS: Record<EconomicMeasure, string> = {
  actual: 'utfall',
  budget: 'budget',
  forecast: 'prognos',
  plan: 'plan',
  deviation: 'avvikelse',
  income: 'intakter',
  costs: 'kostnader',
  net: 'netto',
  other: 'ovrigt',
};
const scenarioWords: Record<Scenario, string> = { actual: 'Utfall', budget: 'Budget', forecast: 'Prognos', plan: 'Plan', deviation: 'Avvikelse', other: '' };
const lineWords: Record<BudgetLine, string> = { income: 'Intäkter', costs: 'Kostnader', net: 'Nettokostnad' };

/** A heading for a column Styrkort adds: "Utfall aug 2017", "Intäkter 2021", "Prognos 2017 aug". */
function newColumnLabel(measure: EconomicMeasure, period: string, asOf: string | undefined): string {
  const when = formatPeriod(period);
  const word = lineMeasures.has(measure) ? lineWords[measure as BudgetLine] : scenarioWords[measure as Scenario] || 'Övrigt';
  const made = asOf === undefined ? '' : ` ${monthLabel(monthOf(asOf)!)}`;
  return `${word} ${when}${made}`;
}

/**
 * The table with the addressed cell set to a printed text. When the row has no column for that
 * measure and period, one is added after the last column of an earlier or equal period. Throws
 * nothing: returns null when no row matches, so the caller can say so in its own words.
 */
export function setCell(table: BudgetTable, address: CellAddress, text: string): BudgetTable | null {
  const found = findCell(table, address);
  if (found) return withCellText(table, found.row.key, found.column.key, text);
  const rows = selectRows(table, address.row);
  // A table of line rows (Timrå's) is addressed by line: the row of that line takes a new scenario column.
  const row = rows.find((candidate) => candidate.line === undefined || candidate.line === (address.line ?? candidate.line)) ?? null;
  if (!row) return null;
  if (row.line !== undefined && lineMeasures.has(address.measure)) return null; // a line row takes scenarios, not other lines
  const column: EconomicColumn = {
    key: uniqueKey(table, `${KEY_WORDS[address.measure]}-${address.period}${address.asOf ? `-${address.asOf}` : ''}`),
    label: newColumnLabel(address.measure, address.period, address.asOf),
    measure: address.measure,
    period: address.period,
    ...(address.asOf === undefined ? {} : { asOf: address.asOf }),
  };
  return withCellText({ ...table, columns: insertByPeriod(table.columns, column) }, row.key, column.key, text);
}

function withCellText(table: BudgetTable, rowKey: string, columnKey: string, text: string): BudgetTable {
  return { ...table, rows: table.rows.map((row) => (row.key === rowKey ? { ...row, cells: { ...row.cells, [columnKey]: text } } : row)) };
}

function uniqueKey(table: BudgetTable, wanted: string): string {
  let key = wanted.toLowerCase().replace(/[^a-z0-9._:-]/g, '-');
  while (table.columns.some((column) => column.key === key)) key = `${key}-x`;
  return key;
}

/** The columns with one more, placed after the last column of an earlier or equal period. */
function insertByPeriod(columns: EconomicColumn[], column: EconomicColumn): EconomicColumn[] {
  let at = 0;
  columns.forEach((c, i) => {
    if (c.period !== undefined && column.period !== undefined && comparePeriods(c.period, column.period) <= 0) at = i + 1;
  });
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}
