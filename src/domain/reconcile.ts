/**
 * Reconciliation (avstämning) of a plan's printed figures: every relation an economic table
 * states (nets, deviations, subtotals, totals, "varav" rows, a unit's row against its own table),
 * every roll-up between tables and every investment total is recomputed from the other printed
 * figures and compared with what was printed. Nothing is corrected and nothing is rejected: real
 * documents contain errors, and a difference is a finding to show, not to hide. A missing figure
 * is never read as zero.
 */
import { Decimal } from 'decimal.js';
import type { PlanFile } from './plan.ts';
import { checkCapitalBudget } from './reconcile/capital.ts';
import type { Context } from './reconcile/context.ts';
import { checkEconomicTable } from './reconcile/relations.ts';
import { checkRollups } from './reconcile/rollups.ts';
import type { ReconcileOptions, ReconciliationReport, Severity } from './reconcile/types.ts';
import { checkVolumeParts } from './reconcile/volumes.ts';

// The checks live in ./reconcile/; this module runs them in order and is their public face.
export { formatReconciliationReport } from './reconcile/report-format.ts';
export { findingKinds } from './reconcile/types.ts';
export { sumOfParts } from './reconcile/rollups.ts';
export { expectedValue, computedNet } from './reconcile/expected.ts';
export { capitalColumnSum, capitalRowSum } from './reconcile/capital.ts';
export type { Finding, FindingKind, ReconcileOptions, ReconciliationReport, Severity } from './reconcile/types.ts';

/** Lists every printed figure that agrees, nearly agrees or disagrees with the figures it follows from. */
export function reconcilePlan(plan: PlanFile, options: ReconcileOptions = {}): ReconciliationReport {
  const ctx: Context = {
    plan,
    tolerance: options.tolerance === undefined ? null : new Decimal(options.tolerance),
    findings: [],
  };
  for (const table of plan.budgetTables) checkEconomicTable(ctx, table);
  checkRollups(ctx);
  for (const table of plan.volumeTables) checkVolumeParts(ctx, table);
  for (const budget of plan.capitalBudgets) checkCapitalBudget(ctx, budget);
  const count = (severity: Severity) => ctx.findings.filter((finding) => finding.severity === severity).length;
  return {
    planKey: plan.plan.key,
    findings: ctx.findings,
    counts: { confirmed: count('ok'), rounding: count('rounding'), gap: count('gap'), info: count('info') },
  };
}
