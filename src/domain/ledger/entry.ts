/**
 * A ledger entry (huvudboksrad): one booked amount of a month on an account, with the codes of
 * the code string (kodsträng) it was booked on — responsibility (ansvar), activity (verksamhet),
 * and any other dimension the file carries (a SIE dimension by its number, a further named
 * column by its name). SIE, CSV and Excel ledgers all become these, so one mapping and one
 * aggregation serve them all.
 */
import type { Period } from '../period.ts';
import type { Ore } from './ore.ts';

/** The code dimensions every municipal code string has; others keep the file's own name. */
export const codeDimensions = ['responsibility', 'activity'] as const;

export interface LedgerEntry {
  /** The line of the file it was read from, for reports. */
  line: number;
  /** The month it was booked in, 'YYYY-MM'. */
  period: Period;
  account: string;
  /** Codes by dimension: 'responsibility' (ansvar), 'activity' (verksamhet), '6' (a SIE dimension) … */
  codes: Readonly<Record<string, string>>;
  /** As booked, in öre: debit positive, credit negative (costs positive, income negative). */
  amount: Ore;
}
