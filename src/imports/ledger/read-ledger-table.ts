/**
 * A ledger kept as a table (CSV or Excel export of the economy system): the user names the columns
 * of period, account and amount, and of the responsibility (ansvar) and activity (verksamhet)
 * codes, and of any further codes. Each row becomes a LedgerEntry; a row with a faulty cell is
 * reported (row, column, value, reason) and the reading goes on to find the others, then throws.
 */
import type { LedgerEntry } from '../../domain/ledger/entry.ts';
import type { LedgerColumns } from '../../domain/ledger/mapping.ts';
import { isMonthPeriod } from '../../domain/period.ts';
import { reading, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { readAmount, readCode, readPeriod, type DecimalMark } from '../table/cells.ts';
import { findColumns } from '../table/columns.ts';
import type { Cell, TableInfo, TableRow } from '../table/table.ts';
import { cellText } from '../table/table.ts';

export interface LedgerTableOptions {
  columns: LedgerColumns;
  decimal?: DecimalMark;
  /** 'debit-positive' (as booked; the default) or 'credit-positive' (every amount changes sign). */
  amountSign?: 'debit-positive' | 'credit-positive';
  fileLabel?: string;
}

export interface LedgerTableInfo {
  table: TableInfo;
  entries: number;
}

/** Reads ledger entries from the rows of a table file. */
export function readLedgerTable(rows: Reading<TableRow, TableInfo>, options: LedgerTableOptions): Reading<LedgerEntry, LedgerTableInfo> {
  const info: LedgerTableInfo = { table: rows.info, entries: 0 };
  return reading(info, () => generate(rows, options, info));
}

type Role = 'period' | 'account' | 'amount' | 'responsibility' | 'activity' | `code:${string}`;

async function* generate(rows: Reading<TableRow, TableInfo>, options: LedgerTableOptions, info: LedgerTableInfo): AsyncGenerator<LedgerEntry[]> {
  const problems = new ProblemCollector(options.fileLabel ?? 'Filen');
  const decimal = options.decimal ?? 'auto';
  const flip = options.amountSign === 'credit-positive';
  let layout: Layout | null = null;
  const wanted = wantedColumns(options.columns);
  for await (const batch of rows.batches()) {
    const entries: LedgerEntry[] = [];
    for (const row of batch) {
      if (layout === null) {
        layout = toLayout(findColumns<Role>(row, wanted, problems), wanted);
        continue;
      }
      const entry = readRow(row, layout, decimal, problems);
      if (entry === null) continue;
      if (flip && entry.amount !== 0) entry.amount = -entry.amount;
      entries.push(entry);
    }
    info.entries += entries.length;
    if (entries.length > 0) yield entries;
  }
  if (layout === null) problems.fail({ line: null, reason: 'Filen har ingen rubrikrad och inga rader.' });
  problems.throwIfAny();
}

function wantedColumns(columns: LedgerColumns): Record<Role, string | undefined> {
  const wanted: Record<string, string | undefined> = {
    period: columns.period,
    account: columns.account,
    amount: columns.amount,
    responsibility: columns.responsibility,
    activity: columns.activity,
  };
  for (const [dimension, header] of Object.entries(columns.codes ?? {})) wanted[`code:${dimension}`] = header;
  return wanted as Record<Role, string | undefined>;
}

/** Where each value stands in a row, and the header names for reports. */
interface Layout {
  period: Column;
  account: Column;
  amount: Column;
  codes: Array<{ dimension: string; column: Column }>;
}

interface Column {
  index: number;
  name: string;
}

function toLayout(found: Record<Role, number | undefined>, names: Record<Role, string | undefined>): Layout {
  const column = (role: Role): Column => ({ index: found[role]!, name: names[role]! });
  const codes = (Object.keys(found) as Role[])
    .filter((role) => found[role] !== undefined && role !== 'period' && role !== 'account' && role !== 'amount')
    .map((role) => ({ dimension: role.startsWith('code:') ? role.slice(5) : role, column: column(role) }));
  return { period: column('period'), account: column('account'), amount: column('amount'), codes };
}

function readRow(row: TableRow, layout: Layout, decimal: DecimalMark, problems: ProblemCollector): LedgerEntry | null {
  const cells = row.cells;
  const periodCell = cells[layout.period.index] ?? null;
  const period = readPeriod(periodCell);
  const account = readCode(cells[layout.account.index] ?? null);
  const amountCell = cells[layout.amount.index] ?? null;
  const amount = readAmount(amountCell, decimal);
  if ('reason' in period || !isMonthPeriod(period.value) || account === '' || 'reason' in amount) {
    const fault = (column: Column, cell: Cell, reason: string): void => problems.add({ line: row.line, column: column.name, value: cellText(cell), reason });
    if ('reason' in period) fault(layout.period, periodCell, period.reason);
    else if (!isMonthPeriod(period.value)) fault(layout.period, periodCell, 'En huvudboksrad hör till en månad, inte ett år, halvår, tertial eller kvartal.');
    if (account === '') fault(layout.account, cells[layout.account.index] ?? null, 'Kontot saknas.');
    if ('reason' in amount) fault(layout.amount, amountCell, amount.reason);
    return null;
  }
  const codes: Record<string, string> = {};
  for (const { dimension, column } of layout.codes) codes[dimension] = readCode(cells[column.index] ?? null);
  return { line: row.line, period: period.value, account, codes, amount: amount.value };
}
