/**
 * A plan's life: draft → submitted → adopted → archived, the frozen adoption snapshot, changes to
 * the plan head, and the year rollover into next period's plan.
 */
import { desc, eq, or } from 'drizzle-orm';
import { workflowSteps, type WorkflowStep } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { checkDecision, type AdoptionDecision } from '../domain/adoption.ts';
import { parseYearRange } from '../domain/period.ts';
import { isPublic } from '../domain/plan-lifecycle.ts';
import { PlanFile, StatusRule } from '../domain/plan.ts';
import { GoalAssessmentScale } from '../domain/plan-follow-up.ts';
import { rolloverKey, rolloverPlan, type RolloverResult } from '../domain/rollover.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { touchPlan, updatePlanRow } from '../db/plan-item-repository.ts';
import { findPlanSummary, insertSnapshot } from '../db/plan-repository.ts';
import { planLinks, plans, planSnapshots } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertVersion } from './plan-items-service.ts';
import { withCurrentOrganisation } from './organisation-service.ts';
import { exportPlan, importPlan } from './plan-service.ts';
import { authorizeOn, callerOf, writePlan, type Caller } from './plan-write.ts';
import { z } from 'zod';

export interface StepOptions {
  planKey: string;
  step: WorkflowStep;
  decision?: unknown;
  ifMatch: number | null;
  actor: string;
  /** The account taking the step (null: not logged in); absent: the local operator (command line, tests). */
  by?: Caller;
  reason?: string | null;
}

/** Moves a plan one step; adopting records the decision and freezes a snapshot of the content. */
export async function takeWorkflowStep(db: Db, options: StepOptions): Promise<{ status: string; version: number }> {
  const step = workflowSteps[options.step];
  return writePlan(db, options.planKey, async (write) => {
    const { tx, row } = write;
    await write.authorize(callerOf(options), step.action, [row.ownerNodeKey]);
    assertVersion(options.ifMatch, { version: row.version });
    if (!(step.from as readonly string[]).includes(row.status)) {
      throw new StyrkortError('conflict', `Planen har status ${row.status}; steget "${options.step}" kan bara tas från ${step.from.join(' eller ')}`);
    }
    const decision = options.step === 'adopt' ? parseDecision(options.decision) : undefined;
    const version = await updatePlanRow(tx, row, { status: step.to, ...(decision ? { decision } : {}) });
    await appendAudit(tx, { actor: options.actor, action: options.step, planKey: options.planKey, entityType: 'plan', entityKey: options.planKey, field: 'status', before: row.status, after: step.to, reason: options.reason });
    if (decision) {
      await appendAudit(tx, { actor: options.actor, action: options.step, planKey: options.planKey, entityType: 'plan', entityKey: options.planKey, field: 'decision', before: null, after: decision, reason: options.reason });
      const plan = await write.plan();
      const content = PlanFile.parse({ ...plan, plan: { ...plan.plan, status: step.to, decision } });
      await insertSnapshot(tx, { planKey: options.planKey, takenBy: options.actor, reason: 'adopted', content });
    }
    await touchPlan(tx, row);
    return { status: step.to, version };
  });
}

function parseDecision(input: unknown): AdoptionDecision {
  const checked = checkDecision(input, '$.decision');
  if (!checked.ok) throw new StyrkortError('validation', 'Beslutet är ofullständigt', checked.problems);
  return checked.decision;
}

/** The content as adopted: the latest adoption snapshot of the plan (or 404). */
export async function getAdoptionSnapshot(db: Db, planKey: string): Promise<{ takenAt: Date; takenBy: string; content: PlanFile }> {
  const [row] = await db.select().from(planSnapshots).where(eq(planSnapshots.planKey, planKey)).orderBy(desc(planSnapshots.id)).limit(1);
  if (!row) throw new StyrkortError('not-found', `Planen ${planKey} har ingen fastställd ögonblicksbild`);
  return { takenAt: row.takenAt, takenBy: row.takenBy, content: PlanFile.parse(row.content) };
}

export const PlanHeadChange = z
  .object({
    title: z.string().min(1).max(1000).optional(),
    subtitle: z.string().max(500).nullable().optional(),
    letterhead: z.array(z.string().max(200)).max(5).optional(),
    source: z.string().max(500).nullable().optional(),
    statusRollup: z.enum(['worst', 'majority', 'share']).optional(),
    /** null returns the plan to the tolerance rule. */
    statusRule: StatusRule.nullable().optional(),
    /** null: the plan assesses no goals (no assessment column in its reports). */
    goalAssessment: GoalAssessmentScale.nullable().optional(),
  })
  .strict();

/** Changes the plan head (title, letterhead …); status changes go through the workflow. */
export async function updatePlanHead(db: Db, options: { planKey: string; body: unknown; ifMatch: number | null; actor: string; by?: Caller; reason?: string | null }): Promise<number> {
  const parsed = PlanHeadChange.safeParse(options.body, { error: swedishErrorMap });
  if (!parsed.success) throw new StyrkortError('validation', 'Ändringen har fel; ingenting har sparats', issuesToProblems(parsed.error.issues));
  return writePlan(db, options.planKey, async (write) => {
    const { tx, row } = write;
    await write.authorize(callerOf(options), 'edit-content', [row.ownerNodeKey]);
    write.assertChangeable(false);
    assertVersion(options.ifMatch, { version: row.version });
    const head: Record<string, unknown> = (await write.plan()).plan;
    const changes = Object.entries(parsed.data).filter(([field, value]) => JSON.stringify(head[field] ?? null) !== JSON.stringify(value ?? null));
    if (changes.length === 0) return row.version;
    const version = await updatePlanRow(tx, row, Object.fromEntries(changes));
    for (const [field, value] of changes) {
      await appendAudit(tx, { actor: options.actor, action: 'update', planKey: options.planKey, entityType: 'plan', entityKey: options.planKey, field, before: head[field] ?? null, after: value ?? null, reason: options.reason });
    }
    await touchPlan(tx, row);
    return version;
  });
}

/** Works out the new plan for a rollover to "2021-2023" without writing anything. */
export async function previewRollover(db: Db, options: { planKey: string; to: string; key?: string }): Promise<RolloverResult> {
  const to = parseYearRange(options.to);
  if (!to) {
    throw new StyrkortError('validation', 'Ange den nya perioden som ÅÅÅÅ-ÅÅÅÅ, t.ex. 2021-2023', [{ path: '$.to', message: 'Ogiltig period' }]);
  }
  const source = await exportPlan(db, options.planKey);
  const key = options.key ?? rolloverKey(source.plan.key, { start: source.plan.periodStart, end: source.plan.periodEnd }, to);
  return rolloverPlan(source, { periodStart: to.start, periodEnd: to.end, key });
}

/** Creates next period's plan from this one, linked in its history, in one transaction. */
export async function rollover(db: Db, options: { planKey: string; to: string; key?: string; actor: string; by?: Caller; reason?: string | null }): Promise<RolloverResult> {
  const result = await previewRollover(db, options);
  await inTransaction(db, async (tx) => {
    const source = result.plan;
    await authorizeOn(tx, callerOf(options), 'create-plan', { municipality: source.municipality.code, nodes: [source.plan.ownerNode] });
    if (await findPlanSummary(tx, result.plan.plan.key)) {
      throw new StyrkortError('conflict', `Det finns redan en plan med nyckeln ${result.plan.plan.key}. Välj en annan nyckel eller period. Ingenting har skapats.`, [{ path: '$.key', message: 'Nyckeln är upptagen' }]);
    }
    // Next period's plan shows the organisation as it is now, not as the source plan was adopted with;
    // creating it is creating a plan of the same owner: importPlan authorises it in this transaction.
    await importPlan(tx, await withCurrentOrganisation(tx, result.plan), { actor: options.actor, by: callerOf(options), source: `rollover:${options.planKey}`, reason: options.reason ?? undefined });
    await tx.insert(planLinks).values({ fromPlanKey: options.planKey, toPlanKey: result.plan.plan.key, kind: 'rollover', createdBy: options.actor });
    await appendAudit(tx, { actor: options.actor, action: 'rollover', planKey: result.plan.plan.key, entityType: 'plan', entityKey: result.plan.plan.key, before: { from: options.planKey }, after: result.preview, reason: options.reason });
  });
  return result;
}

/**
 * Plans this plan was rolled over from and into. The public (issue 10, defect 13) sees only the
 * linked plans it may read — adopted ones — and not who made the links; an account sees all.
 */
export async function planHistory(db: Db, planKey: string, viewer: { isPublic: boolean }) {
  const rows = await db.select().from(planLinks).where(or(eq(planLinks.fromPlanKey, planKey), eq(planLinks.toPlanKey, planKey)));
  const statuses = new Map((await db.select({ key: plans.key, status: plans.status }).from(plans)).map((plan) => [plan.key, plan.status]));
  const visible = (key: string) => !viewer.isPublic || isPublic(statuses.get(key) ?? '');
  const link = (row: typeof planLinks.$inferSelect, key: string) => ({ plan: key, kind: row.kind, at: row.createdAt, ...(viewer.isPublic ? {} : { by: row.createdBy }) });
  return {
    from: rows.filter((row) => row.toPlanKey === planKey && visible(row.fromPlanKey)).map((row) => link(row, row.fromPlanKey)),
    to: rows.filter((row) => row.fromPlanKey === planKey && visible(row.toPlanKey)).map((row) => link(row, row.toPlanKey)),
  };
}
