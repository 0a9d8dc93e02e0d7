/**
 * Nets in operating budgets: a printed net (nettokostnader) should equal income plus costs in the
 * same column; a net printed without both parts is noted, not judged.
 */
import type { Decimal } from '../figure.ts';
import type { BudgetTable, Column } from '../plan.ts';
import { amount, budgetName, judge, LINE_LABELS, record, shortDifference, valueIn, verdict, type BudgetLine, type Context, type Where } from './context.ts';

/** The net (nettokostnader) of a column as income plus costs; null unless both are printed. */
export function computedNet(table: BudgetTable, column: Column): Decimal | null {
  const value = (line: BudgetLine) => valueIn(table.rows.find((row) => row.line === line), column);
  const income = value('income');
  const costs = value('costs');
  return income !== null && costs !== null ? income.plus(costs) : null;
}

/** Checks each printed net (nettokostnader) against the income and costs printed beside it. */
export function checkNets(ctx: Context, table: BudgetTable): void {
  const row = (line: BudgetLine) => table.rows.find((candidate) => candidate.line === line);
  const net = row('net');
  const name = budgetName(ctx.plan, table);
  for (const column of table.columns) {
    const stated = valueIn(net, column);
    if (stated === null) continue;
    const income = valueIn(row('income'), column);
    const costs = valueIn(row('costs'), column);
    const where: Where = { kind: 'net', tableKey: table.key, label: LINE_LABELS.net, column };
    const S = amount(stated, table.unit);
    if (income === null && costs === null) {
      record(ctx, { ...where, kind: 'net-without-parts' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: nettokostnaderna för ${column.label} anges till ${S} utan intäkter och kostnader; inget att stämma av mot`,
        summary: `netto ${S} anges utan intäkter och kostnader`,
      });
    } else if (income === null || costs === null) {
      const lacking = income === null ? 'intäkter' : 'kostnader';
      record(ctx, { ...where, kind: 'net-parts-incomplete' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: nettokostnaderna för ${column.label} är ${S} men ${lacking} saknas; nettot kan inte stämmas av`,
        summary: `netto ${S}, ${lacking} saknas`,
      });
    } else {
      const result = judge(ctx, stated, [income, costs]);
      const X = amount(result.computed, table.unit);
      const parts = `intäkter ${amount(income, table.unit)} och kostnader ${amount(costs, table.unit)}`;
      const direction =
        result.severity === 'gap'
          ? ` (den angivna nettokostnaden är ${amount(result.difference.abs(), table.unit)} ${result.difference.isNegative() ? 'högre' : 'lägre'} än vad intäkter och kostnader ger)`
          : '';
      record(ctx, where, result, {
        message:
          result.severity === 'ok'
            ? `${name}: nettokostnaderna för ${column.label} är ${S}, lika med ${parts}`
            : `${name}: nettokostnaderna för ${column.label} är ${S} men ${parts} ger ${X}${verdict(result.severity, result.difference, table.unit)}${direction}`,
        summary: `netto ${S}, intäkter + kostnader ger ${X}${shortDifference(result.difference, table.unit)}`,
      });
    }
  }
}
