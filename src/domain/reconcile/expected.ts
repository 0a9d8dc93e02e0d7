/**
 * What a cell should hold according to the relations of its table, computed by the same rules the
 * reconciliation checks with: the budget editor shows it beside the printed figure while one
 * types, so the browser never computes a net or a sum of its own.
 */
import type { Decimal } from 'decimal.js';
import type { BudgetTable, EconomicColumn, PlanFile } from '../plan.ts';
import type { FindingKind } from './types.ts';
import { expectedAt, linearRelations } from './relations.ts';
import { sumOfParts } from './rollups.ts';

/** The value each relation that targets the cell gives, with the relation's kind; empty when none does or parts are missing. */
export function expectedValue(plan: PlanFile, table: BudgetTable, rowKey: string, columnKey: string): Array<{ kind: FindingKind; value: Decimal }> {
  const out: Array<{ kind: FindingKind; value: Decimal }> = [];
  for (const linear of linearRelations(table)) {
    const targets = linear.axis === 'rows' ? linear.target === rowKey : linear.target === columnKey;
    if (!targets) continue;
    const value = expectedAt(table, linear, linear.axis === 'rows' ? columnKey : rowKey);
    if (value) out.push({ kind: linear.kind, value });
  }
  const column = table.columns.find((candidate) => candidate.key === columnKey);
  const rollup = column ? sumOfParts(plan, table, rowKey, column) : null;
  if (rollup) out.push({ kind: 'rollup', value: rollup });
  return out;
}

/** The net of a column of a table whose rows are income, costs and net (Timrå's), as the net relation gives it. */
export function computedNet(table: BudgetTable, column: EconomicColumn): Decimal | null {
  const net = linearRelations(table).find((linear) => linear.kind === 'net' && linear.axis === 'rows');
  return net ? expectedAt(table, net, column.key) : null;
}
