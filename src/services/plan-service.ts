/** Use cases on whole plans: import (validated, one transaction), export, list. */
import { StyrkortError } from '../domain/errors.ts';
import { readJsonText } from '../domain/json-input.ts';
import { isFrozen } from '../domain/plan-lifecycle.ts';
import { PlanFile } from '../domain/plan.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { deletePlan, findPlanSummary, insertPlan, insertSnapshot, listPlans, loadPlan, type PlanSummary, type WriteContext } from '../db/plan-repository.ts';

export { listPlans, type PlanSummary };

export interface ImportOptions extends WriteContext {
  /** Replace an existing plan that is not adopted. */
  replace?: boolean;
}

export interface ImportResult {
  key: string;
  outcome: 'created' | 'replaced';
  counts: Record<string, number>;
}

/** Reads JSON text into a value: the one JSON reader (domain/json-input.ts), as for a file. */
export function parseJsonText(text: string): unknown {
  return readJsonText(text, 'Filen');
}

/** Validates a plan file completely, then writes it in one transaction; bad input writes nothing. */
export async function importPlan(db: Db, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const validation = validatePlanFile(input);
  if (!validation.ok) {
    throw new StyrkortError('validation', `Planfilen har ${validation.problems.length} fel; ingenting har sparats`, validation.problems);
  }
  const plan = validation.plan;
  const key = plan.plan.key;
  return db.transaction(async (tx) => {
    const existing = await findPlanSummary(tx as unknown as Db, key);
    if (existing && isFrozen(existing.status)) {
      throw new StyrkortError('frozen', `Planen ${key} är fastställd och kan inte ersättas. Ingenting har sparats.`);
    }
    if (existing && !options.replace) {
      throw new StyrkortError('conflict', `Planen ${key} finns redan. Ange --replace för att ersätta den. Ingenting har sparats.`);
    }
    const before = existing ? await loadPlan(tx as unknown as Db, key) : null;
    if (existing) await deletePlan(tx as unknown as Db, key);
    await insertPlan(tx as unknown as Db, plan, options);
    if (plan.plan.status === 'adopted') {
      // An adopted plan arrives frozen: what was imported is what was adopted, kept as its snapshot.
      await insertSnapshot(tx as unknown as Db, { planKey: key, takenBy: options.actor, reason: 'imported-adopted', content: await exportPlan(tx as unknown as Db, key) });
    }
    const counts = countParts(plan);
    await appendAudit(tx as unknown as Db, {
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

/** The plan as a canonical plan file; export → import → export gives the same text. */
export async function exportPlan(db: Db, key: string): Promise<PlanFile> {
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
