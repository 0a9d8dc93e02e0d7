/** Stores and reads whole plans: municipality, organisation, goals with their texts, items, figures. */
import { and, asc, eq, or } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { StyrkortError } from '../domain/errors.ts';
import { planFormatVersion, type Goal, type PlanFile } from '../domain/plan.ts';
import type { Queryable, Tx } from './connection.ts';
import { appendAudit } from './audit-repository.ts';
import { currentGoalsOf, goalAttributesOf, pinnableGoalVersion, pinnedGoals, type GoalAttributes } from './goal-repository.ts';
import { currentNodesOf, insertNode, nextNodePosition, nodeAttributesOf, nodeVersionFor, orgNodeOf, pinnedNodes, pinNodes } from './org-node-repository.ts';
import { withGoalDetails } from './goal-detail-mapping.ts';
import { loadPlanMeasures, storePlanMeasures } from './measure-repository.ts';
import { fromItemsAndFigures, toItemsAndFigures } from './plan-mapping.ts';
import { figures, goalTexts, municipalities, planItems, planLinks, plans, planSnapshots } from './schema.ts';

export interface WriteContext {
  actor: string;
  /** Where the data came from: "import:demo/timra-sn-2020-2022.json", "api", … */
  source: string;
  reason?: string;
}

export interface PlanSummary {
  key: string;
  title: string;
  subtitle: string | null;
  status: string;
  periodStart: number;
  periodEnd: number;
  ownerNodeKey: string;
  municipalityCode: string;
  municipalityName: string;
  version: number;
}

const summaryColumns = {
  key: plans.key,
  title: plans.title,
  subtitle: plans.subtitle,
  status: plans.status,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  ownerNodeKey: plans.ownerNodeKey,
  municipalityCode: municipalities.code,
  municipalityName: municipalities.name,
  version: plans.version,
};

/** Every plan, oldest period first. */
export async function listPlans(db: Queryable): Promise<PlanSummary[]> {
  return db
    .select(summaryColumns)
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .orderBy(asc(plans.periodStart), asc(plans.key));
}

/** One plan's summary by its key (one indexed query), or null. */
export async function findPlanSummary(db: Queryable, key: string): Promise<PlanSummary | null> {
  const [row] = await db.select(summaryColumns).from(plans).innerJoin(municipalities, eq(plans.municipalityId, municipalities.id)).where(eq(plans.key, key));
  return row ?? null;
}

/** Writes a validated plan that does not exist yet; returns its version. */
export async function insertPlan(tx: Tx, plan: PlanFile, context: WriteContext): Promise<number> {
  const municipalityId = await upsertMunicipality(tx, plan.municipality, context);
  const [row] = await tx
    .insert(plans)
    .values({
      municipalityId,
      key: plan.plan.key,
      title: plan.plan.title,
      subtitle: plan.plan.subtitle ?? null,
      ownerNodeKey: plan.plan.ownerNode,
      periodStart: plan.plan.periodStart,
      periodEnd: plan.plan.periodEnd,
      status: plan.plan.status,
      decision: plan.plan.decision,
      letterhead: plan.plan.letterhead,
      source: plan.plan.source ?? null,
      statusRollup: plan.plan.statusRollup,
      statusRule: plan.plan.statusRule ?? null,
      goalAssessment: plan.plan.goalAssessment ?? null,
    })
    .returning({ id: plans.id });
  const planId = row!.id;
  await pinOrganisation(tx, { municipalityId, planId, plan }, context);
  await insertGoals(tx, municipalityId, planId, plan, context);
  const { items, figures: figureRows } = toItemsAndFigures(plan);
  await insertChunked(tx, planItems, items.map((item) => ({ ...item, planId })));
  await insertChunked(
    tx,
    figures,
    figureRows.map((figure) => ({ ...figure, planId, source: figure.statedSource ?? context.source, recordedBy: context.actor })),
  );
  // Measures are the municipality's, shared with its other plans (domain/measures.ts).
  if (plan.measures) await storePlanMeasures(tx, { municipalityId, municipalityCode: plan.municipality.code, planId, planKey: plan.plan.key, measures: plan.measures, context });
  return 1;
}

/**
 * Removes a plan and everything that belongs only to it (not its audit trail, not its snapshots),
 * if its version is still the one read: a delete never removes a change it has not seen (412).
 */
export async function deletePlan(tx: Tx, plan: { id: number; key: string; version: number }): Promise<void> {
  const removed = await tx.delete(plans).where(and(eq(plans.id, plan.id), eq(plans.version, plan.version))).returning({ id: plans.id });
  if (removed.length === 0) throw new StyrkortError('precondition-failed', `Planen ${plan.key} har ändrats av någon annan under tiden. Ingenting har tagits bort; läs om och försök igen.`);
  await tx.delete(planLinks).where(or(eq(planLinks.fromPlanKey, plan.key), eq(planLinks.toPlanKey, plan.key)));
}

/** Keeps a plan's exact content as adopted; the database refuses to change or remove it. */
export async function insertSnapshot(tx: Tx, values: { planKey: string; takenBy: string; reason: string; content: unknown }): Promise<void> {
  await tx.insert(planSnapshots).values(values);
}

async function insertChunked<T extends PgTable>(tx: Tx, table: T, values: Array<T['$inferInsert']>): Promise<void> {
  for (let start = 0; start < values.length; start += 400) {
    await tx.insert(table).values(values.slice(start, start + 400));
  }
}

async function upsertMunicipality(tx: Tx, municipality: PlanFile['municipality'], context: WriteContext): Promise<number> {
  const existing = await existingMunicipality(tx, municipality);
  if (existing) return existing;
  const [created] = await tx.insert(municipalities).values(municipality).returning({ id: municipalities.id });
  await appendAudit(tx, { ...context, action: 'create', entityType: 'municipality', entityKey: municipality.code, before: null, after: municipality });
  return created!.id;
}

/**
 * The id of the municipality a plan file names, or null when it is new. Its name is shared by all
 * its plans, adopted ones included, so a file cannot rename it (409, nothing written).
 */
export async function existingMunicipality(tx: Tx, municipality: PlanFile['municipality']): Promise<number | null> {
  const [existing] = await tx.select().from(municipalities).where(eq(municipalities.code, municipality.code));
  if (!existing) return null;
  if (existing.name !== municipality.name) {
    throw new StyrkortError(
      'conflict',
      `Kommunen ${municipality.code} heter "${existing.name}" i Styrkort, men planfilen kallar den "${municipality.name}". Namnet delas av alla kommunens planer och ändras inte genom att läsa in en plan. Ingenting har sparats.`,
      [{ path: '$.municipality.name', message: `Ska vara "${existing.name}"` }],
    );
  }
  return existing.id;
}

/**
 * Pins the organisation a plan file shows. A new node is added to the shared tree; an existing
 * one is shown as it is now, or, when the file spells it differently, as a variant of this plan
 * only (audited): importing never changes a node other plans show.
 */
export async function pinOrganisation(tx: Tx, target: { municipalityId: number; planId: number; plan: PlanFile }, context: WriteContext): Promise<void> {
  const current = await currentNodesOf(tx, target.municipalityId);
  let position = await nextNodePosition(tx, target.municipalityId);
  const pins: Array<{ nodeId: number; nodeVersionId: number }> = [];
  const planKey = target.plan.plan.key;
  const entityKey = (key: string) => `${target.plan.municipality.code}/${key}`;
  for (const node of target.plan.organisation) {
    const attributes = nodeAttributesOf(node);
    const stored = current.get(node.key);
    if (!stored) {
      const created = await insertNode(tx, { municipalityId: target.municipalityId, key: node.key, position: position++, attributes, createdBy: context.actor });
      await appendAudit(tx, { ...context, planKey, action: 'create', entityType: 'org-node', entityKey: entityKey(node.key), before: null, after: node });
      pins.push({ nodeId: created.id, nodeVersionId: created.versionId });
      continue;
    }
    const pinned = await nodeVersionFor(tx, stored, attributes, target.planId, context.actor);
    if (pinned.created) {
      await appendAudit(tx, { ...context, planKey, action: 'variant', entityType: 'org-node', entityKey: entityKey(node.key), before: orgNodeOf(node.key, stored.current), after: node });
    }
    pins.push({ nodeId: stored.id, nodeVersionId: pinned.id });
  }
  await pinNodes(tx, target.planId, pins);
}

async function insertGoals(tx: Tx, municipalityId: number, planId: number, plan: PlanFile, context: WriteContext): Promise<void> {
  const stored = await currentGoalsOf(tx, municipalityId, plan.goals.map((goal) => goal.key));
  for (const [position, goal] of plan.goals.entries()) {
    const pin = await pinnableGoalVersion(tx, { municipalityId, stored: stored.get(goal.key), key: goal.key, attributes: goalAttributesOf(goal), planId, createdBy: context.actor });
    if (pin.variant) {
      const before = stored.get(goal.key)!.current;
      await appendAudit(tx, { ...context, planKey: plan.plan.key, action: 'variant', entityType: 'goal', entityKey: `${plan.municipality.code}/${goal.key}`, before: sharedGoalOf(goal.key, before), after: sharedGoalOf(goal.key, goalAttributesOf(goal)) });
    }
    await tx.insert(goalTexts).values({
      goalId: pin.goalId,
      goalVersionId: pin.goalVersionId,
      planId,
      periodStart: plan.plan.periodStart,
      periodEnd: plan.plan.periodEnd,
      text: goal.text,
      measurement: goal.measurement,
      position,
    });
  }
}

/** Versions of a plan's stored items, by item type ("goal" for its goals) and key: their ETags. */
export type ItemVersions = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface StoredPlan {
  /** The plan in the interchange shape, before parsing (PlanFile.parse fills the defaults). */
  content: Record<string, unknown>;
  versions: ItemVersions;
}

/** Reads a whole plan back into the interchange shape, or null when there is no such plan. */
export async function loadPlan(db: Queryable, key: string): Promise<Record<string, unknown> | null> {
  return (await loadStoredPlan(db, key))?.content ?? null;
}

/** A whole plan with the versions of its items, read in a handful of queries. */
export async function loadStoredPlan(db: Queryable, key: string): Promise<StoredPlan | null> {
  const [row] = await db
    .select({ plan: plans, municipality: municipalities })
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .where(eq(plans.key, key));
  if (!row) return null;
  const { plan, municipality } = row;
  // Sequential on purpose: inside a transaction there is one connection, and pg must not interleave.
  const organisation = await pinnedNodes(db, plan.id);
  const goalRows = await pinnedGoals(db, plan.id);
  const items = await db.select().from(planItems).where(eq(planItems.planId, plan.id));
  const figureRows = await db.select().from(figures).where(eq(figures.planId, plan.id));
  const parts = fromItemsAndFigures(items, figureRows);
  const planMeasures = await loadPlanMeasures(db, plan.id);
  const content = {
    format: 'styrkort-plan',
    formatVersion: planFormatVersion,
    municipality: { code: municipality.code, name: municipality.name },
    organisation,
    plan: {
      key: plan.key,
      title: plan.title,
      subtitle: plan.subtitle ?? undefined,
      ownerNode: plan.ownerNodeKey,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      decision: plan.decision,
      letterhead: plan.letterhead,
      source: plan.source ?? undefined,
      statusRollup: plan.statusRollup,
      statusRule: plan.statusRule ?? undefined,
      goalAssessment: plan.goalAssessment ?? undefined,
    },
    ...parts,
    ...(planMeasures.length > 0 ? { measures: planMeasures } : {}),
    goals: withGoalDetails(
      goalRows.map(({ key, version, text }) => ({ ...sharedGoalOf(key, version), text: text.text, measurement: text.measurement })),
      items,
    ),
  };
  return { content, versions: versionsOf(items, goalRows.map(({ key, text }) => ({ key, version: text.version }))) };
}

function versionsOf(items: ReadonlyArray<{ itemType: string; key: string; version: number }>, goalVersions: ReadonlyArray<{ key: string; version: number }>): ItemVersions {
  const out = new Map<string, Map<string, number>>([['goal', new Map(goalVersions.map((goal) => [goal.key, goal.version]))]]);
  for (const item of items) {
    const byKey = out.get(item.itemType) ?? new Map<string, number>();
    byKey.set(item.key, item.version);
    out.set(item.itemType, byKey);
  }
  return out;
}

/** The shared part of a goal as a version says it, in the plan model's shape (absent optional fields left out). */
export function sharedGoalOf(key: string, version: GoalAttributes) {
  return {
    key,
    level: version.level as Goal['level'],
    ...(version.number !== null ? { number: version.number } : {}),
    ...(version.perspective !== null ? { perspective: version.perspective } : {}),
    parent: version.parentKey,
    ...(version.nodeKey !== null ? { node: version.nodeKey } : {}),
  };
}
