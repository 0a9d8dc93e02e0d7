/**
 * The budget editors' own pure logic: the plan as it would be with a table as typed, and the
 * reconciliation findings of that plan placed on the cells they concern — so the browser shows a
 * gap appear or vanish while the user types, with the same domain rules the server and the CLI
 * use. Rows, cell changes and edits are the one grid's (grid/grid-rules.ts, domain/figure-table.ts).
 */
import { figureValue, type Decimal } from '../domain/figure.ts';
import { computedNet, expectedValue, reconcilePlan, sumOfParts, type Finding } from '../domain/reconcile.ts';
import { TOTAL_ROW } from '../domain/figure-table.ts';
import { LINE_LABELS } from '../domain/reconcile/context.ts';
import type { BudgetTable, CapitalBudget, PlanFile } from '../domain/plan.ts';
import type { BudgetLine } from '../domain/plan-constants.ts';
import { cellId } from './components/grid/grid-rules.ts';

export type { BudgetLine };

/** The words the domain's findings use for the budget lines (Intäkter, Kostnader, Nettokostnader). */
export const LINE_WORDS: Readonly<Record<BudgetLine, string>> = LINE_LABELS;

/** The plan with one budget table or investment budget replaced, for reconciling unsaved edits. */
export function planWith(plan: PlanFile, part: { budgetTable: BudgetTable } | { capitalBudget: CapitalBudget }): PlanFile {
  if ('budgetTable' in part) return { ...plan, budgetTables: plan.budgetTables.map((table) => (table.key === part.budgetTable.key ? part.budgetTable : table)) };
  return { ...plan, capitalBudgets: plan.capitalBudgets.map((budget) => (budget.key === part.capitalBudget.key ? part.capitalBudget : budget)) };
}

/** What the net of a column is beside what income + costs give (beräknat netto). */
export interface DerivedNet {
  printed: Decimal | null;
  /** income + costs; null unless both are printed. */
  computed: Decimal | null;
  /** 'computed': no net printed, so the computed one stands in; 'differs': both and unequal. */
  state: 'agrees' | 'differs' | 'computed' | 'none';
}

/** The net computed from income and costs in one column, and how it stands to the printed net. */
export function derivedNet(table: BudgetTable, columnKey: string): DerivedNet {
  const column = table.columns.find((candidate) => candidate.key === columnKey);
  const net = table.relations.find((relation) => relation.kind === 'net' && relation.axis === 'rows');
  const printed = figureValue(table.rows.find((row) => net?.kind === 'net' && row.key === net.target)?.cells[columnKey]);
  const computed = column ? computedNet(table, column) : null;
  if (computed === null) return { printed, computed, state: 'none' };
  if (printed === null) return { printed, computed, state: 'computed' };
  return { printed, computed, state: printed.equals(computed) ? 'agrees' : 'differs' };
}

/** What a relation gives for a printed figure: shown beside it when it differs, or in its place when nothing is printed. */
export interface ComputedNote {
  value: Decimal;
  /** The relation: a net from income and costs, a deviation, a sum of rows. */
  kind: Finding['kind'];
  state: 'differs' | 'computed';
}

/**
 * Per cell of a table: what its relations (net, deviation, sum) give where that differs from the
 * printed figure or stands in for a missing one — the reconciliation's own computation.
 */
export function computedNotes(plan: PlanFile, table: BudgetTable): Map<string, ComputedNote> {
  const notes = new Map<string, ComputedNote>();
  for (const row of table.rows) {
    if (row.kind === 'heading') continue;
    for (const column of table.columns) {
      const [expected] = expectedValue(plan, table, row.key, column.key).filter((candidate) => candidate.kind !== 'rollup');
      if (!expected) continue;
      const printed = figureValue(row.cells[column.key]);
      if (printed === null) notes.set(cellId(row.key, column.key), { ...expected, state: 'computed' });
      else if (!printed.equals(expected.value)) notes.set(cellId(row.key, column.key), { ...expected, state: 'differs' });
    }
  }
  return notes;
}

/** The findings that need a reader's attention (not those that agree), gaps first. */
export function attentionFindings(findings: Finding[]): Finding[] {
  const order = { gap: 0, rounding: 1, info: 2, ok: 3 } as const;
  return findings.filter((finding) => finding.severity !== 'ok').sort((a, b) => order[a.severity] - order[b.severity]);
}

/** A budget table's findings: its own (nets, its roll-up as parent, its exclusion) and its parent's roll-up. */
export interface BudgetFindings {
  own: Finding[];
  /** The roll-up findings of the table this one rolls into, where the edits here count too. */
  parent: Finding[];
  /** How many checks of this table agree exactly. */
  confirmed: number;
}

/** Reconciles the plan with the edited table and picks the findings that concern it. */
export function budgetFindings(plan: PlanFile, table: BudgetTable): BudgetFindings {
  const report = reconcilePlan(planWith(plan, { budgetTable: table }));
  const own = report.findings.filter((finding) => finding.tableKey === table.key);
  const into = table.rollup?.included ? table.rollup.into : null;
  const parent = into ? report.findings.filter((finding) => finding.tableKey === into && finding.kind.startsWith('rollup')) : [];
  return { own: attentionFindings(own), parent: attentionFindings(parent), confirmed: own.filter((finding) => finding.severity === 'ok').length };
}

/** Reconciles the plan with the edited investment budget and picks its findings. */
export function capitalFindings(plan: PlanFile, budget: CapitalBudget): BudgetFindings {
  const report = reconcilePlan(planWith(plan, { capitalBudget: budget }));
  const own = report.findings.filter((finding) => finding.tableKey === budget.key);
  return { own: attentionFindings(own), parent: [], confirmed: own.filter((finding) => finding.severity === 'ok').length };
}

/** The cell of a budget table a finding is about: the printed figure it checks; null for a whole-table note. */
export function budgetFindingCell(finding: Finding): string | null {
  return finding.columnKey === null || finding.rowKey === null ? null : cellId(finding.rowKey, finding.columnKey);
}

/** The cell of an investment budget a finding is about: a column total, a row total or the grand total. */
export function capitalFindingCell(budget: CapitalBudget, finding: Finding): string | null {
  if (finding.columnKey === null) return null;
  if (finding.kind === 'capital-row-total' || finding.kind === 'capital-row-total-without-values') {
    // The domain names the row by its text; the first row with that text carries the marker.
    const row = budget.rows.find((candidate) => candidate.text === finding.label);
    return row ? cellId(row.key, finding.columnKey) : null;
  }
  return cellId(TOTAL_ROW, finding.columnKey);
}

/** Findings grouped by the cell they concern. */
export function findingsByCell(findings: Finding[], cellOf: (finding: Finding) => string | null): Map<string, Finding[]> {
  const cells = new Map<string, Finding[]>();
  for (const finding of findings) {
    const id = cellOf(finding);
    if (id !== null) cells.set(id, [...(cells.get(id) ?? []), finding]);
  }
  return cells;
}

/** Per cell of a table others roll into: the sum of its parts, as the reconciliation computes it (cells where a part lacks the figure are left out). */
export function partSums(plan: PlanFile, table: BudgetTable): Map<string, Decimal> {
  const sums = new Map<string, Decimal>();
  for (const row of table.rows) {
    for (const column of table.columns) {
      const value = sumOfParts(plan, table, row.key, column);
      if (value !== null) sums.set(cellId(row.key, column.key), value);
    }
  }
  return sums;
}

/** Whether any other table of the plan rolls into this one. */
export function hasParts(plan: PlanFile, table: BudgetTable): boolean {
  return plan.budgetTables.some((candidate) => candidate.rollup?.included && candidate.rollup.into === table.key);
}
