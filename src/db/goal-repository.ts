/**
 * Shared goals and their append-only versions (level, number, perspective, parent, owner node).
 * A goal's current version is the one whose number is goals.version; each plan's wording
 * (goal_texts) pins the version it shows, so a change to the shared goal never reaches a plan
 * that did not ask for it.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { StyrkortError } from '../domain/errors.ts';
import type { Goal } from '../domain/plan.ts';
import type { Queryable, Tx } from './connection.ts';
import { goals, goalTexts, goalVersions, municipalities, plans } from './schema.ts';

/** What a version of a goal says: the parts every plan that shows it shares. */
export interface GoalAttributes {
  level: string;
  number: string | null;
  perspective: number | null;
  parentKey: string | null;
  nodeKey: string | null;
}

export type GoalVersionRow = typeof goalVersions.$inferSelect;

export interface StoredGoal {
  id: number;
  municipalityId: number;
  municipalityCode: string;
  key: string;
  /** The number of the current shared version: the goal's ETag. */
  version: number;
  current: GoalVersionRow;
}

/** The shared attributes of a goal of a plan file. */
export function goalAttributesOf(goal: Pick<Goal, 'level' | 'number' | 'perspective' | 'parent' | 'node'>): GoalAttributes {
  return { level: goal.level, number: goal.number ?? null, perspective: goal.perspective ?? null, parentKey: goal.parent, nodeKey: goal.node ?? null };
}

/** Whether a version says exactly these attributes. */
export function hasGoalAttributes(version: GoalAttributes, attributes: GoalAttributes): boolean {
  return (['level', 'number', 'perspective', 'parentKey', 'nodeKey'] as const).every((field) => (version[field] ?? null) === (attributes[field] ?? null));
}

const storedColumns = {
  id: goals.id,
  municipalityId: goals.municipalityId,
  municipalityCode: municipalities.code,
  key: goals.key,
  version: goals.version,
  current: goalVersions,
};

function currentGoalsQuery(db: Queryable) {
  return db
    .select(storedColumns)
    .from(goals)
    .innerJoin(municipalities, eq(goals.municipalityId, municipalities.id))
    .innerJoin(goalVersions, and(eq(goalVersions.goalId, goals.id), eq(goalVersions.version, goals.version)));
}

/** The current goals of a municipality with these keys, by key. */
export async function currentGoalsOf(db: Queryable, municipalityId: number, keys: readonly string[]): Promise<Map<string, StoredGoal>> {
  if (keys.length === 0) return new Map();
  const rows = await currentGoalsQuery(db).where(and(eq(goals.municipalityId, municipalityId), inArray(goals.key, [...keys])));
  return new Map(rows.map((row) => [row.key, row]));
}

/** The goal `key` of a municipality as it is now, or null. */
export async function findGoal(db: Queryable, municipalityCode: string, key: string): Promise<StoredGoal | null> {
  const [row] = await currentGoalsQuery(db).where(and(eq(municipalities.code, municipalityCode), eq(goals.key, key)));
  return row ?? null;
}

/** Locks a goal row for the rest of the transaction, so versions of one goal are numbered in turn. */
export async function lockGoal(tx: Tx, goalId: number): Promise<void> {
  await tx.select({ id: goals.id }).from(goals).where(eq(goals.id, goalId)).for('update');
}

/** Adds a goal with its first, shared version. */
export async function insertGoal(tx: Tx, values: { municipalityId: number; key: string; attributes: GoalAttributes; createdBy: string }): Promise<{ id: number; versionId: number }> {
  const [goal] = await tx.insert(goals).values({ municipalityId: values.municipalityId, key: values.key, version: 1 }).returning({ id: goals.id });
  const [version] = await tx
    .insert(goalVersions)
    .values({ goalId: goal!.id, version: 1, ...values.attributes, planId: null, createdBy: values.createdBy })
    .returning({ id: goalVersions.id });
  return { id: goal!.id, versionId: version!.id };
}

async function nextVersionNumber(tx: Tx, goalId: number): Promise<number> {
  const [row] = await tx.select({ last: max(goalVersions.version) }).from(goalVersions).where(eq(goalVersions.goalId, goalId));
  return (row?.last ?? 0) + 1;
}

/**
 * Makes `attributes` the goal's new current version, if its current version is still `expected`
 * (checked in the statement that writes it; otherwise 412). The goal row must be locked.
 */
export async function addSharedGoalVersion(tx: Tx, goal: { id: number; key: string }, expected: number, attributes: GoalAttributes, createdBy: string): Promise<GoalVersionRow> {
  const next = await nextVersionNumber(tx, goal.id);
  const moved = await tx.update(goals).set({ version: next }).where(and(eq(goals.id, goal.id), eq(goals.version, expected))).returning({ id: goals.id });
  if (moved.length === 0) {
    throw new StyrkortError('precondition-failed', `Målet "${goal.key}" har ändrats av någon annan under tiden. Ingenting har sparats; läs om och försök igen.`);
  }
  const [row] = await tx.insert(goalVersions).values({ goalId: goal.id, version: next, ...attributes, planId: null, createdBy }).returning();
  return row!;
}

/**
 * The version a plan pins to show the goal with these attributes: the current one when it says the
 * same, else this plan's own variant that says the same, else a new variant made for this plan.
 * The shared goal never changes.
 */
export async function goalVersionFor(tx: Tx, goal: StoredGoal, attributes: GoalAttributes, planId: number, createdBy: string): Promise<{ id: number; created: boolean }> {
  if (hasGoalAttributes(goal.current, attributes)) return { id: goal.current.id, created: false };
  const variants = await tx.select().from(goalVersions).where(and(eq(goalVersions.goalId, goal.id), eq(goalVersions.planId, planId)));
  const same = variants.find((variant) => hasGoalAttributes(variant, attributes));
  if (same) return { id: same.id, created: false };
  await lockGoal(tx, goal.id);
  const [row] = await tx
    .insert(goalVersions)
    .values({ goalId: goal.id, version: await nextVersionNumber(tx, goal.id), ...attributes, planId, createdBy })
    .returning({ id: goalVersions.id });
  return { id: row!.id, created: true };
}

/**
 * The version a plan pins for a goal of its file: a new goal is created with these attributes as
 * its first shared version; an existing one is pinned as `goalVersionFor` says.
 */
export async function pinnableGoalVersion(
  tx: Tx,
  options: { municipalityId: number; stored: StoredGoal | undefined; key: string; attributes: GoalAttributes; planId: number; createdBy: string },
): Promise<{ goalId: number; goalVersionId: number; variant: boolean }> {
  if (!options.stored) {
    const created = await insertGoal(tx, { municipalityId: options.municipalityId, key: options.key, attributes: options.attributes, createdBy: options.createdBy });
    return { goalId: created.id, goalVersionId: created.versionId, variant: false };
  }
  const pinned = await goalVersionFor(tx, options.stored, options.attributes, options.planId, options.createdBy);
  return { goalId: options.stored.id, goalVersionId: pinned.id, variant: pinned.created };
}

/** A plan's goals as it shows them: its wording with the version it pins, in its order. */
export async function pinnedGoals(db: Queryable, planId: number) {
  return db
    .select({ key: goals.key, version: goalVersions, text: goalTexts })
    .from(goalTexts)
    .innerJoin(goals, eq(goalTexts.goalId, goals.id))
    .innerJoin(goalVersions, eq(goalTexts.goalVersionId, goalVersions.id))
    .where(eq(goalTexts.planId, planId))
    .orderBy(asc(goalTexts.position));
}

/** Plans in one of `statuses` that pin this goal version, locked (in id order) for the rest of the transaction. */
export async function lockPlansPinningGoal(tx: Tx, goalVersionId: number, statuses: readonly string[]): Promise<Array<{ id: number; key: string }>> {
  return tx
    .select({ id: plans.id, key: plans.key })
    .from(plans)
    .where(and(inArray(plans.status, [...statuses]), inArray(plans.id, tx.select({ id: goalTexts.planId }).from(goalTexts).where(eq(goalTexts.goalVersionId, goalVersionId)))))
    .orderBy(asc(plans.id))
    .for('update', { of: plans });
}

/** Moves these plans' pins from one version of a goal to another. */
export async function repinGoal(tx: Tx, from: number, to: number, planIds: readonly number[]): Promise<void> {
  if (planIds.length === 0) return;
  await tx.update(goalTexts).set({ goalVersionId: to }).where(and(eq(goalTexts.goalVersionId, from), inArray(goalTexts.planId, [...planIds])));
}

/** Whether a goal with this key exists in the municipality (as it is now). */
export async function goalExists(db: Queryable, municipalityId: number, key: string): Promise<boolean> {
  const [row] = await db.select({ id: goals.id }).from(goals).where(and(eq(goals.municipalityId, municipalityId), eq(goals.key, key)));
  return row !== undefined;
}

/** The current parent of every goal of a municipality, for cycle checks. */
export async function goalParents(db: Queryable, municipalityId: number): Promise<Map<string, string | null>> {
  const rows = await currentGoalsQuery(db).where(eq(goals.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.key, row.current.parentKey]));
}
