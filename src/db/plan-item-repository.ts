/** Reads and writes single parts of a stored plan: one item (or goal) and its figures at a time. */
import { and, eq, max, sql } from 'drizzle-orm';
import type { PlanPart } from '../domain/plan-parts.ts';
import type { Goal, PlanFile } from '../domain/plan.ts';
import type { Db } from './connection.ts';
import { importedFiguresOf, keepSource } from './import-figures.ts';
import { toItemsAndFigures } from './plan-mapping.ts';
import { figures, goals, goalTexts, planItems, plans } from './schema.ts';

export interface PlanRow {
  id: number;
  key: string;
  status: string;
  version: number;
  municipalityId: number;
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
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  ownerNodeKey: plans.ownerNodeKey,
};

/** The plan row without locking it. */
export async function findPlanRow(db: Db, key: string): Promise<PlanRow | null> {
  const [row] = await db.select(planRowColumns).from(plans).where(eq(plans.key, key));
  return row ?? null;
}

/** The plan row, locked for the rest of the transaction so writers to one plan take turns. */
export async function lockPlan(tx: Db, key: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select(planRowColumns)
    .from(plans)
    .where(eq(plans.key, key))
    .for('update');
  return row ?? null;
}

/** Versions of every item of one part of a plan, by key. */
export async function itemVersions(db: Db, planId: number, part: PlanPart): Promise<Map<string, number>> {
  if (part.field === 'goals') {
    const rows = await db
      .select({ key: goals.key, version: goalTexts.version })
      .from(goalTexts)
      .innerJoin(goals, eq(goalTexts.goalId, goals.id))
      .where(eq(goalTexts.planId, planId));
    return new Map(rows.map((row) => [row.key, row.version]));
  }
  const rows = await db
    .select({ key: planItems.key, version: planItems.version })
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.itemType, part.itemType)));
  return new Map(rows.map((row) => [row.key, row.version]));
}

/** Writes one item (new or changed) with its figures, replacing what was stored under its key. */
export async function writeItem(
  tx: Db,
  plan: PlanRow,
  part: PlanPart,
  item: Record<string, unknown>,
  options: { version: number; actor: string; source: string },
): Promise<void> {
  if (part.field === 'goals') return writeGoal(tx, plan, item as Goal, options.version);
  const single = { [part.field]: [item] } as unknown as PlanFile;
  const { items, figures: figureRows } = toItemsAndFigures({ ...emptyParts, ...single } as PlanFile);
  const row = items[0]!;
  const key = part.keyOf(item);
  const [existing] = await tx
    .select({ position: planItems.position })
    .from(planItems)
    .where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key)));
  const position = existing?.position ?? (await nextPosition(tx, plan.id, part.itemType));
  await tx
    .insert(planItems)
    .values({ planId: plan.id, itemType: part.itemType, key, position, data: row.data, version: options.version })
    .onConflictDoUpdate({ target: [planItems.planId, planItems.itemType, planItems.key], set: { data: row.data, version: options.version } });
  // Cells whose text stays keep the import they came from (issue 14: provenance).
  const imported = await importedFiguresOf(tx, plan.id, part.itemType, key);
  await tx.delete(figures).where(and(eq(figures.planId, plan.id), eq(figures.itemType, part.itemType), eq(figures.itemKey, key)));
  if (figureRows.length) {
    await tx.insert(figures).values(
      figureRows.map((figure) => keepSource(imported, { ...figure, planId: plan.id, source: figure.statedSource ?? options.source, recordedBy: options.actor })),
    );
  }
}

const emptyParts = {
  officeHolders: [], perspectives: [], indicators: [], strategies: [], activityTables: [], activities: [],
  serviceDeclarations: [], outlooks: [], volumeTables: [], budgetTables: [], capitalBudgets: [], footnotes: [], sections: [], analyses: [],
  vision: null, indicatorTable: null, strategyTable: null,
};

async function nextPosition(tx: Db, planId: number, itemType: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(planItems.position) })
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.itemType, itemType)));
  return (row?.last ?? -1) + 1;
}

async function writeGoal(tx: Db, plan: PlanRow, goal: Goal, version: number): Promise<void> {
  const shared = { level: goal.level, number: goal.number ?? null, perspective: goal.perspective ?? null, parentKey: goal.parent, nodeKey: goal.node ?? null };
  const [row] = await tx
    .insert(goals)
    .values({ municipalityId: plan.municipalityId, key: goal.key, ...shared })
    .onConflictDoUpdate({ target: [goals.municipalityId, goals.key], set: shared })
    .returning({ id: goals.id });
  const goalId = row!.id;
  const [existing] = await tx.select({ position: goalTexts.position }).from(goalTexts).where(and(eq(goalTexts.goalId, goalId), eq(goalTexts.planId, plan.id)));
  const [last] = await tx.select({ last: max(goalTexts.position) }).from(goalTexts).where(eq(goalTexts.planId, plan.id));
  const values = { text: goal.text, measurement: goal.measurement, version };
  await tx
    .insert(goalTexts)
    .values({ goalId, planId: plan.id, periodStart: plan.periodStart, periodEnd: plan.periodEnd, position: existing?.position ?? (last?.last ?? -1) + 1, ...values })
    .onConflictDoUpdate({ target: [goalTexts.goalId, goalTexts.planId], set: values });
}

/** Removes one item and its figures from a plan (a goal keeps its wordings in other plans). */
export async function removeItem(tx: Db, plan: PlanRow, part: PlanPart, key: string): Promise<void> {
  if (part.field === 'goals') {
    await tx.execute(sql`delete from goal_texts where plan_id = ${plan.id} and goal_id = (select id from goals where municipality_id = ${plan.municipalityId} and key = ${key})`);
    return;
  }
  await tx.delete(planItems).where(and(eq(planItems.planId, plan.id), eq(planItems.itemType, part.itemType), eq(planItems.key, key)));
  await tx.delete(figures).where(and(eq(figures.planId, plan.id), eq(figures.itemType, part.itemType), eq(figures.itemKey, key)));
}

/** Records that the plan changed; its own version (the plan head's ETag) is left to head edits. */
export async function touchPlan(tx: Db, plan: PlanRow): Promise<void> {
  await tx.update(plans).set({ updatedAt: sql`now()` }).where(eq(plans.id, plan.id));
}
