/** Use cases on whole plans: import (validated, one transaction), export, list. */
import { StyrkortError } from '../domain/errors.ts';
import { PlanFile } from '../domain/plan.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import { isFrozen, mayReplaceOrDelete } from '../domain/plan-lifecycle.ts';
import type { Queryable } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { deletePlan, findPlanSummary, insertPlan, insertSnapshot, listPlans, loadPlan, type PlanSummary, type WriteContext } from '../db/plan-repository.ts';
import { lockPlan } from '../db/plan-item-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { nodesTouchedByImport } from './organisation-service.ts';
import { assertVersion } from './plan-items-service.ts';
import { authorizeOn, callerOf, writePlan, type Caller } from './plan-write.ts';

export { listPlans, type PlanSummary };

export interface ImportOptions extends WriteContext {
  /** Replace an existing plan that is not adopted. */
  replace?: boolean;
  /** The account importing (null: not logged in); absent: the local operator (command line, demo, tests). */
  by?: Caller;
}

export interface ImportResult {
  key: string;
  outcome: 'created' | 'replaced';
  counts: Record<string, number>;
}

/** Reads JSON text into a value, or a validation error that says where the syntax broke. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StyrkortError('validation', 'Filen är inte giltig JSON', [{ path: '$', message: (error as Error).message, code: 'json' }]);
  }
}

/** Validates a plan file completely, then writes it in one transaction; bad input writes nothing. */
export async function importPlan(db: Queryable, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const validation = validatePlanFile(input);
  if (!validation.ok) {
    throw new StyrkortError('validation', `Planfilen har ${validation.problems.length} fel; ingenting har sparats`, validation.problems);
  }
  const plan = validation.plan;
  const key = plan.plan.key;
  return inTransaction(db, async (tx) => {
    // The organisation tree is shared: an import may only add or change nodes within the importer's scope.
    const touched = await nodesTouchedByImport(tx, plan);
    await authorizeOn(tx, callerOf(options), 'create-plan', { municipality: plan.municipality.code, nodes: [plan.plan.ownerNode, ...touched] });
    const existing = await lockPlan(tx, key);
    if (existing && isFrozen(existing.status)) {
      throw new StyrkortError('frozen', `Planen ${key} är fastställd och kan inte ersättas. Ingenting har sparats.`);
    }
    if (existing && !options.replace) {
      throw new StyrkortError('conflict', `Planen ${key} finns redan. Ange --replace för att ersätta den. Ingenting har sparats.`);
    }
    const before = existing ? await loadPlan(tx, key) : null;
    if (existing) await deletePlan(tx, existing);
    await insertPlan(tx, plan, options);
    if (plan.plan.status === 'adopted') {
      // An adopted plan arrives frozen: what was imported is what was adopted, kept as its snapshot.
      await insertSnapshot(tx, { planKey: key, takenBy: options.actor, reason: 'imported-adopted', content: await exportPlan(tx, key) });
    }
    const counts = countParts(plan);
    await appendAudit(tx, {
      actor: options.actor,
      action: existing ? 'replace' : 'import',
      planKey: key,
      entityType: 'plan',
      entityKey: key,
      before: before ? countParts(PlanFile.parse(before)) : null,
      after: { source: options.source, ...counts },
      reason: options.reason ?? null,
    });
    return { key, outcome: existing ? 'replaced' : 'created', counts };
  });
}

/** Deletes a draft plan (If-Match: the plan's version), keeping its whole content in the audit trail. */
export async function removePlan(db: Queryable, options: { planKey: string; ifMatch: number | null; actor: string; by?: Caller; reason?: string | null }): Promise<void> {
  await writePlan(db, options.planKey, async (write) => {
    const { tx, row } = write;
    await write.authorize(callerOf(options), 'create-plan', [row.ownerNodeKey]);
    if (!mayReplaceOrDelete(row.status)) throw new StyrkortError('conflict', 'Bara planer med status utkast kan tas bort');
    assertVersion(options.ifMatch, { version: row.version });
    const content = await write.plan();
    await deletePlan(tx, row);
    await appendAudit(tx, { actor: options.actor, action: 'delete', planKey: row.key, entityType: 'plan', entityKey: row.key, before: content, after: null, reason: options.reason });
  });
}

/** The plan as a canonical plan file; export → import → export gives the same text. */
export async function exportPlan(db: Queryable, key: string): Promise<PlanFile> {
  const loaded = await loadPlan(db, key);
  if (!loaded) throw new StyrkortError('not-found', `Planen ${key} finns inte`);
  return PlanFile.parse(loaded);
}

/** The canonical text of a plan file: two-space JSON and a final newline. */
export function planFileText(plan: PlanFile): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export function countParts(plan: PlanFile): Record<string, number> {
  return {
    goals: plan.goals.length,
    indicators: plan.indicators.length,
    strategies: plan.strategies.length,
    activities: plan.activities.length,
    serviceDeclarations: plan.serviceDeclarations.length,
    outlooks: plan.outlooks.length,
    volumeRows: plan.volumeTables.reduce((n, t) => n + t.rows.length, 0),
    budgetTables: plan.budgetTables.length,
    capitalBudgetRows: plan.capitalBudgets.reduce((n, t) => n + t.rows.length, 0),
    sections: plan.sections.length,
  };
}
