/** What an import record says about itself (issue 14): its kind and the counts it reports. */

/** Ledger: the economy's outcome (ekonomiska utfall); actuals: volumes and indicators (volymer och styrtal). */
export type ImportKind = 'ledger' | 'actuals';

/** What an import's summary holds beside the counts. */
export interface ImportSummary {
  written: number;
  confirmed: number;
  emptied: number;
  unchanged: number;
  addedColumns: Array<{ itemType: string; itemKey: string; columnKey: string; label: string }>;
  items: number;
}
