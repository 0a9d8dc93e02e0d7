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
  let columns: Record<Role, number | undefined> | null = null;
  const wanted = wantedColumns(options.columns);
  for await (const batch of rows.batches()) {
    const entries: LedgerEntry[] = [];
    for (const row of batch) {
      if (columns === null) {
        columns = findColumns<Role>(row, wanted, problems);
        continue;
      }
      const entry = readRow(row, columns, wanted, decimal, problems);
      if (entry === null) continue;
      if (flip && entry.amount !== 0) entry.amount = -entry.amount;
      entries.push(entry);
    }
    info.entries += entries.length;
    if (entries.length > 0) yield entries;
  }
  if (columns === null) problems.fail({ line: null, reason: 'Filen har ingen rubrikrad och inga rader.' });
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

function readRow(
  row: TableRow,
  columns: Record<Role, number | undefined>,
  names: Record<Role, string | undefined>,
  decimal: DecimalMark,
  problems: ProblemCollector,
): LedgerEntry | null {
  let ok = true;
  const cell = (role: Role): Cell => row.cells[columns[role]!] ?? null;
  const fault = (role: Role, reason: string): void => {
    ok = false;
    problems.add({ line: row.line, column: names[role] ?? role, value: cellText(cell(role)), reason });
  };
  const period = readPeriod(cell('period'));
  if ('reason' in period) fault('period', period.reason);
  else if (!isMonthPeriod(period.value)) fault('period', 'En huvudboksrad hör till en månad, inte ett helt år.');
  const account = readCode(cell('account'));
  if (account === '') fault('account', 'Kontot saknas.');
  const amount = readAmount(cell('amount'), decimal);
  if ('reason' in amount) fault('amount', amount.reason);
  if (!ok || 'reason' in period || 'reason' in amount) return null;
  const codes: Record<string, string> = {};
  for (const role of Object.keys(columns) as Role[]) {
    if (columns[role] === undefined || role === 'period' || role === 'account' || role === 'amount') continue;
    codes[role.startsWith('code:') ? role.slice(5) : role] = readCode(cell(role));
  }
  return { line: row.line, period: period.value, account, codes, amount: amount.value };
}
