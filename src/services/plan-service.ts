/** Use cases on whole plans: import (validated, one transaction), export, list. */
import { StyrkortError } from '../domain/errors.ts';
import { readJsonText } from '../domain/json-input.ts';
import { PlanFile } from '../domain/plan.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import type { OrgParents } from '../domain/access.ts';
import { checkDecision, needsDecision } from '../domain/adoption.ts';
import { isFrozen, mayReplaceOrDelete } from '../domain/plan-lifecycle.ts';
import type { Queryable, Tx } from '../db/connection.ts';
import { appendAudit, findAuditEvent } from '../db/audit-repository.ts';
import { deletePlan, findPlanSummary, insertPlan, insertSnapshot, listPlans, loadPlan, type PlanSummary, type WriteContext } from '../db/plan-repository.ts';
import { lockPlan, touchPlan, type PlanRow } from '../db/plan-item-repository.ts';
import { replacePlanContent } from '../db/plan-replace-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { importScope } from './organisation-service.ts';
import { assertVersion } from './plan-items-service.ts';
import { assertAllowed, authorizeOn, callerOf, writePlan, type Caller } from './plan-write.ts';

export { listPlans, type PlanSummary };

export interface ImportOptions extends WriteContext {
  /** Replace an existing draft: an update of that plan, with the same permission as deleting it. */
  replace?: boolean;
  /** For a replace: the version of the plan being replaced that the importer read (If-Match). */
  ifMatch?: number | null;
  /** The account importing (null: not logged in); absent: the local operator (command line, demo, tests). */
  by?: Caller;
}

export interface ImportResult {
  key: string;
  outcome: 'created' | 'replaced';
  counts: Record<string, number>;
  /** The plan's version (its ETag) after the import. */
  version: number;
}

/** Reads JSON text into a value: the one JSON reader (domain/json-input.ts), as for a file. */
export function parseJsonText(text: string): unknown {
  return readJsonText(text, 'Filen');
}

/**
 * Validates a plan file completely, then writes it in one transaction; bad input writes nothing.
 * A plan file that says adopted or archived must carry the complete decision, as adopting does.
 * Replacing is an update of the existing draft: its owner checked like a delete, If-Match its
 * version, versions continuing, and the replaced plan file kept whole in the audit trail.
 */
export async function importPlan(db: Queryable, input: unknown, options: ImportOptions): Promise<ImportResult> {
  const plan = validImport(input);
  const key = plan.plan.key;
  const by = callerOf(options);
  return inTransaction(db, async (tx) => {
    // The organisation is shared: an import may only show nodes differently within the importer's scope.
    const { touched, parents } = await importScope(tx, plan);
    assertAllowed(by, 'create-plan', { municipality: plan.municipality.code, nodes: [plan.plan.ownerNode, ...touched] }, parents);
    const existing = await lockPlan(tx, key);
    if (existing && !options.replace) {
      throw new StyrkortError('conflict', `Planen ${key} finns redan. Ange --replace (API: ?replace=true) för att ersätta den. Ingenting har sparats.`);
    }
    const before = existing ? await replaceable(tx, existing, plan, { ...options, by, parents }) : null;
    const version = existing ? await replacePlanContent(tx, existing, plan, options) : await insertPlan(tx, plan, options);
    if (existing) await touchPlan(tx, existing);
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
      // The replaced plan file, whole: `styrkort import --restore-audit ID` puts it back.
      before,
      after: { source: options.source, version, ...counts },
      reason: options.reason ?? null,
    });
    return { key, outcome: existing ? 'replaced' : 'created', counts, version };
  });
}

/** The plan file, valid and, when it says adopted or archived, with its complete decision (else 400, nothing written). */
function validImport(input: unknown): PlanFile {
  const validation = validatePlanFile(input);
  if (!validation.ok) {
    throw new StyrkortError('validation', `Planfilen har ${validation.problems.length} fel; ingenting har sparats`, validation.problems);
  }
  const plan = validation.plan;
  if (needsDecision(plan.plan.status)) {
    const checked = checkDecision(plan.plan.decision, '$.plan.decision');
    if (!checked.ok) {
      throw new StyrkortError('validation', `En plan med status ${plan.plan.status} måste ha ett fullständigt beslut (datum, beslutande organ, paragraf); ingenting har sparats`, checked.problems);
    }
  }
  return plan;
}

/**
 * Checks that the existing plan may be replaced by this importer, as deleting it would be: its
 * owner within the importer's scope, the same municipality, a draft, and If-Match its version.
 * Returns the plan file as it is, for the audit trail.
 */
async function replaceable(tx: Tx, existing: PlanRow, plan: PlanFile, options: ImportOptions & { by: Caller; parents: OrgParents }): Promise<PlanFile> {
  if (existing.municipalityCode !== plan.municipality.code) {
    await authorizeOn(tx, options.by, 'create-plan', { municipality: existing.municipalityCode, nodes: [existing.ownerNodeKey] });
    throw new StyrkortError('conflict', `Planen ${existing.key} hör till kommun ${existing.municipalityCode} och kan inte ersättas med en plan för kommun ${plan.municipality.code}. Ingenting har sparats.`);
  }
  assertAllowed(options.by, 'create-plan', { municipality: existing.municipalityCode, nodes: [existing.ownerNodeKey] }, options.parents);
  if (isFrozen(existing.status)) throw new StyrkortError('frozen', `Planen ${existing.key} är fastställd och kan inte ersättas. Ingenting har sparats.`);
  if (!mayReplaceOrDelete(existing.status)) {
    throw new StyrkortError('conflict', `Planen ${existing.key} är inlämnad och kan inte ersättas; öppna den igen (utkast) först. Ingenting har sparats.`);
  }
  if (options.ifMatch === undefined || options.ifMatch === null) {
    throw new StyrkortError('precondition-required', `Ersättningen saknar If-Match: ange planens version (ETag) som du läste, så att ingen annans ändring skrivs över. Ingenting har sparats.`);
  }
  assertVersion(options.ifMatch, { version: existing.version });
  return exportPlan(tx, existing.key);
}

/**
 * Puts back the plan file an audit event kept whole (a replace-import's or a delete's `before`):
 * as a new plan when it was deleted, else as a replace of the draft (If-Match: its current
 * version, given or read by the caller), through the same checks as any import.
 */
export async function restoreFromAudit(db: Queryable, options: { auditId: number; ifMatch?: number | null; actor: string; by?: Caller; reason?: string | null }): Promise<ImportResult> {
  const event = await findAuditEvent(db, options.auditId);
  if (!event) throw new StyrkortError('not-found', `Händelsen ${options.auditId} finns inte i ändringsloggen`);
  if (event.entityType !== 'plan' || (event.action !== 'replace' && event.action !== 'delete') || event.before === null || !event.planKey) {
    throw new StyrkortError('validation', `Händelsen ${options.auditId} (${event.action} ${event.entityType} ${event.entityKey}) innehåller ingen ersatt eller borttagen plan att återställa`, [{ path: '$.audit', message: 'Ingen plan att återställa' }]);
  }
  const existing = await findPlanSummary(db, event.planKey);
  return importPlan(db, event.before, {
    actor: options.actor,
    by: options.by,
    source: `audit:${options.auditId}`,
    reason: options.reason ?? `Återställd från ändringsloggen (händelse ${options.auditId})`,
    replace: existing !== null,
    ifMatch: options.ifMatch,
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
