/**
 * Organisation nodes and their append-only versions. A node's current version is the one whose
 * number is org_nodes.version; a plan pins the version it shows (plan_nodes), so a change to the
 * shared node never reaches a plan that did not ask for it.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { StyrkortError } from '../domain/errors.ts';
import type { OrgNode } from '../domain/plan.ts';
import type { Queryable, Tx } from './connection.ts';
import { municipalities, orgNodes, orgNodeVersions, planNodes, plans } from './schema.ts';

/** What a version of a node says: everything but its key. */
export interface NodeAttributes {
  kind: string;
  name: string;
  shortName: string | null;
  parentKey: string | null;
  description: string | null;
}

export type NodeVersionRow = typeof orgNodeVersions.$inferSelect;

export interface StoredNode {
  id: number;
  municipalityId: number;
  municipalityCode: string;
  key: string;
  /** The number of the current shared version: the node's ETag. */
  version: number;
  position: number;
  current: NodeVersionRow;
}

/** A node of a plan file as the attributes a version stores. */
export function nodeAttributesOf(node: OrgNode): NodeAttributes {
  return { kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null };
}

/** Whether a version says exactly these attributes. */
export function hasNodeAttributes(version: NodeAttributes, attributes: NodeAttributes): boolean {
  return (['kind', 'name', 'shortName', 'parentKey', 'description'] as const).every((field) => (version[field] ?? null) === (attributes[field] ?? null));
}

/** A stored version in the plan model's shape (absent optional fields left out). */
export function orgNodeOf(key: string, version: NodeAttributes): OrgNode {
  return {
    key,
    kind: version.kind as OrgNode['kind'],
    name: version.name,
    ...(version.shortName ? { shortName: version.shortName } : {}),
    parent: version.parentKey,
    ...(version.description ? { description: version.description } : {}),
  };
}

const storedColumns = {
  id: orgNodes.id,
  municipalityId: orgNodes.municipalityId,
  municipalityCode: municipalities.code,
  key: orgNodes.key,
  version: orgNodes.version,
  position: orgNodes.position,
  current: orgNodeVersions,
};

function currentNodesQuery(db: Queryable) {
  return db
    .select(storedColumns)
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .innerJoin(orgNodeVersions, and(eq(orgNodeVersions.nodeId, orgNodes.id), eq(orgNodeVersions.version, orgNodes.version)));
}

/** Every node of a municipality (all municipalities: undefined) as it is now, in tree order of creation. */
export async function listCurrentNodes(db: Queryable, municipalityCode?: string): Promise<StoredNode[]> {
  return currentNodesQuery(db)
    .where(municipalityCode ? eq(municipalities.code, municipalityCode) : undefined)
    .orderBy(asc(municipalities.code), asc(orgNodes.position), asc(orgNodes.id));
}

/** The current nodes of a municipality by key. */
export async function currentNodesOf(db: Queryable, municipalityId: number): Promise<Map<string, StoredNode>> {
  const rows = await currentNodesQuery(db).where(eq(orgNodes.municipalityId, municipalityId));
  return new Map(rows.map((row) => [row.key, row]));
}

/** The nodes with this key: one per municipality that has it (only that municipality's, when given). */
export async function findNodes(db: Queryable, key: string, municipalityCode?: string): Promise<StoredNode[]> {
  return currentNodesQuery(db).where(and(eq(orgNodes.key, key), municipalityCode ? eq(municipalities.code, municipalityCode) : undefined));
}

/** Locks a node row for the rest of the transaction, so versions of one node are numbered in turn. */
export async function lockNode(tx: Tx, nodeId: number): Promise<void> {
  await tx.select({ id: orgNodes.id }).from(orgNodes).where(eq(orgNodes.id, nodeId)).for('update');
}

/** Adds a node with its first, shared version. */
export async function insertNode(
  tx: Tx,
  values: { municipalityId: number; key: string; position: number; attributes: NodeAttributes; createdBy: string },
): Promise<{ id: number; versionId: number }> {
  const [node] = await tx.insert(orgNodes).values({ municipalityId: values.municipalityId, key: values.key, position: values.position, version: 1 }).returning({ id: orgNodes.id });
  const [version] = await tx
    .insert(orgNodeVersions)
    .values({ nodeId: node!.id, version: 1, ...values.attributes, planId: null, createdBy: values.createdBy })
    .returning({ id: orgNodeVersions.id });
  return { id: node!.id, versionId: version!.id };
}

async function nextVersionNumber(tx: Tx, nodeId: number): Promise<number> {
  const [row] = await tx.select({ last: max(orgNodeVersions.version) }).from(orgNodeVersions).where(eq(orgNodeVersions.nodeId, nodeId));
  return (row?.last ?? 0) + 1;
}

/**
 * Makes `attributes` the node's new current version, if its current version is still `expected`
 * (checked in the statement that writes it; otherwise 412). The node row must be locked.
 */
export async function addSharedNodeVersion(tx: Tx, node: { id: number; key: string }, expected: number, attributes: NodeAttributes, createdBy: string): Promise<NodeVersionRow> {
  const next = await nextVersionNumber(tx, node.id);
  const moved = await tx
    .update(orgNodes)
    .set({ version: next })
    .where(and(eq(orgNodes.id, node.id), eq(orgNodes.version, expected)))
    .returning({ id: orgNodes.id });
  if (moved.length === 0) throw staleNode(node.key);
  const [row] = await tx.insert(orgNodeVersions).values({ nodeId: node.id, version: next, ...attributes, planId: null, createdBy }).returning();
  return row!;
}

/**
 * The version a plan pins to show the node with these attributes: the current one when it says the
 * same, else this plan's own variant that says the same, else a new variant made for this plan.
 * The shared node never changes.
 */
export async function nodeVersionFor(tx: Tx, node: StoredNode, attributes: NodeAttributes, planId: number, createdBy: string): Promise<{ id: number; created: boolean }> {
  if (hasNodeAttributes(node.current, attributes)) return { id: node.current.id, created: false };
  const variants = await tx.select().from(orgNodeVersions).where(and(eq(orgNodeVersions.nodeId, node.id), eq(orgNodeVersions.planId, planId)));
  const same = variants.find((variant) => hasNodeAttributes(variant, attributes));
  if (same) return { id: same.id, created: false };
  await lockNode(tx, node.id);
  const [row] = await tx
    .insert(orgNodeVersions)
    .values({ nodeId: node.id, version: await nextVersionNumber(tx, node.id), ...attributes, planId, createdBy })
    .returning({ id: orgNodeVersions.id });
  return { id: row!.id, created: true };
}

/** Sets the organisation a plan shows: these node versions, in this order (replacing what it pinned). */
export async function pinNodes(tx: Tx, planId: number, pins: ReadonlyArray<{ nodeId: number; nodeVersionId: number }>): Promise<void> {
  await tx.delete(planNodes).where(eq(planNodes.planId, planId));
  if (pins.length === 0) return;
  await tx.insert(planNodes).values(pins.map((pin, position) => ({ planId, ...pin, position })));
}

/** The organisation a plan shows: its pinned versions, in its order. */
export async function pinnedNodes(db: Queryable, planId: number): Promise<OrgNode[]> {
  const rows = await db
    .select({ key: orgNodes.key, version: orgNodeVersions })
    .from(planNodes)
    .innerJoin(orgNodes, eq(planNodes.nodeId, orgNodes.id))
    .innerJoin(orgNodeVersions, eq(planNodes.nodeVersionId, orgNodeVersions.id))
    .where(eq(planNodes.planId, planId))
    .orderBy(asc(planNodes.position));
  return rows.map((row) => orgNodeOf(row.key, row.version));
}

/** Plans in one of `statuses` that pin this node version, locked (in id order) for the rest of the transaction. */
export async function lockPlansPinningNode(tx: Tx, nodeVersionId: number, statuses: readonly string[]): Promise<Array<{ id: number; key: string }>> {
  return tx
    .select({ id: plans.id, key: plans.key })
    .from(plans)
    .where(and(inArray(plans.status, [...statuses]), inArray(plans.id, tx.select({ id: planNodes.planId }).from(planNodes).where(eq(planNodes.nodeVersionId, nodeVersionId)))))
    .orderBy(asc(plans.id))
    .for('update', { of: plans });
}

/** Moves these plans' pins from one version of a node to another. */
export async function repinNode(tx: Tx, from: number, to: number, planIds: readonly number[]): Promise<void> {
  if (planIds.length === 0) return;
  await tx.update(planNodes).set({ nodeVersionId: to }).where(and(eq(planNodes.nodeVersionId, from), inArray(planNodes.planId, [...planIds])));
}

/** The keys of the plans that show any version of the node, and of its children as they are now. */
export async function nodeUsage(db: Queryable, node: StoredNode): Promise<{ plans: string[]; children: string[] }> {
  const planRows = await db
    .selectDistinct({ key: plans.key })
    .from(planNodes)
    .innerJoin(plans, eq(planNodes.planId, plans.id))
    .where(eq(planNodes.nodeId, node.id))
    .orderBy(asc(plans.key));
  const children = await currentNodesQuery(db).where(and(eq(orgNodes.municipalityId, node.municipalityId), eq(orgNodeVersions.parentKey, node.key)));
  return { plans: planRows.map((row) => row.key), children: children.map((child) => child.key) };
}

/** Removes a node and its versions, if its version is still `expected` (checked in the delete; otherwise 412). */
export async function deleteNodeRow(tx: Tx, node: { id: number; key: string }, expected: number): Promise<void> {
  const removed = await tx.delete(orgNodes).where(and(eq(orgNodes.id, node.id), eq(orgNodes.version, expected))).returning({ id: orgNodes.id });
  if (removed.length === 0) throw staleNode(node.key);
}

/** The next position for a node added to a municipality's tree (after every other). */
export async function nextNodePosition(db: Queryable, municipalityId: number): Promise<number> {
  const [row] = await db.select({ last: max(orgNodes.position) }).from(orgNodes).where(eq(orgNodes.municipalityId, municipalityId));
  return (row?.last ?? -1) + 1;
}

function staleNode(key: string): StyrkortError {
  return new StyrkortError('precondition-failed', `Noden "${key}" har ändrats av någon annan under tiden. Ingenting har sparats; läs om och försök igen.`);
}
