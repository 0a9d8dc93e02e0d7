/**
 * The one write path of a plan. A write opens one transaction, locks the plan (writers to one plan
 * take turns; a write of one item only waits for writers of the whole plan), loads the plan once,
 * and is authorised against exactly what it will write, decided by the domain's rule
 * (src/domain/access.ts) on the content as loaded, with the organisation tree read once. The plan's status is checked by the lifecycle rule; then the body
 * applies the change, validates, writes what changed and audits, in the same transaction, whose
 * commit changes the plan's content version (drizzle/0023).
 */
import { decideOn, localOperator, type Action, type Actor, type OrgParents } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { assertChangeable } from '../domain/plan-lifecycle.ts';
import { PlanFile } from '../domain/plan.ts';
import type { Queryable, Tx } from '../db/connection.ts';
import { loadOrgParents } from '../db/organisation-repository.ts';
import { lockPlan, lockPlanForItem, type PlanRow } from '../db/plan-item-repository.ts';
import { loadStoredPlan, type ItemVersions } from '../db/plan-repository.ts';
import { inTransaction } from '../db/transaction.ts';

/** Who writes: the account (null: nobody logged in), decided on by the domain's rule. */
export type Caller = Actor | null;

/**
 * The caller of a use case that the command line and tests also call: the account given (the HTTP
 * routes always give the session's, or null), else the local operator named in the audit trail.
 */
export function callerOf(options: { by?: Caller; actor: string }): Caller {
  return options.by === undefined ? localOperator(options.actor) : options.by;
}

export interface PlanWrite {
  tx: Tx;
  /** The plan row as locked. */
  row: PlanRow;
  /** The whole plan, loaded once in this transaction. */
  plan(): Promise<PlanFile>;
  /** Versions of the plan's items (ETags), loaded with the plan. */
  versions(): Promise<ItemVersions>;
  /** Throws 401/403 unless `by` may take the action on something owned by these nodes of the plan's municipality. */
  authorize(by: Caller, action: Action, nodes: readonly string[]): Promise<void>;
  /** Throws 409 unless the plan's status takes this change: an adopted plan its follow-up only, an archived one nothing. */
  assertChangeable(followUp: boolean): void;
}

/** Runs `body` as one write to the plan `planKey` (404 when there is no such plan); other writers of the plan wait. */
export async function writePlan<T>(db: Queryable, planKey: string, body: (write: PlanWrite) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    const row = await lockPlan(tx, planKey);
    if (!row) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
    let stored: Promise<{ plan: PlanFile; versions: ItemVersions }> | undefined;
    const load = () =>
      (stored ??= loadStoredPlan(tx, planKey).then((found) => ({ plan: PlanFile.parse(found!.content), versions: found!.versions })));
    return body({
      ...itemWrite(tx, row),
      plan: async () => (await load()).plan,
      versions: async () => (await load()).versions,
    });
  });
}

/** A write of one item of a plan: what it may read and check (it never reads the whole plan). */
export type ItemWrite = Omit<PlanWrite, 'plan' | 'versions'>;

/**
 * Runs `body` as a write of one item of the plan `planKey` (decision 0022): writes of the plan's
 * other items go on beside it, a write of the whole plan waits for it. The body checks the item's
 * version in the statement that writes it, so of two writers of the same item one gets 412.
 */
export async function writePlanItem<T>(db: Queryable, planKey: string, body: (write: ItemWrite) => Promise<T>): Promise<T> {
  return inTransaction(db, async (tx) => {
    const row = await lockPlanForItem(tx, planKey);
    if (!row) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
    return body(itemWrite(tx, row));
  });
}

function itemWrite(tx: Tx, row: PlanRow): ItemWrite {
  let parents: Promise<OrgParents> | undefined;
  return {
    tx,
    row,
    async authorize(by, action, nodes) {
      parents ??= loadOrgParents(tx, row.municipalityCode);
      assertAllowed(by, action, { municipality: row.municipalityCode, nodes }, await parents);
    },
    assertChangeable(followUp) {
      assertChangeable(row, followUp);
    },
  };
}

/** Authorises an action outside a plan write (a plan to be created, a shared goal or node), reading the tree once. */
export async function authorizeOn(db: Queryable, by: Caller, action: Action, target: { municipality: string; nodes: readonly string[] }): Promise<void> {
  assertAllowed(by, action, target, await loadOrgParents(db, target.municipality));
}

/** Throws the domain's refusal (401 or 403 with its Swedish message) unless the action is allowed. */
export function assertAllowed(by: Caller, action: Action, target: { municipality: string; nodes: readonly string[] }, parents: OrgParents): void {
  const decision = decideOn(by, action, target, parents);
  if (!decision.allowed) throw new StyrkortError(decision.reason, decision.message);
}
