/** Reads and writes single parts of a stored plan: one item (or goal) and its figures at a time. */
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { PlanPart } from '../domain/plan-parts.ts';
import type { Goal, PlanFile } from '../domain/plan.ts';
import { StyrkortError } from '../domain/errors.ts';
import type { Queryable, Tx } from './connection.ts';
import { GOAL_DETAIL, goalDetail } from './goal-detail-mapping.ts';
import { figureOriginsOf, keepSource } from './import-figures.ts';
import { toItemsAndFigures } from './plan-mapping.ts';
import { currentGoalsOf, goalAttributesOf, hasGoalAttributes, pinnableGoalVersion } from './goal-repository.ts';
import { figures, goals, goalTexts, goalVersions, municipalities, planItems, plans } from './schema.ts';

export interface PlanRow {
  id: number;
  key: string;
  status: string;
  version: number;
  municipalityId: number;
  /** The municipality's code (kommunkod): node, goal and user keys are scoped by it. */
  municipalityCode: string;
  periodStart: number;
  periodEnd: number;
  ownerNodeKey: string;
}

const planRowColumns = {
  id: plans.id,
  key: plans.key,
  status: plans.status,
  version: plans.version,
  municipalityId: plans.municipalityId,
  municipalityCode: municipalities.code,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  ownerNodeKey: plans.ownerNodeKey,
};

/** The plan row without locking it. */
export async function findPlanRow(db: Queryable, key: string): Promise<PlanRow | null> {
  const [row] = await db.select(planRowColumns).from(plans).innerJoin(municipalities, eq(plans.municipalityId, municipalities.id)).where(eq(plans.key, key));
  return row ?? null;
}

// Writers of one plan (decision 0022): a write of the plan takes the plan's advisory lock alone
// (and the plan row); a write of one item of it shares the advisory lock with writes of its other
// items, and its item row's version decides between writers of the same item. The lock is taken in
// a statement of its own, so that the plan row is read after it is granted (read committed).
const PLAN_LOCKS = 0x5354; // 'ST': the first key of Styrkort's advisory locks, the plan id the second

async function takePlanLock(tx: Tx, key: string, mode: 'alone' | 'shared'): Promise<boolean> {
  const lock = mode === 'alone' ? sql`pg_advisory_xact_lock(${PLAN_LOCKS}, ${plans.id})` : sql`pg_advisory_xact_lock_shared(${PLAN_LOCKS}, ${plans.id})`;
  const taken = await tx.select({ id: plans.id, lock: sql`${lock}::text` }).from(plans).where(eq(plans.key, key));
  return taken.length > 0;
}

/** The plan row, locked for the rest of the transaction so that writers of the plan take turns. */
export async function lockPlan(tx: Tx, key: string): Promise<PlanRow | null> {
  if (!(await takePlanLock(tx, key, 'alone'))) return null;
  const [row] = await tx
    .select(planRowColumns)
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .where(eq(plans.key, key))
    .for('update', { of: plans });
  return row ?? null;
}

/**
 * The plan row for a write of one of its items: writes of other items of the plan go on beside it,
 * a write of the whole plan (its status, head, a replacing import) waits for it and it for that.
 */
export async function lockPlanForItem(tx: Tx, key: string): Promise<PlanRow | null> {
  if (!(await takePlanLock(tx, key, 'shared'))) return null;
  return findPlanRow(tx, key);
}

export interface ItemWrite {
  /** The item's new version. */
  version: number;
  /** The version the item has now (a change), checked in the statement that writes it; absent: the item is new. */
  expected?: number;
  actor: string;
  source: string;
}

/**
 * Writes one item (new or changed) with its figures, replacing what was stored under its key. A
 * change is written only if the stored version is still `expected` (otherwise 412).
 */
export async function writeItem(tx: Tx, plan: PlanRow, part: PlanPart, item: Record<string, unknown>, options: ItemWrite): Promise<void> {
  if (part.field === 'goals') return writeGoal(tx, plan, item as Goal, options);
  const { items, figures: figureRows } = toItemsAndFigures({ [part.field]: [item] } as Partial<PlanFile>);
  const row = items[0]!;
  const key = part.keyOf(item);
  const where = and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key));
  if (options.expected === undefined) {
    await tx.insert(planItems).values({ planId: plan.id, itemType: part.itemType, key, position: await nextPosition(tx, plan.id, part.itemType), data: row.data, version: options.version });
  } else {
    const written = await tx.update(planItems).set({ data: row.data, version: options.version }).where(and(where, eq(planItems.version, options.expected))).returning({ id: planItems.id });
    if (written.length === 0) throw staleItem(part, key);
  }
  // Cells whose text stays keep where they came from (issue 14: provenance).
  const origins = await figureOriginsOf(tx, plan.id, part.itemType, key);
  await tx.delete(figures).where(and(eq(figures.planId, plan.id), eq(figures.itemType, part.itemType), eq(figures.itemKey, key)));
  if (figureRows.length) {
    await tx.insert(figures).values(
      figureRows.map((figure) => keepSource(origins, { ...figure, planId: plan.id, source: figure.statedSource ?? options.source, recordedBy: options.actor })),
    );
  }
}

function staleItem(part: PlanPart, key: string): StyrkortError {
  return new StyrkortError('precondition-failed', `Någon annan har ändrat ${part.noun} "${key}" under tiden. Ingenting har sparats; läs om och försök igen.`);
}

async function nextPosition(tx: Tx, planId: number, itemType: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(planItems.position) })
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.itemType, itemType)));
  return (row?.last ?? -1) + 1;
}

/**
 * Writes one goal of a plan: its wording and measurement in this plan only, and its shared part
 * (level, number, perspective, parent, owner node) as the version this plan pins: the pin it has
 * when that still says the same, else the goal's current version when that does, else a variant
 * of this plan only. No other plan changes.
 */
async function writeGoal(tx: Tx, plan: PlanRow, goal: Goal, options: ItemWrite): Promise<void> {
  const attributes = goalAttributesOf(goal);
  const [existing] = await tx
    .select({ text: goalTexts, pinned: goalVersions })
    .from(goalTexts)
    .innerJoin(goals, eq(goalTexts.goalId, goals.id))
    .innerJoin(goalVersions, eq(goalTexts.goalVersionId, goalVersions.id))
    .where(and(eq(goalTexts.planId, plan.id), eq(goals.key, goal.key)));
  const pin =
    existing && hasGoalAttributes(existing.pinned, attributes)
      ? { goalId: existing.text.goalId, goalVersionId: existing.pinned.id }
      : await pinnableGoalVersion(tx, {
          municipalityId: plan.municipalityId,
          stored: (await currentGoalsOf(tx, plan.municipalityId, [goal.key])).get(goal.key),
          key: goal.key,
          attributes,
          planId: plan.id,
          createdBy: options.actor,
        });
  const values = { goalVersionId: pin.goalVersionId, text: goal.text, measurement: goal.measurement, version: options.version };
  if (options.expected === undefined) {
    const [last] = await tx.select({ last: max(goalTexts.position) }).from(goalTexts).where(eq(goalTexts.planId, plan.id));
    const position = (last?.last ?? -1) + 1;
    await tx.insert(goalTexts).values({ goalId: pin.goalId, planId: plan.id, periodStart: plan.periodStart, periodEnd: plan.periodEnd, position, ...values });
    await writeGoalDetail(tx, plan, goal, { position, version: options.version });
    return;
  }
  const written = await tx
    .update(goalTexts)
    .set(values)
    .where(and(eq(goalTexts.planId, plan.id), eq(goalTexts.goalId, pin.goalId), eq(goalTexts.version, options.expected)))
    .returning({ position: goalTexts.position });
  if (written.length === 0) throw new StyrkortError('precondition-failed', `Någon annan har ändrat målet "${goal.key}" under tiden. Ingenting har sparats; läs om och försök igen.`);
  await writeGoalDetail(tx, plan, goal, { position: written[0]!.position, version: options.version });
}

/**
 * The plan-local part of a goal (kind, description, links, assessments) as the plan's own item, or
 * none; never on the shared goal or its versions. Its version follows the goal's wording, whose
 * version is the one checked.
 */
async function writeGoalDetail(tx: Tx, plan: PlanRow, goal: Goal, at: { position: number; version: number }): Promise<void> {
  const data = goalDetail(goal);
  const where = and(eq(planItems.planId, plan.id), eq(planItems.itemType, GOAL_DETAIL), eq(planItems.key, goal.key));
  if (!data) {
    await tx.delete(planItems).where(where);
    return;
  }
  await tx
    .insert(planItems)
    .values({ planId: plan.id, itemType: GOAL_DETAIL, key: goal.key, position: at.position, data, version: at.version })
    .onConflictDoUpdate({ target: [planItems.planId, planItems.itemType, planItems.key], set: { data, version: at.version } });
}

/** Removes one item and its figures from a plan (a goal keeps its wordings in other plans). */
export async function removeItem(tx: Tx, plan: PlanRow, part: PlanPart, key: string, expected: number): Promise<void> {
  if (part.field === 'goals') {
    const goalId = tx.select({ id: goals.id }).from(goals).where(and(eq(goals.municipalityId, plan.municipalityId), eq(goals.key, key)));
    const removed = await tx.delete(goalTexts).where(and(eq(goalTexts.planId, plan.id), inArray(goalTexts.goalId, goalId), eq(goalTexts.version, expected))).returning({ id: goalTexts.id });
    if (removed.length === 0) throw staleItem(part, key);
    await tx.delete(planItems).where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, GOAL_DETAIL), eq(planItems.key, key)));
    return;
  }
  const removed = await tx
    .delete(planItems)
    .where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key), eq(planItems.version, expected)))
    .returning({ id: planItems.id });
  if (removed.length === 0) throw staleItem(part, key);
  await tx.delete(figures).where(and(eq(figures.planId, plan.id), eq(figures.itemType, part.itemType), eq(figures.itemKey, key)));
}

/**
 * Records that the plan's content changed. Every write to a plan calls it, in the writing
 * transaction (also a re-pin of a shared goal or node); its own version, the plan head's ETag, is
 * left to head and status changes (updatePlanRow).
 */
export async function touchPlan(tx: Tx, plan: Pick<PlanRow, 'id'>): Promise<void> {
  await tx.update(plans).set({ updatedAt: sql`now()` }).where(eq(plans.id, plan.id));
}

/** Changes the plan row's head or status and its version, checked in the same statement; a stale version is a 412. */
export async function updatePlanRow(tx: Tx, plan: Pick<PlanRow, 'id' | 'version'>, values: Partial<typeof plans.$inferInsert>): Promise<number> {
  const [row] = await tx
    .update(plans)
    .set({ ...values, version: plan.version + 1 })
    .where(and(eq(plans.id, plan.id), eq(plans.version, plan.version)))
    .returning({ version: plans.version });
  if (!row) throw new StyrkortError('precondition-failed', 'Planen har ändrats av någon annan under tiden. Läs om och försök igen.');
  return row.version;
}
