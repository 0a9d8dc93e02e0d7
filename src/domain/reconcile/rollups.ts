/**
 * Roll-ups of operating budgets: a parent's income, costs and net should equal the sum of its
 * children's in the matching column; a table kept outside its parent is noted.
 */
import type { Decimal } from 'decimal.js';
import { budgetLines } from '../plan-constants.ts';
import type { BudgetTable, Column, PlanFile } from '../plan.ts';
import {
  amount,
  budgetName,
  isPresent,
  judge,
  LINE_LABELS,
  record,
  shortDifference,
  sum,
  valueIn,
  verdict,
  type BudgetLine,
  type Context,
  type Where,
} from './context.ts';

// Columns of different tables are the same column when they hold the same kind of figure for the
// same period: the total prints "Prognos 2017", its units "Prognos 2017 aug". Keys and labels
// are the document's wording, not identity. A column without a period falls back on its label.
function columnIdentity(column: Column): string {
  return column.period === undefined ? `${column.kind}|label:${column.label.trim().toLowerCase()}` : `${column.kind}|${column.period}`;
}

function matchingColumn(table: BudgetTable, column: Column): Column | undefined {
  const identity = columnIdentity(column);
  return table.columns.find((candidate) => columnIdentity(candidate) === identity);
}

const CHILD_NOUNS: Partial<Record<PlanFile['organisation'][number]['kind'], string>> = { unit: 'enheterna', 'service-area': 'verksamheterna' };

function childNoun(plan: PlanFile, children: BudgetTable[]): string {
  const kinds = new Set(children.map((child) => plan.organisation.find((node) => node.key === child.node)?.kind));
  const [kind] = [...kinds];
  return kinds.size === 1 && kind ? (CHILD_NOUNS[kind] ?? 'delarna') : 'delarna';
}

/** Checks each parent's budget lines against the sum of the tables that roll up into it, and notes exclusions. */
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
    if (parent) for (const line of budgetLines) checkRollupLine(ctx, parent, children, line);
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

/** Each part's value of a line in the parent's column (null: the part has none); null when no part has that column. */
function partValues(children: BudgetTable[], line: BudgetLine, column: Column): Array<Decimal | null> | null {
  const columns = children.map((child) => matchingColumn(child, column));
  if (columns.every((match) => match === undefined)) return null;
  return children.map((child, i) => valueIn(child.rows.find((row) => row.line === line), columns[i]));
}

/**
 * The sum of the tables that roll into `parent`, for one line in one of its columns: what the
 * parent's figure should be. Null when no part has that column or any part lacks the figure
 * (missing is not zero).
 */
export function sumOfParts(plan: PlanFile, parent: BudgetTable, line: BudgetLine, column: Column): Decimal | null {
  const children = plan.budgetTables.filter((table) => table.rollup?.included && table.rollup.into === parent.key);
  const values = children.length ? partValues(children, line, column) : null;
  return values && values.every(isPresent) ? sum(values) : null;
}

function checkRollupLine(ctx: Context, parent: BudgetTable, children: BudgetTable[], line: BudgetLine): void {
  const parentRow = parent.rows.find((row) => row.line === line);
  if (!parentRow) return;
  const name = budgetName(ctx.plan, parent);
  const noun = childNoun(ctx.plan, children);
  const lineWord = LINE_LABELS[line].toLowerCase();
  for (const column of parent.columns) {
    const stated = valueIn(parentRow, column);
    if (stated === null) continue;
    const values = partValues(children, line, column);
    if (values === null) continue; // not a column they share
    const where: Where = { kind: 'rollup', tableKey: parent.key, label: LINE_LABELS[line], column };
    const S = amount(stated, parent.unit);
    const lacking = children.filter((_, i) => values[i] === null).map((child) => budgetName(ctx.plan, child));
    if (lacking.length) {
      const partial = amount(sum(values.filter(isPresent)), parent.unit);
      record(ctx, { ...where, kind: 'rollup-incomplete' }, { severity: 'info', stated, computed: null }, {
        message: `${name}: ${lineWord} för ${column.label} är ${S}, men värde saknas för ${lacking.join(', ')}; summan av ${noun} är ofullständig och kan inte stämmas av (de övriga ger ${partial})`,
        summary: `totalen är ${S}, värde saknas för ${lacking.join(', ')}`,
      });
      continue;
    }
    const result = judge(ctx, stated, values.filter(isPresent));
    const X = amount(result.computed, parent.unit);
    const explanation = result.severity === 'gap' ? ` (${noun} har ${describeExcess(line, result.difference.negated(), parent.unit)} än totalen)` : '';
    record(ctx, where, result, {
      message:
        result.severity === 'ok'
          ? `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X}, lika med totalen`
          : `${name}: summan av ${noun}s ${lineWord} för ${column.label} är ${X} men totalen är ${S}${verdict(result.severity, result.difference, parent.unit)}${explanation}`,
      summary: `${noun} summerar till ${X}, totalen är ${S}${shortDifference(result.difference, parent.unit)}`,
    });
  }
}

// What "the parts are larger by `excess`" means for a line whose costs are printed negative.
function describeExcess(line: BudgetLine, excess: Decimal, unit: string): string {
  const size = amount(excess.abs(), unit);
  const larger = excess.isPositive();
  if (line === 'income') return `${size} ${larger ? 'mer' : 'mindre'} i intäkter`;
  if (line === 'costs') return `${size} ${larger ? 'mindre' : 'mer'} i kostnader`;
  return `${size} ${larger ? 'lägre' : 'högre'} nettokostnad`;
}
