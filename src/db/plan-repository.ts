/** Stores and reads whole plans: municipality, organisation, goals with their texts, items, figures. */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { PlanFile } from '../domain/plan.ts';
import type { Db } from './connection.ts';
import { appendAudit } from './audit-repository.ts';
import { fromItemsAndFigures, toItemsAndFigures, type FigureRow, type ItemRow } from './plan-mapping.ts';
import { figures, goals, goalTexts, municipalities, orgNodes, planItems, planLinks, plans, planSnapshots } from './schema.ts';

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

/** Every plan, oldest period first. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  return db
    .select({
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
    })
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .orderBy(asc(plans.periodStart), asc(plans.key));
}

export async function findPlanSummary(db: Db, key: string): Promise<PlanSummary | null> {
  return (await listPlans(db)).find((plan) => plan.key === key) ?? null;
}

/** Writes a validated plan that does not exist yet. Run inside a transaction. */
export async function insertPlan(tx: Db, plan: PlanFile, context: WriteContext): Promise<void> {
  const municipalityId = await upsertMunicipality(tx, plan.municipality, context);
  await upsertOrgNodes(tx, municipalityId, plan, context);
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
      nodeKeys: plan.organisation.map((node) => node.key),
    })
    .returning({ id: plans.id });
  const planId = row!.id;
  await insertGoals(tx, municipalityId, planId, plan, context);
  const { items, figures: figureRows } = toItemsAndFigures(plan);
  await insertChunked(tx, planItems, items.map((item) => ({ ...item, planId })));
  await insertChunked(
    tx,
    figures,
    figureRows.map((figure) => ({ ...figure, planId, source: figure.statedSource ?? context.source, recordedBy: context.actor })),
  );
}

/** Removes a plan and everything that belongs only to it (not its audit trail, not its snapshots). */
export async function deletePlan(tx: Db, key: string): Promise<void> {
  await tx.delete(plans).where(eq(plans.key, key));
  await tx.delete(planLinks).where(or(eq(planLinks.fromPlanKey, key), eq(planLinks.toPlanKey, key)));
}

/** Keeps a plan's exact content as adopted; the database refuses to change or remove it. */
export async function insertSnapshot(tx: Db, values: { planKey: string; takenBy: string; reason: string; content: unknown }): Promise<void> {
  await tx.insert(planSnapshots).values(values);
}

async function insertChunked(tx: Db, table: any, values: Array<Record<string, unknown>>): Promise<void> {
  for (let start = 0; start < values.length; start += 400) {
    await tx.insert(table).values(values.slice(start, start + 400));
  }
}

async function upsertMunicipality(tx: Db, municipality: PlanFile['municipality'], context: WriteContext): Promise<number> {
  const [existing] = await tx.select().from(municipalities).where(eq(municipalities.code, municipality.code));
  if (existing) {
    if (existing.name !== municipality.name) {
      await tx.update(municipalities).set({ name: municipality.name }).where(eq(municipalities.id, existing.id));
      await appendAudit(tx, { ...context, action: 'update', entityType: 'municipality', entityKey: municipality.code, field: 'name', before: existing.name, after: municipality.name });
    }
    return existing.id;
  }
  const [created] = await tx.insert(municipalities).values(municipality).returning({ id: municipalities.id });
  await appendAudit(tx, { ...context, action: 'create', entityType: 'municipality', entityKey: municipality.code, before: null, after: municipality });
  return created!.id;
}

function nodeValues(node: PlanFile['organisation'][number]) {
  return {
    kind: node.kind,
    name: node.name,
    shortName: node.shortName ?? null,
    parentKey: node.parent,
    description: node.description ?? null,
  };
}

/** The organisation tree is shared: a plan adds its nodes and updates changed ones, audited. */
async function upsertOrgNodes(tx: Db, municipalityId: number, plan: PlanFile, context: WriteContext): Promise<void> {
  const existing = await tx.select().from(orgNodes).where(eq(orgNodes.municipalityId, municipalityId));
  const byKey = new Map(existing.map((node) => [node.key, node]));
  let position = existing.length;
  for (const node of plan.organisation) {
    const values = nodeValues(node);
    const current = byKey.get(node.key);
    if (!current) {
      await tx.insert(orgNodes).values({ municipalityId, key: node.key, position: position++, ...values });
      await appendAudit(tx, { ...context, planKey: plan.plan.key, action: 'create', entityType: 'org-node', entityKey: node.key, before: null, after: values });
      continue;
    }
    const before = { kind: current.kind, name: current.name, shortName: current.shortName, parentKey: current.parentKey, description: current.description };
    if (JSON.stringify(before) === JSON.stringify(values)) continue;
    await tx.update(orgNodes).set({ ...values, version: current.version + 1 }).where(eq(orgNodes.id, current.id));
    await appendAudit(tx, { ...context, planKey: plan.plan.key, action: 'update', entityType: 'org-node', entityKey: node.key, before, after: values });
  }
}

async function insertGoals(tx: Db, municipalityId: number, planId: number, plan: PlanFile, context: WriteContext): Promise<void> {
  const keys = plan.goals.map((goal) => goal.key);
  const existing = keys.length
    ? await tx.select().from(goals).where(and(eq(goals.municipalityId, municipalityId), inArray(goals.key, keys)))
    : [];
  const byKey = new Map(existing.map((goal) => [goal.key, goal]));
  for (const [position, goal] of plan.goals.entries()) {
    const values = {
      level: goal.level,
      number: goal.number ?? null,
      perspective: goal.perspective ?? null,
      parentKey: goal.parent,
      nodeKey: goal.node ?? null,
    };
    let goalId = byKey.get(goal.key)?.id;
    const current = byKey.get(goal.key);
    if (!current) {
      const [created] = await tx.insert(goals).values({ municipalityId, key: goal.key, ...values }).returning({ id: goals.id });
      goalId = created!.id;
    } else {
      const before = { level: current.level, number: current.number, perspective: current.perspective, parentKey: current.parentKey, nodeKey: current.nodeKey };
      if (JSON.stringify(before) !== JSON.stringify(values)) {
        await tx.update(goals).set(values).where(eq(goals.id, current.id));
        await appendAudit(tx, { ...context, planKey: plan.plan.key, action: 'update', entityType: 'goal', entityKey: goal.key, before, after: values });
      }
    }
    await tx.insert(goalTexts).values({
      goalId: goalId!,
      planId,
      periodStart: plan.plan.periodStart,
      periodEnd: plan.plan.periodEnd,
      text: goal.text,
      measurement: goal.measurement,
      position,
    });
  }
}

/** Reads a whole plan back into the interchange shape, or null when there is no such plan. */
export async function loadPlan(db: Db, key: string): Promise<Record<string, unknown> | null> {
  const [row] = await db
    .select({ plan: plans, municipality: municipalities })
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .where(eq(plans.key, key));
  if (!row) return null;
  const { plan, municipality } = row;
  // Sequential on purpose: inside a transaction there is one connection, and pg must not interleave.
  const nodes = await db.select().from(orgNodes).where(eq(orgNodes.municipalityId, municipality.id)).orderBy(asc(orgNodes.position), asc(orgNodes.id));
  const goalRows = await db
    .select({ goal: goals, text: goalTexts })
    .from(goalTexts)
    .innerJoin(goals, eq(goalTexts.goalId, goals.id))
    .where(eq(goalTexts.planId, plan.id))
    .orderBy(asc(goalTexts.position));
  const items = await db.select().from(planItems).where(eq(planItems.planId, plan.id));
  const figureRows = await db.select().from(figures).where(eq(figures.planId, plan.id));
  const parts = fromItemsAndFigures(items as ItemRow[], figureRows as unknown as FigureRow[]);
  return {
    format: 'styrkort-plan',
    formatVersion: 1,
    municipality: { code: municipality.code, name: municipality.name },
    organisation: nodesOfPlan(nodes, plan.nodeKeys as string[]),
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
    },
    ...parts,
    goals: goalRows.map(({ goal, text }) => ({
      key: goal.key,
      level: goal.level,
      number: goal.number ?? undefined,
      perspective: goal.perspective ?? undefined,
      parent: goal.parentKey,
      text: text.text,
      measurement: text.measurement,
      node: goal.nodeKey ?? undefined,
    })),
  };
}

type NodeRow = typeof orgNodes.$inferSelect;

/** The organisation a plan file carries: the nodes it was imported with, in that order. */
function nodesOfPlan(nodes: NodeRow[], nodeKeys: string[]): unknown[] {
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  return nodeKeys
    .map((key) => byKey.get(key))
    .filter((node): node is NodeRow => node !== undefined)
    .map(orgNodeOfRow);
}

/** A stored org node in the plan model's shape (absent optional fields left out). */
export function orgNodeOfRow(node: NodeRow): PlanFile['organisation'][number] {
  return {
    key: node.key,
    kind: node.kind as PlanFile['organisation'][number]['kind'],
    name: node.name,
    ...(node.shortName ? { shortName: node.shortName } : {}),
    parent: node.parentKey,
    ...(node.description ? { description: node.description } : {}),
  };
}
