/**
 * What follows when a shared goal or organisation node gets a new current version: each draft or
 * submitted plan that showed the previous current version is re-pinned to the new one, checked as
 * a whole plan, marked changed (touchPlan) and audited on its own; adopted and archived plans keep
 * the version they were adopted with.
 */
import { StyrkortError } from '../domain/errors.ts';
import { followsSharedChanges } from '../domain/plan-lifecycle.ts';
import { planStatuses } from '../domain/plan.ts';
import { validatePlanFile } from '../domain/validate-plan.ts';
import type { Tx } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { touchPlan } from '../db/plan-item-repository.ts';
import { loadPlan } from '../db/plan-repository.ts';

/** The plan statuses whose plans follow a shared change (domain rule: plan-lifecycle). */
export const followingStatuses = planStatuses.filter(followsSharedChanges);

export interface Repin {
  /** The plans to re-pin, locked by the caller (in id order) before the shared entity changed. */
  plans: ReadonlyArray<{ id: number; key: string }>;
  /** Moves the plans' pins to the new version. */
  move(planIds: readonly number[]): Promise<void>;
  entityType: 'goal' | 'org-node';
  /** The entity's key within the plans (goal or node key). */
  key: string;
  before: { version: number };
  after: { version: number };
  actor: string;
  reason?: string | null;
}

/** Re-pins the plans and returns their keys; a plan the change would make invalid refuses it all (400). */
export async function repinPlans(tx: Tx, repin: Repin): Promise<string[]> {
  await repin.move(repin.plans.map((plan) => plan.id));
  for (const plan of repin.plans) {
    const validation = validatePlanFile(await loadPlan(tx, plan.key));
    if (!validation.ok) {
      throw new StyrkortError('validation', `Ändringen skulle göra planen ${plan.key} ofullständig; ingenting har sparats`, validation.problems.map((problem) => ({ ...problem, path: `${plan.key}:${problem.path}` })));
    }
    await touchPlan(tx, plan);
    await appendAudit(tx, { actor: repin.actor, action: 'repin', planKey: plan.key, entityType: repin.entityType, entityKey: repin.key, field: 'version', before: repin.before.version, after: repin.after.version, reason: repin.reason });
  }
  return repin.plans.map((plan) => plan.key);
}
