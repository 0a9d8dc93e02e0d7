/**
 * What a reconciliation returns: findings as data, each with its severity, the figures compared
 * and Swedish texts, so the CLI and the API show the same result.
 */
import type { Decimal } from 'decimal.js';

/** ok: the figures agree exactly; rounding: within the tolerance; gap: beyond it; info: nothing to compare. */
export type Severity = 'ok' | 'rounding' | 'gap' | 'info';

export const findingKinds = [
  'net', // nettokostnader = intäkter + kostnader (or kostnader − intäkter when costs print positive)
  'net-without-parts', // a net printed with neither income nor costs ("Plan 2019: 0")
  'net-parts-incomplete', // a net printed with only one of income and costs
  'deviation', // avvikelse = utfall − budget (or budget − utfall, as the table prints it)
  'deviation-without-parts', // a deviation printed with neither outcome nor budget
  'deviation-parts-incomplete', // a deviation printed with only one of outcome and budget
  'sum', // a subtotal or total = the sum of the rows it names
  'sum-without-parts', // a subtotal printed where none of its rows has a figure
  'part', // a "varav" row of an economic table is not larger than its whole
  'unit-total', // a unit's row = the total row of the unit's own table
  'unit-total-incomplete', // the unit's own table prints no total for that column
  'rollup', // a parent's figure = the sum of its children's
  'rollup-incomplete', // a child lacks the figure, so the sum cannot be formed
  'rollup-exclusion', // a table explicitly outside its parent's totals ("EKB ingår ej i IFO:s budget")
  'volume-part', // a "varav" row is not larger than its whole
  'capital-column-total', // an investment column's total = the sum of its rows
  'capital-total-without-rows', // a column total printed for a year with no rows (Plan 2021)
  'capital-row-total', // a row's total = the sum of its years
  'capital-row-total-without-values', // a row total printed for a row with no yearly amounts
  'capital-grand-total', // the grand total = the sum of the column totals
  'capital-grand-total-incomplete', // a column with rows has no printed total
] as const;
export type FindingKind = (typeof findingKinds)[number];

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The table whose printed figure is checked; for a roll-up, the parent. */
  tableKey: string;
  /** The row of the printed figure that is checked; null when the finding concerns a whole table or an investment total. */
  rowKey: string | null;
  columnKey: string | null;
  /** The column as printed ("Prognos 2017"); null when the finding concerns a whole table. */
  columnLabel: string | null;
  period: string | null;
  /** Which row or what: "Nettokostnader", "Summa investeringar", "- varav uppväxtplacering". */
  label: string;
  stated: Decimal | null;
  computed: Decimal | null;
  /** stated − computed: positive when the printed figure is larger than what the others give. */
  difference: Decimal | null;
  /** Digits after the decimal comma the table prints its amounts with ("30,0 mnkr": 1); null: as each value has. */
  decimals: number | null;
  /** A whole Swedish sentence that names the table and the column. */
  message: string;
  /** The same finding in short, for lists that already show table and column. */
  summary: string;
}

export interface ReconciliationReport {
  planKey: string;
  findings: Finding[];
  counts: { confirmed: number; rounding: number; gap: number; info: number };
}

export interface ReconcileOptions {
  /**
   * The largest difference read as rounding, in the table's unit. By default n/2 units of the
   * last printed digit when n rounded figures are combined: 1 tkr for a net of whole tkr, 0,1 mnkr
   * for a net printed with one decimal, 0,3 mnkr for six activities summed to their committee.
   */
  tolerance?: Decimal.Value;
}
