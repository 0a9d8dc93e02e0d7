/**
 * What every reconciliation check shares: the context findings are recorded in, the judgement of
 * a printed figure against the figures it follows from (exact, rounding or gap) and the Swedish
 * wording of amounts in the table's own unit and precision.
 */
import { Decimal } from 'decimal.js';
import { figureValue } from '../figure.ts';
import { formatAmount } from '../format.ts';
import type { BudgetLine } from '../plan-constants.ts';
import type { BudgetTable, PlanFile } from '../plan.ts';
import type { Finding, Severity } from './types.ts';

export type { BudgetLine };

/** The state one reconciliation threads through its checks. */
export interface Context {
  plan: PlanFile;
  /** null: derive from the printed precision and the number of parts. */
  tolerance: Decimal | null;
  findings: Finding[];
}

/** A column as findings name it; investment budgets and economic tables both have these. */
interface ColumnLike {
  key: string;
  label: string;
  period?: string;
}
type Row = { cells: Record<string, string> };
export type Where = Pick<Finding, 'kind' | 'tableKey' | 'label'> & { column: ColumnLike | null; rowKey?: string | null };
type Texts = { message: string; summary: string };

export const LINE_LABELS: Record<BudgetLine, string> = { income: 'Intäkter', costs: 'Kostnader', net: 'Nettokostnader' };

/** Adds a finding with its place and difference filled in, so every check reports the same shape. */
export function record(ctx: Context, where: Where, figures: { severity: Severity; stated: Decimal | null; computed: Decimal | null; decimals?: number }, texts: Texts): void {
  const { column, rowKey, ...rest } = where;
  const { stated, computed } = figures;
  ctx.findings.push({
    ...rest,
    severity: figures.severity,
    rowKey: rowKey ?? null,
    columnKey: column?.key ?? null,
    columnLabel: column?.label ?? null,
    period: column?.period ?? null,
    stated,
    computed,
    difference: stated && computed ? stated.minus(computed) : null,
    decimals: figures.decimals ?? null,
    ...texts,
  });
}

/** Printed figures with the sign each takes in a relation: net = income + costs is [(income, 1), (costs, 1)]. */
export interface Term {
  value: Decimal;
  sign: 1 | -1;
}

/**
 * Compares a printed figure with what its parts give. Each printed part is rounded to half a unit
 * of the last printed digit, so n parts summed may differ from the printed total by up to n/2
 * units: within that a difference is rounding (avrundning), beyond it a gap (avvikelse).
 * `decimals` is the table's printed precision; absent, the finest digit printed among the figures.
 */
export function judge(
  ctx: Context,
  stated: Decimal,
  parts: Array<Decimal | Term>,
  decimals?: number,
): { severity: Severity; stated: Decimal; computed: Decimal; difference: Decimal } {
  const terms = parts.map((part): Term => (part instanceof Decimal ? { value: part, sign: 1 } : part));
  const computed = terms.reduce((total, term) => (term.sign === 1 ? total.plus(term.value) : total.minus(term.value)), new Decimal(0));
  const difference = stated.minus(computed);
  const tolerance = ctx.tolerance ?? roundingTolerance(terms.length, decimals ?? finestDigit([stated, ...terms.map((term) => term.value)]));
  const severity = difference.isZero() ? 'ok' : difference.abs().lte(tolerance) ? 'rounding' : 'gap';
  return { severity, stated, computed, difference };
}

/** The largest difference rounding alone explains when `parts` rounded figures are summed: parts/2 units of the last digit. */
export function roundingTolerance(parts: number, decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).times(Math.max(1, parts)).dividedBy(2);
}

/** Adds printed figures exactly, as Decimal, so no sum is off by floating point. */
export function sum(values: Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

/** Digits after the decimal comma of the finest printed figure. */
export function finestDigit(values: Decimal[]): number {
  return Math.max(0, ...values.map((value) => value.decimalPlaces()));
}

/** The figure printed in a row's cell, or null when there is none: a missing figure is never zero. */
export function valueIn(row: Row | undefined, column: { key: string } | undefined): Decimal | null {
  return row && column ? figureValue(row.cells[column.key]) : null;
}

/** Narrows away null, so only printed figures are summed. */
export function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/** An amount in the house format, with the table's unit and printed precision ("30,0 mnkr"), for finding texts. */
export function amount(value: Decimal, unit?: string, decimals?: number): string {
  return formatAmount(value, decimals === undefined ? { unit } : { unit, decimals });
}

/** The size of a difference in words ("; skillnad 1 tkr, inom avrundning"); the sign lives in `difference`. */
export function verdict(severity: Severity, difference: Decimal, unit?: string, decimals?: number): string {
  if (severity === 'ok') return '';
  const size = amount(difference.abs(), unit, decimals);
  return severity === 'rounding' ? `; skillnad ${size}, inom avrundning` : `; skillnad ${size} som inte förklaras`;
}

/** " (skillnad 2 tkr)" for short summaries; nothing when the figures agree. */
export function shortDifference(difference: Decimal, unit?: string, decimals?: number): string {
  return difference.isZero() ? '' : ` (skillnad ${amount(difference.abs(), unit, decimals)})`;
}

/** The organisation node's short name, else its full name, for finding texts. */
export function nodeName(plan: PlanFile, key: string | undefined): string | undefined {
  const node = key === undefined ? undefined : plan.organisation.find((candidate) => candidate.key === key);
  return node?.shortName ?? node?.name;
}

/** What a budget table is called in finding texts: its heading, else its node, else its caption. */
export function budgetName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? nodeName(plan, table.node) ?? table.caption;
}

/** The precision a table's amounts are written with in findings: the table's own, when it states one. */
export function printedDecimals(table: BudgetTable, values: Decimal[]): number {
  return table.decimals ?? finestDigit(values);
}
