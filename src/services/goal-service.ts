/**
 * Shared goals (kommunens och nämndernas mål) as their own resource: read as they are now, and
 * changed as their own operation, with the permission of the goal's owner (src/domain/access.ts
 * sharedGoalChecks), audited. A change makes a new current version; draft and submitted plans that
 * showed the previous one follow it (each audited), adopted and archived plans keep theirs. Editing
 * a goal inside one plan never comes here: it changes that plan only.
 */
import { sharedGoalChecks } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { SharedGoal } from '../domain/plan.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import type { Db, Queryable, Tx } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import {
  addSharedGoalVersion,
  findGoal,
  goalAttributesOf,
  goalParents,
  hasGoalAttributes,
  lockGoal,
  lockPlansPinningGoal,
  repinGoal,
  type StoredGoal,
} from '../db/goal-repository.ts';
import { currentNodesOf } from '../db/org-node-repository.ts';
import { sharedGoalOf } from '../db/plan-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertVersion } from './plan-items-service.ts';
import { assertAllowed, type Caller } from './plan-write.ts';
import { loadOrgParents } from '../db/organisation-repository.ts';
import { followingStatuses, repinPlans } from './shared-versions.ts';

export interface SharedGoalView {
  version: number;
  goal: SharedGoal;
}

async function requireGoal(db: Queryable, municipality: string, key: string): Promise<StoredGoal> {
  const goal = await findGoal(db, municipality, key);
  if (!goal) throw new StyrkortError('not-found', `Målet "${key}" finns inte i kommun ${municipality}`);
  return goal;
}

/** A shared goal as it is now, with its version (the ETag). */
export async function getSharedGoal(db: Queryable, municipality: string, key: string): Promise<SharedGoalView> {
  const goal = await requireGoal(db, municipality, key);
  return { version: goal.version, goal: sharedGoalOf(goal.key, goal.current) };
}

function parseSharedGoal(body: unknown, key: string): SharedGoal {
  const parsed = SharedGoal.safeParse(body, { error: swedishErrorMap });
  if (!parsed.success) throw new StyrkortError('validation', 'Målet har fel; ingenting har sparats', issuesToProblems(parsed.error.issues));
  if (parsed.data.key !== key) throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${key}"` }]);
  return parsed.data;
}

/**
 * Changes a shared goal (If-Match: the version read): the goal's owner where it is and where it
 * goes must be within the writer's scope.
 */
export async function updateSharedGoal(
  db: Db,
  options: { municipality: string; key: string; body: unknown; ifMatch: number | null; by: Caller; actor: string; reason?: string | null },
): Promise<SharedGoalView & { plans: string[] }> {
  const goal = parseSharedGoal(options.body, options.key);
  return inTransaction(db, async (tx) => {
    const current = await requireGoal(tx, options.municipality, options.key);
    const before = sharedGoalOf(current.key, current.current);
    const parents = await loadOrgParents(tx, options.municipality);
    for (const check of sharedGoalChecks(before, goal)) {
      assertAllowed(options.by, check.action, { municipality: options.municipality, nodes: [check.node] }, parents);
    }
    assertVersion(options.ifMatch, { version: current.version, item: before });
    await assertReferences(tx, current, goal);
    const attributes = goalAttributesOf(goal);
    if (hasGoalAttributes(current.current, attributes)) return { version: current.version, goal: before, plans: [] };
    const following = await lockPlansPinningGoal(tx, current.current.id, followingStatuses);
    await lockGoal(tx, current.id);
    const created = await addSharedGoalVersion(tx, current, current.version, attributes, options.actor);
    await auditFields(tx, current, before, goal, options);
    const plans = await repinPlans(tx, {
      plans: following,
      move: (planIds) => repinGoal(tx, current.current.id, created.id, planIds),
      entityType: 'goal',
      key: current.key,
      before: { version: current.version },
      after: { version: created.version },
      actor: options.actor,
      reason: options.reason,
    });
    return { version: created.version, goal: sharedGoalOf(current.key, created), plans };
  });
}

/** The parent must be another goal of the municipality (not one under this goal), the node one of its nodes. */
async function assertReferences(tx: Tx, current: StoredGoal, goal: SharedGoal): Promise<void> {
  if (goal.parent !== null) {
    const parents = await goalParents(tx, current.municipalityId);
    if (!parents.has(goal.parent)) throw new StyrkortError('validation', `Målet "${goal.parent}" finns inte i kommunen`, [{ path: '$.parent', message: 'Okänt mål' }]);
    for (let key: string | null | undefined = goal.parent; key; key = parents.get(key)) {
      if (key === goal.key) throw new StyrkortError('validation', `Målet "${goal.key}" kan inte ligga under sig självt`, [{ path: '$.parent', message: 'Cirkel bland målen' }]);
    }
  }
  if (goal.node !== undefined && !(await currentNodesOf(tx, current.municipalityId)).has(goal.node)) {
    throw new StyrkortError('validation', `Organisationsnoden "${goal.node}" finns inte i kommunen`, [{ path: '$.node', message: 'Okänd nod' }]);
  }
}

async function auditFields(tx: Tx, current: StoredGoal, before: SharedGoal, after: SharedGoal, options: { actor: string; reason?: string | null }): Promise<void> {
  for (const field of ['level', 'number', 'perspective', 'parent', 'node'] as const) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      await appendAudit(tx, { actor: options.actor, action: 'update', entityType: 'goal', entityKey: `${current.municipalityCode}/${current.key}`, field, before: before[field] ?? null, after: after[field] ?? null, reason: options.reason });
    }
  }
}
