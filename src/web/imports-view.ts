/**
 * The page "Importera utfall", its pure parts: the ledger's table per unit and month, the cells an
 * import of volumes and indicators changes per table, and the provenance line of a cell.
 */
import { Decimal } from 'decimal.js';
import { formatAmount } from '../domain/format.ts';
import { formatPeriod } from '../domain/period.ts';
import type { ImportOutcomeBody } from '../contract/imports.ts';

/** Kronor as the preview prints them: whole kronor with thousands spaces, "-1 234 567". */
export function kronor(text: string): string {
  return formatAmount(new Decimal(text), { decimals: 0 });
}

export interface LedgerTable {
  /** The months of the file, in order, as printed ("jan 2017"). */
  months: Array<{ period: string; label: string }>;
  rows: Array<{ target: string; label: string; table: string | null; net: string[]; total: string }>;
}

/** The ledger preview as a table: one row per unit, its net per month (kronor) and the year's. */
export function ledgerTable(ledger: NonNullable<ImportOutcomeBody['ledger']>): LedgerTable {
  const periods = [...new Set(ledger.units.flatMap((unit) => unit.months.map((month) => month.period)))].sort();
  return {
    months: periods.map((period) => ({ period, label: formatPeriod(period) })),
    rows: ledger.units.map((unit) => {
      const byPeriod = new Map(unit.months.map((month) => [month.period, month.net]));
      const total = unit.months.reduce((sum, month) => sum.plus(month.net), new Decimal(0));
      return { target: unit.target, label: unit.label, table: unit.table, net: periods.map((period) => (byPeriod.has(period) ? kronor(byPeriod.get(period)!) : '–')), total: kronor(total.toFixed()) };
    }),
  };
}

export interface ChangedItem {
  itemType: string;
  itemKey: string;
  written: number;
  confirmed: number;
  emptied: number;
  /** The first changed cells, as "row, period: before → after". */
  examples: Array<{ rowKey: string; period: string; before: string | null; after: string | null }>;
}

/** The cells of an outcome per table or indicator, with counts by effect and the first written cells. */
export function changedItems(outcome: ImportOutcomeBody, examples = 5): ChangedItem[] {
  const items = new Map<string, ChangedItem>();
  for (const cell of outcome.cells) {
    const key = `${cell.itemType}|${cell.itemKey}`;
    const item = items.get(key) ?? { itemType: cell.itemType, itemKey: cell.itemKey, written: 0, confirmed: 0, emptied: 0, examples: [] };
    items.set(key, item);
    const effect = cell.effect ?? 'written';
    item[effect] += 1;
    if (effect !== 'confirmed' && item.examples.length < examples) item.examples.push({ rowKey: cell.rowKey, period: cell.period, before: cell.before, after: cell.after });
  }
  return [...items.values()];
}

/** The date of an ISO time in Sweden, ÅÅÅÅ-MM-DD. */
export function isoDate(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
