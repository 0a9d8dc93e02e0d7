/**
 * The organisation tree of a municipality: list, add, change and remove nodes. A node is shared by
 * the municipality's plans and versioned: a change makes a new current version (its own operation,
 * with its own permission, audited), which draft and submitted plans follow and adopted plans do not.
 * Keys are per municipality: another municipality's "ifo" is another node.
 */
import { topOfTree, type OrgParents } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { OrgNode, type PlanFile } from '../domain/plan.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import type { Db, Queryable, Tx } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import {
  addSharedNodeVersion,
  currentNodesOf,
  deleteNodeRow,
  findNodes,
  hasNodeAttributes,
  insertNode,
  listCurrentNodes,
  lockNode,
  lockPlansPinningNode,
  nextNodePosition,
  nodeAttributesOf,
  nodeUsage,
  orgNodeOf,
  repinNode,
  type StoredNode,
} from '../db/org-node-repository.ts';
import { municipalities } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { eq } from 'drizzle-orm';
import { assertVersion } from './plan-items-service.ts';
import { authorizeOn, type Caller } from './plan-write.ts';
import { followingStatuses, repinPlans } from './shared-versions.ts';

/** A node as the API presents it: the node, its municipality and its current version (the ETag). */
export interface NodeView {
  version: number;
  municipality: string;
  node: OrgNode;
}

function present(stored: StoredNode): NodeView {
  return { version: stored.version, municipality: stored.municipalityCode, node: orgNodeOf(stored.key, stored.current) };
}

/** Every node as it is now, of one municipality or all. */
export async function listNodes(db: Queryable, municipalityCode?: string): Promise<NodeView[]> {
  return (await listCurrentNodes(db, municipalityCode)).map(present);
}

/** One node as it is now, or 404 (409 when the key is in several municipalities and none is named). */
export async function getNode(db: Queryable, key: string, municipalityCode?: string): Promise<NodeView> {
  return present(await findNode(db, key, municipalityCode));
}

function parseNode(body: unknown): OrgNode {
  const parsed = OrgNode.safeParse(body, { error: swedishErrorMap });
  if (!parsed.success) throw new StyrkortError('validation', 'Noden har fel; ingenting har sparats', issuesToProblems(parsed.error.issues));
  return parsed.data;
}

/**
 * The node `key` of a municipality. Without a municipality, the one municipality that has a node
 * with that key (keys are per municipality: with more than one, the caller must name it).
 */
async function findNode(db: Queryable, key: string, municipalityCode?: string): Promise<StoredNode> {
  const found = await findNodes(db, key, municipalityCode);
  if (found.length === 0) throw new StyrkortError('not-found', `Organisationsnoden "${key}" finns inte${municipalityCode ? ` i kommun ${municipalityCode}` : ''}`);
  if (found.length > 1) {
    throw new StyrkortError('conflict', `Det finns en nod "${key}" i flera kommuner (${found.map((node) => node.municipalityCode).join(', ')}); ange kommunen: /api/organisation/{kommunkod}/${key}`);
  }
  return found[0]!;
}

/** Refuses a parent that is not a node of the municipality, or that lies under the node itself. */
async function assertParent(db: Queryable, municipalityId: number, node: OrgNode): Promise<void> {
  if (node.parent === null) return;
  const tree = await currentNodesOf(db, municipalityId);
  if (!tree.has(node.parent)) throw new StyrkortError('validation', `Överordnad nod "${node.parent}" finns inte`, [{ path: '$.parent', message: 'Okänd nod' }]);
  for (let key: string | null | undefined = node.parent; key; key = tree.get(key)?.current.parentKey) {
    if (key === node.key) throw new StyrkortError('validation', `"${node.key}" kan inte ligga under sig själv`, [{ path: '$.parent', message: 'Cirkel i organisationen' }]);
  }
}

interface NodeWrite {
  /** The account that writes (null: not logged in): it needs edit rights over the node where it is and where it goes. */
  by: Caller;
  actor: string;
  reason?: string | null;
}

const auditKey = (municipality: string, key: string) => `${municipality}/${key}`;

/** Adds a node to a municipality's tree, under a parent within the writer's scope. */
export async function createNode(db: Db, options: NodeWrite & { municipalityCode: string; body: unknown }): Promise<NodeView> {
  const node = parseNode(options.body);
  return inTransaction(db, async (tx) => {
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.code, options.municipalityCode));
    if (!municipality) throw new StyrkortError('not-found', `Kommunen ${options.municipalityCode} finns inte`);
    await authorizeOn(tx, options.by, 'edit-content', { municipality: municipality.code, nodes: [node.parent ?? topOfTree] });
    if ((await findNodes(tx, node.key, municipality.code)).length) throw new StyrkortError('conflict', `Noden "${node.key}" finns redan i kommun ${municipality.code}`);
    await assertParent(tx, municipality.id, node);
    const position = await nextNodePosition(tx, municipality.id);
    await insertNode(tx, { municipalityId: municipality.id, key: node.key, position, attributes: nodeAttributesOf(node), createdBy: options.actor });
    await appendAudit(tx, { actor: options.actor, action: 'create', entityType: 'org-node', entityKey: auditKey(municipality.code, node.key), before: null, after: node, reason: options.reason });
    return { version: 1, municipality: municipality.code, node: orgNodeOf(node.key, nodeAttributesOf(node)) };
  });
}

/**
 * Changes a shared node: a new current version (If-Match: the version read, checked in the
 * statement that writes it). Draft and submitted plans that showed the previous version follow it,
 * each audited; adopted and archived plans keep theirs.
 */
export async function updateNode(db: Db, options: NodeWrite & { municipalityCode?: string; key: string; body: unknown; ifMatch: number | null }): Promise<NodeView & { plans: string[] }> {
  const node = parseNode(options.body);
  if (node.key !== options.key) throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${options.key}"` }]);
  return inTransaction(db, async (tx) => {
    const current = await findNode(tx, options.key, options.municipalityCode);
    // A node lifted to the top of the tree leaves every subtree: only unscoped accounts may do that.
    await authorizeOn(tx, options.by, 'edit-content', { municipality: current.municipalityCode, nodes: [current.key, node.parent ?? topOfTree] });
    assertVersion(options.ifMatch, { version: current.version, item: orgNodeOf(current.key, current.current) });
    await assertParent(tx, current.municipalityId, node);
    const attributes = nodeAttributesOf(node);
    if (hasNodeAttributes(current.current, attributes)) return { ...present(current), plans: [] };
    const following = await lockPlansPinningNode(tx, current.current.id, followingStatuses);
    await lockNode(tx, current.id);
    const created = await addSharedNodeVersion(tx, current, current.version, attributes, options.actor);
    await auditFields(tx, current, node, options);
    const plans = await repinPlans(tx, {
      plans: following,
      move: (planIds) => repinNode(tx, current.current.id, created.id, planIds),
      entityType: 'org-node',
      key: current.key,
      before: { version: current.version },
      after: { version: created.version },
      actor: options.actor,
      reason: options.reason,
    });
    return { version: created.version, municipality: current.municipalityCode, node: orgNodeOf(current.key, created), plans };
  });
}

async function auditFields(tx: Tx, current: StoredNode, node: OrgNode, options: NodeWrite): Promise<void> {
  const before = orgNodeOf(current.key, current.current);
  for (const field of ['kind', 'name', 'shortName', 'parent', 'description'] as const) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(node[field] ?? null)) {
      await appendAudit(tx, { actor: options.actor, action: 'update', entityType: 'org-node', entityKey: auditKey(current.municipalityCode, current.key), field, before: before[field] ?? null, after: node[field] ?? null, reason: options.reason });
    }
  }
}

/** Removes a node that no plan shows and no node lies under (If-Match: its version, checked in the delete). */
export async function deleteNode(db: Db, options: NodeWrite & { municipalityCode?: string; key: string; ifMatch: number | null }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await findNode(tx, options.key, options.municipalityCode);
    await authorizeOn(tx, options.by, 'edit-content', { municipality: current.municipalityCode, nodes: [current.key] });
    assertVersion(options.ifMatch, { version: current.version, item: orgNodeOf(current.key, current.current) });
    const usage = await nodeUsage(tx, current);
    if (usage.children.length || usage.plans.length) {
      throw new StyrkortError('conflict', `Noden "${options.key}" används (${[...usage.children.map((c) => `nod ${c}`), ...usage.plans.map((p) => `plan ${p}`)].join(', ')}) och kan inte tas bort`);
    }
    await deleteNodeRow(tx, current, current.version);
    await appendAudit(tx, { actor: options.actor, action: 'delete', entityType: 'org-node', entityKey: auditKey(current.municipalityCode, current.key), before: orgNodeOf(current.key, current.current), after: null, reason: options.reason });
  });
}

/**
 * What an import's scope check needs, from one read of the municipality's tree: its organisation as
 * it is now (child → parent), and the nodes the import would show differently from it — a node it
 * spells differently and its (new) parent, a new node's parent. Importing never changes the shared
 * tree (it pins a variant), but a plan may only show the organisation differently within the
 * importer's scope.
 */
export async function importScope(db: Queryable, plan: PlanFile): Promise<{ touched: string[]; parents: OrgParents }> {
  const [municipality] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, plan.municipality.code));
  const stored = municipality ? await currentNodesOf(db, municipality.id) : new Map<string, StoredNode>();
  const touched: string[] = [];
  for (const node of plan.organisation) {
    const current = stored.get(node.key);
    if (current && hasNodeAttributes(current.current, nodeAttributesOf(node))) continue;
    touched.push(node.parent ?? topOfTree);
    if (current) touched.push(node.key);
  }
  return { touched, parents: new Map([...stored.values()].map((node) => [node.key, node.current.parentKey])) };
}

/** The plan with its organisation as the shared tree has it now, for a plan made from an older one (rollover). */
export async function withCurrentOrganisation(db: Queryable, plan: PlanFile): Promise<PlanFile> {
  const [municipality] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, plan.municipality.code));
  if (!municipality) return plan;
  const stored = await currentNodesOf(db, municipality.id);
  return { ...plan, organisation: plan.organisation.map((node) => (stored.has(node.key) ? orgNodeOf(node.key, stored.get(node.key)!.current) : node)) };
}
