/**
 * Investment budgets (investeringsbudget): column totals, row totals over the years and the grand
 * total are each recomputed from the amounts printed beside them.
 */
import type { Decimal } from '../figure.ts';
import type { CapitalBudget, Column } from '../plan.ts';
import { amount, isPresent, judge, record, shortDifference, sum, valueIn, verdict, type Context, type Where } from './context.ts';

/** Checks an investment budget's column totals, row totals and grand total against the amounts they sum. */
export function checkCapitalBudget(ctx: Context, budget: CapitalBudget): void {
  const years = budget.columns.filter((column) => column.kind !== 'total');
  const totalColumn = budget.columns.find((column) => column.kind === 'total');
  if (budget.total) for (const column of years) checkColumnTotal(ctx, budget, budget.total, column);
  if (totalColumn) for (const row of budget.rows) checkRowTotal(ctx, budget, row, years, totalColumn);
  if (budget.total && totalColumn) checkGrandTotal(ctx, budget, budget.total, years, totalColumn);
}

type CapitalTotal = NonNullable<CapitalBudget['total']>;

/** What a column total sums: the amounts printed in that year column on the rows (not the total row). */
function columnAmounts(budget: CapitalBudget, column: Column): Decimal[] {
  return budget.rows.map((row) => valueIn(row, column)).filter(isPresent);
}

/** What a row total sums: the row's amounts printed in the year columns. */
function rowAmounts(row: { cells: Record<string, string> }, years: Column[]): Decimal[] {
  return years.map((column) => valueIn(row, column)).filter(isPresent);
}

/** A year column's sum over the rows, as the check computes it; null when no row has an amount there (missing is not zero). */
export function capitalColumnSum(budget: CapitalBudget, column: Column): Decimal | null {
  const values = columnAmounts(budget, column);
  return values.length ? sum(values) : null;
}

/** A row's (or the total row's) sum over the year columns, as the check computes it; null when it has no amounts. */
export function capitalRowSum(row: { cells: Record<string, string> }, years: Column[]): Decimal | null {
  const values = rowAmounts(row, years);
  return values.length ? sum(values) : null;
}

type Judged = ReturnType<typeof judge>;
type Texts = { message: string; summary: string };

/**
 * One printed total against the amounts it sums: a note when it stands without any amounts,
 * otherwise confirmed, rounding or gap. Column and row totals differ only in their words.
 */
function checkTotal(
  ctx: Context,
  options: { where: Where; emptyKind: Where['kind']; stated: Decimal; values: Decimal[]; unit: CapitalBudget['unit']; empty: (S: string) => Texts; judged: (X: string, S: string, result: Judged) => Texts },
): void {
  const S = amount(options.stated, options.unit);
  if (!options.values.length) {
    record(ctx, { ...options.where, kind: options.emptyKind }, { severity: 'info', stated: options.stated, computed: null }, options.empty(S));
    return;
  }
  const result = judge(ctx, options.stated, options.values);
  record(ctx, options.where, result, options.judged(amount(result.computed, options.unit), S, result));
}

function checkColumnTotal(ctx: Context, budget: CapitalBudget, total: CapitalTotal, column: Column): void {
  const stated = valueIn(total, column);
  if (stated === null) return;
  const unit = budget.unit;
  checkTotal(ctx, {
    where: { kind: 'capital-column-total', tableKey: budget.key, label: total.label, column },
    emptyKind: 'capital-total-without-rows',
    stated,
    values: columnAmounts(budget, column),
    unit,
    empty: (S) => ({
      message: `${budget.caption}: ${total.label} för ${column.label} är ${S}, men inga rader har belopp för ${column.label}`,
      summary: `summa ${S} anges utan några rader`,
    }),
    judged: (X, S, result) => ({
      message:
        result.severity === 'ok'
          ? `${budget.caption}: raderna för ${column.label} summerar till ${X}, lika med ${total.label}`
          : `${budget.caption}: raderna för ${column.label} summerar till ${X} men ${total.label} är ${S}${verdict(result.severity, result.difference, unit)}`,
      summary: `raderna summerar till ${X}, summan är ${S}${shortDifference(result.difference, unit)}`,
    }),
  });
}

function checkRowTotal(ctx: Context, budget: CapitalBudget, row: CapitalBudget['rows'][number], years: Column[], totalColumn: Column): void {
  const stated = valueIn(row, totalColumn);
  if (stated === null) return;
  const unit = budget.unit;
  checkTotal(ctx, {
    where: { kind: 'capital-row-total', tableKey: budget.key, label: row.text, column: totalColumn },
    emptyKind: 'capital-row-total-without-values',
    stated,
    values: rowAmounts(row, years),
    unit,
    empty: (S) => ({
      message: `${budget.caption}: ${row.text} har ${totalColumn.label} ${S} men inga belopp per år`,
      summary: `radtotal ${S} anges utan belopp per år`,
    }),
    judged: (X, S, result) => ({
      message:
        result.severity === 'ok'
          ? `${budget.caption}: ${row.text} summerar till ${X} över åren, lika med ${totalColumn.label}`
          : `${budget.caption}: ${row.text} summerar till ${X} över åren men ${totalColumn.label} är ${S}${verdict(result.severity, result.difference, unit)}`,
      summary: `åren summerar till ${X}, radtotalen är ${S}${shortDifference(result.difference, unit)}`,
    }),
  });
}

function checkGrandTotal(ctx: Context, budget: CapitalBudget, total: CapitalTotal, years: Column[], totalColumn: Column): void {
  const stated = valueIn(total, totalColumn);
  if (stated === null) return;
  const S = amount(stated, budget.unit);
  const where: Where = { kind: 'capital-grand-total', tableKey: budget.key, label: total.label, column: totalColumn };
  const unstated = years.filter((column) => valueIn(total, column) === null && budget.rows.some((row) => valueIn(row, column) !== null));
  if (unstated.length) {
    const names = unstated.map((column) => column.label).join(', ');
    record(ctx, { ...where, kind: 'capital-grand-total-incomplete' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${totalColumn.label} är ${S}, men ${total.label} saknas för ${names} som har rader; totalen kan inte stämmas av mot kolumnsummorna`,
      summary: `totalen är ${S}, kolumnsumma saknas för ${names}`,
    });
    return;
  }
  const values = years.map((column) => valueIn(total, column)).filter(isPresent);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-total-without-rows' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${totalColumn.label} är ${S}, men inga år har belopp`,
      summary: `totalen ${S} anges utan några belopp`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  const parts = values.map((value) => amount(value)).join(' + ');
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: ${totalColumn.label} ${S} = ${parts}, summan av kolumnerna`
        : `${budget.caption}: kolumnsummorna ${parts} ger ${X} men ${totalColumn.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `kolumnsummorna ger ${X}, totalen är ${S}${shortDifference(result.difference, budget.unit)}`,
  });
}
