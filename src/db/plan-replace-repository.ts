/**
 * Replacing a stored plan with a new plan file as an update, not a delete and re-create: the plan
 * keeps its row, its head version goes up by one, and each item and goal keeps its version when it
 * is unchanged and goes up by one when it changed, so versions continue and an old ETag never
 * becomes valid again. Only what changed is written.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { PlanFile } from '../domain/plan.ts';
import type { Tx } from './connection.ts';
import { GOAL_DETAIL, goalDetail } from './goal-detail-mapping.ts';
import { storePlanMeasures } from './measure-repository.ts';
import { currentGoalsOf, goalAttributesOf, hasGoalAttributes, pinnableGoalVersion } from './goal-repository.ts';
import { toItemsAndFigures, type FigureRow, type ItemRow } from './plan-mapping.ts';
import { updatePlanRow, type PlanRow } from './plan-item-repository.ts';
import { existingMunicipality, pinOrganisation, type WriteContext } from './plan-repository.ts';
import { figures, goalTexts, goalVersions, planItems } from './schema.ts';

/** Writes `plan` over the stored plan `row` (locked), keeping versions going. */
export async function replacePlanContent(tx: Tx, row: PlanRow, plan: PlanFile, context: WriteContext): Promise<number> {
  await existingMunicipality(tx, plan.municipality);
  const head = plan.plan;
  const version = await updatePlanRow(tx, row, {
    title: head.title,
    subtitle: head.subtitle ?? null,
    ownerNodeKey: head.ownerNode,
    periodStart: head.periodStart,
    periodEnd: head.periodEnd,
    status: head.status,
    decision: head.decision,
    letterhead: head.letterhead,
    source: head.source ?? null,
    statusRollup: head.statusRollup,
    statusRule: head.statusRule ?? null,
    goalAssessment: head.goalAssessment ?? null,
  });
  await pinOrganisation(tx, { municipalityId: row.municipalityId, planId: row.id, plan }, context);
  await replaceGoals(tx, row, plan, context);
  await replaceItems(tx, row, plan, context);
  // The plan lists the measures of this file; values another plan shows are never removed.
  await storePlanMeasures(tx, { municipalityId: row.municipalityId, municipalityCode: row.municipalityCode, planId: row.id, planKey: row.key, measures: plan.measures ?? [], context });
  return version;
}

/** Canonical JSON (object keys sorted), so stored jsonb and a new item compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const figureFields = ['rowKey', 'columnKey', 'series', 'period', 'kind', 'asOf', 'unit', 'printed', 'value', 'form', 'position', 'statedSource'] as const;

function figuresText(rows: ReadonlyArray<Pick<FigureRow, (typeof figureFields)[number]>>): string {
  return rows
    .map((row) => canonical(figureFields.map((field) => row[field] ?? null)))
    .sort()
    .join('\n');
}

async function replaceItems(tx: Tx, row: PlanRow, plan: PlanFile, context: WriteContext): Promise<void> {
  const stored = await tx.select().from(planItems).where(eq(planItems.planId, row.id));
  const storedFigures = await tx.select().from(figures).where(eq(figures.planId, row.id));
  const { items, figures: figureRows } = toItemsAndFigures(plan);
  const id = (type: string, key: string) => `${type}|${key}`;
  const group = <T extends { itemType: string; itemKey: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const figure of rows) out.set(id(figure.itemType, figure.itemKey), [...(out.get(id(figure.itemType, figure.itemKey)) ?? []), figure]);
    return out;
  };
  const oldFigures = group(storedFigures);
  const newFigures = group(figureRows);
  const byId = new Map(stored.map((item) => [id(item.itemType, item.key), item]));
  for (const item of items) {
    const key = id(item.itemType, item.key);
    const before = byId.get(key);
    byId.delete(key);
    const itemFigures = newFigures.get(key) ?? [];
    const figuresChanged = figuresText(oldFigures.get(key) ?? []) !== figuresText(itemFigures);
    if (before && !figuresChanged && canonical(before.data) === canonical(item.data)) {
      if (before.position !== item.position) await tx.update(planItems).set({ position: item.position }).where(eq(planItems.id, before.id));
      continue;
    }
    await writeStoredItem(tx, row, item, before ? { id: before.id, version: before.version } : null);
    await tx.delete(figures).where(and(eq(figures.planId, row.id), eq(figures.itemType, item.itemType), eq(figures.itemKey, item.key)));
    if (itemFigures.length) {
      await tx.insert(figures).values(itemFigures.map((figure) => ({ ...figure, planId: row.id, source: figure.statedSource ?? context.source, recordedBy: context.actor })));
    }
  }
  for (const gone of byId.values()) {
    await tx.delete(planItems).where(eq(planItems.id, gone.id));
    await tx.delete(figures).where(and(eq(figures.planId, row.id), eq(figures.itemType, gone.itemType), eq(figures.itemKey, gone.key)));
  }
}

async function writeStoredItem(tx: Tx, row: PlanRow, item: ItemRow, before: { id: number; version: number } | null): Promise<void> {
  if (!before) {
    await tx.insert(planItems).values({ planId: row.id, itemType: item.itemType, key: item.key, position: item.position, data: item.data, version: 1 });
    return;
  }
  await tx.update(planItems).set({ data: item.data, position: item.position, version: before.version + 1 }).where(eq(planItems.id, before.id));
}

async function replaceGoals(tx: Tx, row: PlanRow, plan: PlanFile, context: WriteContext): Promise<void> {
  const stored = await tx
    .select({ text: goalTexts, pinned: goalVersions })
    .from(goalTexts)
    .innerJoin(goalVersions, eq(goalTexts.goalVersionId, goalVersions.id))
    .where(eq(goalTexts.planId, row.id));
  const current = await currentGoalsOf(tx, row.municipalityId, plan.goals.map((goal) => goal.key));
  // A goal's plan-local part (kind, description, links, assessments) is part of what its version covers.
  const details = new Map(
    (await tx.select({ key: planItems.key, data: planItems.data }).from(planItems).where(and(eq(planItems.planId, row.id), eq(planItems.itemType, GOAL_DETAIL)))).map((item) => [item.key, item.data]),
  );
  const byGoalId = new Map(stored.map((entry) => [entry.text.goalId, entry]));
  for (const [position, goal] of plan.goals.entries()) {
    const attributes = goalAttributesOf(goal);
    const shared = current.get(goal.key);
    const before = shared ? byGoalId.get(shared.id) : undefined;
    if (shared) byGoalId.delete(shared.id);
    const pin =
      before && hasGoalAttributes(before.pinned, attributes)
        ? { goalId: before.text.goalId, goalVersionId: before.pinned.id }
        : await pinnableGoalVersion(tx, { municipalityId: row.municipalityId, stored: shared, key: goal.key, attributes, planId: row.id, createdBy: context.actor });
    const values = { goalVersionId: pin.goalVersionId, periodStart: plan.plan.periodStart, periodEnd: plan.plan.periodEnd, text: goal.text, measurement: goal.measurement, position };
    if (!before) {
      await tx.insert(goalTexts).values({ goalId: pin.goalId, planId: row.id, ...values, version: 1 });
      continue;
    }
    const unchanged =
      before.text.goalVersionId === pin.goalVersionId && before.text.text === goal.text && canonical(before.text.measurement) === canonical(goal.measurement) &&
      before.text.periodStart === values.periodStart && before.text.periodEnd === values.periodEnd &&
      canonical(details.get(goal.key) ?? null) === canonical(goalDetail(goal));
    if (unchanged && before.text.position === position) continue;
    await tx.update(goalTexts).set({ ...values, version: unchanged ? before.text.version : before.text.version + 1 }).where(eq(goalTexts.id, before.text.id));
  }
  const gone = [...byGoalId.values()].map((entry) => entry.text.id);
  if (gone.length) await tx.delete(goalTexts).where(inArray(goalTexts.id, gone));
}
