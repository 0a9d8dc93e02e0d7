/**
 * Roll-ups between tables: a parent table's rows should equal the sum of the same rows of the
 * tables that roll up into it, in the matching column (Timrå: IFO's income, costs and net from
 * its units'); a table kept outside its parent is noted ("EKB ingår ej i IFO:s budget"). And a
 * unit's row in a statement against the total row of the unit's own table.
 */
import type { Decimal } from 'decimal.js';
import { moneyScale } from '../economy/money-unit.ts';
import { columnIdentity, isAdditiveColumn } from '../economy/table.ts';
import type { BudgetTable, EconomicColumn, EconomicRelation, EconomicRow, PlanFile } from '../plan.ts';
import {
  amount,
  budgetName,
  isPresent,
  judge,
  LINE_LABELS,
  printedDecimals,
  record,
  shortDifference,
  sum,
  valueIn,
  verdict,
  type Context,
  type Where,
} from './context.ts';
import { rowName } from './relations.ts';

function matchingColumn(table: BudgetTable, column: EconomicColumn): EconomicColumn | undefined {
  const identity = columnIdentity(column);
  return table.columns.find((candidate) => columnIdentity(candidate) === identity);
}

const CHILD_NOUNS: Partial<Record<PlanFile['organisation'][number]['kind'], string>> = { unit: 'enheterna', 'service-area': 'verksamheterna' };

function childNoun(plan: PlanFile, children: BudgetTable[]): string {
  const kinds = new Set(children.map((child) => plan.organisation.find((node) => node.key === child.node)?.kind));
  const [kind] = [...kinds];
  return kinds.size === 1 && kind ? (CHILD_NOUNS[kind] ?? 'delarna') : 'delarna';
}

/** Checks each parent's rows against the sum of the tables that roll up into it, notes exclusions, and checks unit totals. */
export function checkRollups(ctx: Context): void {
  const tables = ctx.plan.budgetTables;
  const groups = new Map<string, BudgetTable[]>();
  for (const table of tables) {
    if (!table.rollup) continue;
    if (table.rollup.included) groups.set(table.rollup.into, [...(groups.get(table.rollup.into) ?? []), table]);
    else recordExclusion(ctx, table, table.rollup);
  }
  for (const [into, children] of groups) {
    // An unknown parent is a broken reference, reported by plan validation.
    const parent = tables.find((table) => table.key === into);
    if (parent) for (const row of parent.rows.filter((r) => r.kind !== 'heading')) checkRollupRow(ctx, parent, children, row);
  }
  for (const table of tables) {
    for (const relation of table.relations) if (relation.kind === 'unit-total') checkUnitTotal(ctx, table, relation);
  }
}

function recordExclusion(ctx: Context, table: BudgetTable, rollup: NonNullable<BudgetTable['rollup']>): void {
  const parent = ctx.plan.budgetTables.find((candidate) => candidate.key === rollup.into);
  const parentName = parent ? budgetName(ctx.plan, parent) : rollup.into;
  const name = budgetName(ctx.plan, table);
  const note = rollup.note ? `: ${rollup.note}` : '';
  record(ctx, { kind: 'rollup-exclusion', tableKey: table.key, label: name, column: null }, { severity: 'info', stated: null, computed: null }, {
    message: `${name} räknas inte in i ${parentName} och summeras aldrig dit${note}`,
    summary: `ingår inte i ${parentName} (${rollup.into})${note}`,
  });
}

/** Each part's value of a row in the parent's column (null: the part has none); null when no part has that column. */
function partValues(children: BudgetTable[], rowKey: string, column: EconomicColumn): Array<Decimal | null> | null {
  const columns = children.map((child) => matchingColumn(child, column));
  if (columns.every((match) => match === undefined)) return null;
  return children.map((child, i) => valueIn(child.rows.find((row) => row.key === rowKey), columns[i]));
}

/**
 * The sum of the tables that roll into `parent`, for one row (by key: "income", "costs", "net")
 * in one of its columns: what the parent's figure should be. Null when no part has that column or
 * any part lacks the figure (missing is not zero).
 */
export function sumOfParts(plan: PlanFile, parent: BudgetTable, rowKey: string, column: EconomicColumn): Decimal | null {
  const children = plan.budgetTables.filter((table) => table.rollup?.included && table.rollup.into === parent.key);
  const values = children.length ? partValues(children, rowKey, column) : null;
  return values && values.every(isPresent) ? sum(values) : null;
}

function labelOf(table: BudgetTable, row: EconomicRow): string {
  return row.line ? LINE_LABELS[row.line] : rowName(table, row);
}

function checkRollupRow(ctx: Context, parent: BudgetTable, children: BudgetTable[], row: EconomicRow): void {
  const name = budgetName(ctx.plan, parent);
  const noun = childNoun(ctx.plan, children);
  const label = labelOf(parent, row);
  const lineWord = label.toLowerCase();
  for (const column of parent.columns.filter(isAdditiveColumn)) {
    const stated = valueIn(row, column);
    if (stated === null) continue;
    const values = partValues(children, row.key, column);
    if (values === null) continue; // not a column they share
    const where: Where = { kind: 'rollup', tableKey: parent.key, label, column, rowKey: row.key };
    const decimals = printedDecimals(parent, [stated, ...values.filter(isPresent)]);
    const text = (value: Decimal) => amount(value, parent.unit, decimals);
    const S = text(stated);
    const lacking = children.filter((_, i) => values[i] === null).map((child) => budgetName(ctx.plan, child));
    if (lacking.length) {
      const partial = text(sum(values.filter(isPresent)));
      record(ctx, { ...where, kind: 'rollup-incomplete' }, { severity: 'info', stated, computed: null, decimals }, {
        message: `${name}: ${lineWord} för ${column.label} är ${S}, men värde saknas för ${lacking.join(', ')}; summan av ${noun} är ofullständig och kan inte stämmas av (de övriga ger ${partial})`,
        summary: `totalen är ${S}, värde saknas för ${lacking.join(', ')}`,
      });
      continue;
    }
    const result = judge(ctx, stated, values.filter(isPresent), parent.decimals);
    const X = text(result.computed);
    const explanation = result.severity === 'gap' ? ` (${noun} har ${describeExcess(row.line ?? 'net', result.difference.negated(), text)} än totalen)` : '';
    record(ctx, where, { ...result, decimals }, {
      message:
        result.severity === 'ok'
          ? `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X}, lika med totalen`
          : `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X} men totalen är ${S}${verdict(result.severity, result.difference, parent.unit, decimals)}${explanation}`,
      summary: `${noun} summerar till ${X}, totalen är ${S}${shortDifference(result.difference, parent.unit, decimals)}`,
    });
  }
}

// What "the parts are larger by `excess`" means for a line whose costs are printed negative.
function describeExcess(line: string, excess: Decimal, text: (value: Decimal) => string): string {
  const size = text(excess.abs());
  const larger = excess.isPositive();
  if (line === 'income') return `${size} ${larger ? 'mer' : 'mindre'} i intäkter`;
  if (line === 'costs') return `${size} ${larger ? 'mindre' : 'mer'} i kostnader`;
  return `${size} ${larger ? 'lägre' : 'högre'} nettokostnad`;
}

/** A unit's row in a statement against the total row of the unit's own table, column by matching column. */
function checkUnitTotal(ctx: Context, table: BudgetTable, relation: Extract<EconomicRelation, { kind: 'unit-total' }>): void {
  const row = table.rows.find((candidate) => candidate.key === relation.row);
  const own = ctx.plan.budgetTables.find((candidate) => candidate.key === relation.table);
  const total = own?.rows.find((candidate) => candidate.kind === 'total');
  if (!row || !own || !total) return; // broken references are reported by validation
  const name = budgetName(ctx.plan, table);
  const ownName = budgetName(ctx.plan, own);
  for (const column of table.columns.filter(isAdditiveColumn)) {
    const stated = valueIn(row, column);
    if (stated === null) continue;
    const match = matchingColumn(own, column);
    if (!match) continue; // the unit's table has no such column: nothing to compare
    const where: Where = { kind: 'unit-total', tableKey: table.key, label: rowName(table, row), column, rowKey: row.key };
    const printed = valueIn(total, match);
    // The unit's own table may print another unit (tkr beside mnkr): compare in this table's unit.
    const computed = printed && printed.times(moneyScale(own.unit) ?? 1).dividedBy(moneyScale(table.unit) ?? 1);
    const decimals = printedDecimals(table, computed ? [stated, computed] : [stated]);
    const text = (value: Decimal) => amount(value, table.unit, decimals);
    if (computed === null) {
      record(ctx, { ...where, kind: 'unit-total-incomplete' }, { severity: 'info', stated, computed: null, decimals }, {
        message: `${name}: ${row.label} är ${text(stated)} för ${column.label}, men ${ownName} anger ingen total för ${match.label}`,
        summary: `${text(stated)}, ${ownName} saknar total för ${match.label}`,
      });
      continue;
    }
    const result = judge(ctx, stated, [computed], table.decimals);
    record(ctx, where, { ...result, decimals }, {
      message:
        result.severity === 'ok'
          ? `${name}: ${row.label} för ${column.label} är ${text(stated)}, lika med ${total.label} i ${ownName}`
          : `${name}: ${row.label} för ${column.label} är ${text(stated)} men ${total.label} i ${ownName} är ${text(computed)}${verdict(result.severity, result.difference, table.unit, decimals)}`,
      summary: `${text(stated)}, ${ownName} ${total.label.toLowerCase()} ${text(computed)}${shortDifference(result.difference, table.unit, decimals)}`,
    });
  }
}
