/**
 * Investment budgets (investeringsbudget): column totals, row totals over the years and the grand
 * total are each recomputed from the amounts printed beside them.
 */
import type { CapitalBudget, Column } from '../plan.ts';
import { amount, isPresent, judge, record, shortDifference, valueIn, verdict, type Context, type Where } from './context.ts';

/** Checks an investment budget's column totals, row totals and grand total against the amounts they sum. */
export function checkCapitalBudget(ctx: Context, budget: CapitalBudget): void {
  const years = budget.columns.filter((column) => column.kind !== 'total');
  const totalColumn = budget.columns.find((column) => column.kind === 'total');
  if (budget.total) for (const column of years) checkColumnTotal(ctx, budget, budget.total, column);
  if (totalColumn) for (const row of budget.rows) checkRowTotal(ctx, budget, row, years, totalColumn);
  if (budget.total && totalColumn) checkGrandTotal(ctx, budget, budget.total, years, totalColumn);
}

type CapitalTotal = NonNullable<CapitalBudget['total']>;

function checkColumnTotal(ctx: Context, budget: CapitalBudget, total: CapitalTotal, column: Column): void {
  const stated = valueIn(total, column);
  if (stated === null) return;
  const values = budget.rows.map((row) => valueIn(row, column)).filter(isPresent);
  const where: Where = { kind: 'capital-column-total', tableKey: budget.key, label: total.label, column };
  const S = amount(stated, budget.unit);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-total-without-rows' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${total.label} för ${column.label} är ${S}, men inga rader har belopp för ${column.label}`,
      summary: `summa ${S} anges utan några rader`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: raderna för ${column.label} summerar till ${X}, lika med ${total.label}`
        : `${budget.caption}: raderna för ${column.label} summerar till ${X} men ${total.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `raderna summerar till ${X}, summan är ${S}${shortDifference(result.difference, budget.unit)}`,
  });
}

function checkRowTotal(ctx: Context, budget: CapitalBudget, row: CapitalBudget['rows'][number], years: Column[], totalColumn: Column): void {
  const stated = valueIn(row, totalColumn);
  if (stated === null) return;
  const values = years.map((column) => valueIn(row, column)).filter(isPresent);
  const where: Where = { kind: 'capital-row-total', tableKey: budget.key, label: row.text, column: totalColumn };
  const S = amount(stated, budget.unit);
  if (!values.length) {
    record(ctx, { ...where, kind: 'capital-row-total-without-values' }, { severity: 'info', stated, computed: null }, {
      message: `${budget.caption}: ${row.text} har ${totalColumn.label} ${S} men inga belopp per år`,
      summary: `radtotal ${S} anges utan belopp per år`,
    });
    return;
  }
  const result = judge(ctx, stated, values);
  const X = amount(result.computed, budget.unit);
  record(ctx, where, result, {
    message:
      result.severity === 'ok'
        ? `${budget.caption}: ${row.text} summerar till ${X} över åren, lika med ${totalColumn.label}`
        : `${budget.caption}: ${row.text} summerar till ${X} över åren men ${totalColumn.label} är ${S}${verdict(result.severity, result.difference, budget.unit)}`,
    summary: `åren summerar till ${X}, radtotalen är ${S}${shortDifference(result.difference, budget.unit)}`,
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
