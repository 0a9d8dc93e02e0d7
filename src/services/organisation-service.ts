/** The organisation tree of a municipality: list, add, change and remove nodes (audited, versioned). */
import { and, asc, eq } from 'drizzle-orm';
import { topOfTree } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { OrgNode, type PlanFile } from '../domain/plan.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import type { Db, Queryable } from '../db/connection.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { orgNodeOfRow } from '../db/plan-repository.ts';
import { municipalities, orgNodes, plans } from '../db/schema.ts';
import { assertVersion } from './plan-items-service.ts';
import { authorizeOn, type Caller } from './plan-write.ts';

export async function listNodes(db: Db, municipalityCode?: string) {
  const rows = await db
    .select({ node: orgNodes, code: municipalities.code })
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .where(municipalityCode ? eq(municipalities.code, municipalityCode) : undefined)
    .orderBy(asc(orgNodes.position), asc(orgNodes.id));
  return rows.map(({ node, code }) => ({ version: node.version, municipality: code, node: presentNode(node) }));
}

const presentNode = orgNodeOfRow;

function parseNode(body: unknown): OrgNode {
  const parsed = OrgNode.safeParse(body, { error: swedishErrorMap });
  if (!parsed.success) throw new StyrkortError('validation', 'Noden har fel; ingenting har sparats', issuesToProblems(parsed.error.issues));
  return parsed.data;
}

/**
 * The node `key` of a municipality. Without a municipality, the one municipality that has a node
 * with that key (keys are per municipality: with more than one, the caller must name it).
 */
async function findNode(db: Queryable, key: string, municipalityCode?: string) {
  const rows = await db
    .select({ node: orgNodes, code: municipalities.code })
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .where(and(eq(orgNodes.key, key), municipalityCode ? eq(municipalities.code, municipalityCode) : undefined));
  if (rows.length === 0) throw new StyrkortError('not-found', `Organisationsnoden "${key}" finns inte${municipalityCode ? ` i kommun ${municipalityCode}` : ''}`);
  if (rows.length > 1) {
    throw new StyrkortError('conflict', `Det finns en nod "${key}" i flera kommuner (${rows.map((row) => row.code).join(', ')}); ange kommunen: /api/organisation/{kommunkod}/${key}`);
  }
  return rows[0]!;
}

async function assertParent(db: Queryable, municipalityId: number, node: OrgNode): Promise<void> {
  if (node.parent === null) return;
  const [parent] = await db.select().from(orgNodes).where(and(eq(orgNodes.municipalityId, municipalityId), eq(orgNodes.key, node.parent)));
  if (!parent) throw new StyrkortError('validation', `Överordnad nod "${node.parent}" finns inte`, [{ path: '$.parent', message: 'Okänd nod' }]);
  const all = await db.select({ key: orgNodes.key, parent: orgNodes.parentKey }).from(orgNodes).where(eq(orgNodes.municipalityId, municipalityId));
  const parents = new Map(all.map((row) => [row.key, row.parent]));
  for (let key: string | null | undefined = node.parent; key; key = parents.get(key)) {
    if (key === node.key) throw new StyrkortError('validation', `"${node.key}" kan inte ligga under sig själv`, [{ path: '$.parent', message: 'Cirkel i organisationen' }]);
  }
}

interface NodeWrite {
  /** The account that writes (null: not logged in): it needs edit rights over the node where it is and where it goes. */
  by: Caller;
  actor: string;
  reason?: string | null;
}

/** Adds a node to a municipality's tree, under a parent within the writer's scope. */
export async function createNode(db: Db, options: NodeWrite & { municipalityCode: string; body: unknown }) {
  const node = parseNode(options.body);
  return inTransaction(db, async (tx) => {
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.code, options.municipalityCode));
    if (!municipality) throw new StyrkortError('not-found', `Kommunen ${options.municipalityCode} finns inte`);
    await authorizeOn(tx, options.by, 'edit-content', { municipality: municipality.code, nodes: [node.parent ?? topOfTree] });
    const [existing] = await tx.select().from(orgNodes).where(and(eq(orgNodes.municipalityId, municipality.id), eq(orgNodes.key, node.key)));
    if (existing) throw new StyrkortError('conflict', `Noden "${node.key}" finns redan`);
    await assertParent(tx, municipality.id, node);
    const [row] = await tx.insert(orgNodes).values({ municipalityId: municipality.id, key: node.key, kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null, position: 1000 }).returning();
    await appendAudit(tx, { actor: options.actor, action: 'create', entityType: 'org-node', entityKey: node.key, before: null, after: node, reason: options.reason });
    return { version: row!.version, node: presentNode(row!) };
  });
}

/** Changes a node (If-Match: its version, checked in the statement that writes it). */
export async function updateNode(db: Db, options: NodeWrite & { municipalityCode?: string; key: string; body: unknown; ifMatch: number | null }) {
  const node = parseNode(options.body);
  if (node.key !== options.key) throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${options.key}"` }]);
  return inTransaction(db, async (tx) => {
    const { node: current, code } = await findNode(tx, options.key, options.municipalityCode);
    // A node lifted to the top of the tree leaves every subtree: only unscoped accounts may do that.
    await authorizeOn(tx, options.by, 'edit-content', { municipality: code, nodes: [current.key, node.parent ?? topOfTree] });
    assertVersion(options.ifMatch, current);
    await assertParent(tx, current.municipalityId, node);
    const before = presentNode(current);
    const values = { kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null };
    const [row] = await tx
      .update(orgNodes)
      .set({ ...values, version: current.version + 1 })
      .where(and(eq(orgNodes.id, current.id), eq(orgNodes.version, current.version)))
      .returning();
    if (!row) throw staleNode(options.key);
    for (const field of ['kind', 'name', 'shortName', 'parent', 'description'] as const) {
      if (JSON.stringify(before[field] ?? null) !== JSON.stringify(node[field] ?? null)) {
        await appendAudit(tx, { actor: options.actor, action: 'update', entityType: 'org-node', entityKey: node.key, field, before: before[field] ?? null, after: node[field] ?? null, reason: options.reason });
      }
    }
    return { version: row.version, node: presentNode(row) };
  });
}

/** Removes a node that no plan and no other node refers to (If-Match: its version, checked in the delete). */
export async function deleteNode(db: Db, options: NodeWrite & { municipalityCode?: string; key: string; ifMatch: number | null }) {
  await inTransaction(db, async (tx) => {
    const { node: current, code } = await findNode(tx, options.key, options.municipalityCode);
    await authorizeOn(tx, options.by, 'edit-content', { municipality: code, nodes: [current.key] });
    assertVersion(options.ifMatch, current);
    const children = await tx.select({ key: orgNodes.key }).from(orgNodes).where(and(eq(orgNodes.municipalityId, current.municipalityId), eq(orgNodes.parentKey, options.key)));
    const planRows = await tx.select({ key: plans.key, nodeKeys: plans.nodeKeys }).from(plans).where(eq(plans.municipalityId, current.municipalityId));
    const usedBy = planRows.filter((plan) => (plan.nodeKeys as string[]).includes(options.key)).map((plan) => plan.key);
    if (children.length || usedBy.length) {
      throw new StyrkortError('conflict', `Noden "${options.key}" används (${[...children.map((c) => `nod ${c.key}`), ...usedBy.map((p) => `plan ${p}`)].join(', ')}) och kan inte tas bort`);
    }
    const removed = await tx.delete(orgNodes).where(and(eq(orgNodes.id, current.id), eq(orgNodes.version, current.version))).returning({ id: orgNodes.id });
    if (removed.length === 0) throw staleNode(options.key);
    await appendAudit(tx, { actor: options.actor, action: 'delete', entityType: 'org-node', entityKey: options.key, before: presentNode(current), after: null, reason: options.reason });
  });
}

function staleNode(key: string): StyrkortError {
  return new StyrkortError('precondition-failed', `Noden "${key}" har ändrats av någon annan under tiden. Ingenting har sparats; läs om och försök igen.`);
}

/** One node with its version, or 404 (409 when the key is in several municipalities and none is named). */
export async function getNode(db: Queryable, key: string, municipalityCode?: string) {
  const { node, code } = await findNode(db, key, municipalityCode);
  return { version: node.version, municipality: code, node: presentNode(node) };
}

/**
 * The nodes an import would add or change in the shared tree, as the keys a scope check must
 * cover: a changed node and its (new) parent, a new node's parent.
 */
export async function nodesTouchedByImport(db: Queryable, plan: PlanFile): Promise<string[]> {
  const rows = await db
    .select({ node: orgNodes })
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .where(eq(municipalities.code, plan.municipality.code));
  const stored = new Map(rows.map(({ node }) => [node.key, orgNodeOfRow(node)]));
  const touched: string[] = [];
  for (const node of plan.organisation) {
    const current = stored.get(node.key);
    if (current && JSON.stringify(current) === JSON.stringify(orgNodeOfRow({ ...toRowShape(node) }))) continue;
    touched.push(node.parent ?? topOfTree);
    if (current) touched.push(node.key);
  }
  return touched;
}

function toRowShape(node: OrgNode) {
  return { key: node.key, kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null } as Parameters<typeof orgNodeOfRow>[0];
}
