/**
 * What every reconciliation check shares: the context findings are recorded in, the judgement of
 * a printed figure against a sum (exact, rounding or gap) and the Swedish wording of amounts.
 */
import { Decimal } from 'decimal.js';
import { figureValue } from '../figure.ts';
import { formatAmount } from '../format.ts';
import type { budgetLines, BudgetTable, Column, PlanFile } from '../plan.ts';
import type { Finding, Severity } from './types.ts';

/** The state one reconciliation threads through its checks. */
export interface Context {
  plan: PlanFile;
  /** null: derive from the printed precision. */
  tolerance: Decimal | null;
  findings: Finding[];
}

export type BudgetLine = (typeof budgetLines)[number];
type Row = { cells: Record<string, string> };
export type Where = Pick<Finding, 'kind' | 'tableKey' | 'label'> & { column: Column | null };
type Texts = { message: string; summary: string };

export const LINE_LABELS: Record<BudgetLine, string> = { income: 'Intäkter', costs: 'Kostnader', net: 'Nettokostnader' };

/** Adds a finding with its column and difference filled in, so every check reports the same shape. */
export function record(ctx: Context, where: Where, figures: { severity: Severity; stated: Decimal | null; computed: Decimal | null }, texts: Texts): void {
  const { column, ...rest } = where;
  const { stated, computed } = figures;
  ctx.findings.push({
    ...rest,
    severity: figures.severity,
    columnKey: column?.key ?? null,
    columnLabel: column?.label ?? null,
    period: column?.period ?? null,
    stated,
    computed,
    difference: stated && computed ? stated.minus(computed) : null,
    ...texts,
  });
}

/** Compares a printed figure with the sum of the printed figures it should equal. */
export function judge(ctx: Context, stated: Decimal, parts: Decimal[]): { severity: Severity; stated: Decimal; computed: Decimal; difference: Decimal } {
  const computed = sum(parts);
  const difference = stated.minus(computed);
  const tolerance = ctx.tolerance ?? lastDigit([stated, ...parts]);
  const severity = difference.isZero() ? 'ok' : difference.abs().lte(tolerance) ? 'rounding' : 'gap';
  return { severity, stated, computed, difference };
}

/** Adds printed figures exactly, as Decimal, so no sum is off by floating point. */
export function sum(values: Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

// One unit of the finest printed digit: a sum of whole tkr may be off by 1 through rounding alone.
function lastDigit(values: Decimal[]): Decimal {
  const places = Math.max(0, ...values.map((value) => value.decimalPlaces()));
  return new Decimal(10).pow(-places);
}

/** The figure printed in a row's cell, or null when there is none: a missing figure is never zero. */
export function valueIn(row: Row | undefined, column: Column | undefined): Decimal | null {
  return row && column ? figureValue(row.cells[column.key]) : null;
}

/** Narrows away null, so only printed figures are summed. */
export function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/** An amount in the house format, with the table's unit, for finding texts. */
export function amount(value: Decimal, unit?: string): string {
  return formatAmount(value, { unit });
}

/** The size of a difference in words ("; skillnad 1 tkr, inom avrundning"); the sign lives in `difference`. */
export function verdict(severity: Severity, difference: Decimal, unit?: string): string {
  if (severity === 'ok') return '';
  const size = amount(difference.abs(), unit);
  return severity === 'rounding' ? `; skillnad ${size}, inom avrundning` : `; skillnad ${size} som inte förklaras`;
}

/** " (skillnad 2 tkr)" for short summaries; nothing when the figures agree. */
export function shortDifference(difference: Decimal, unit?: string): string {
  return difference.isZero() ? '' : ` (skillnad ${amount(difference.abs(), unit)})`;
}

/** The organisation node's short name, else its full name, for finding texts. */
export function nodeName(plan: PlanFile, key: string | undefined): string | undefined {
  const node = key === undefined ? undefined : plan.organisation.find((candidate) => candidate.key === key);
  return node?.shortName ?? node?.name;
}

/** What a budget table is called in finding texts: its heading, else its node, else its key. */
export function budgetName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? nodeName(plan, table.node) ?? table.key;
}
