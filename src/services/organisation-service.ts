/** The organisation tree of a municipality: list, add, change and remove nodes (audited, versioned). */
import { and, asc, eq } from 'drizzle-orm';
import { topOfTree } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { OrgNode } from '../domain/plan.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { orgNodeOfRow } from '../db/plan-repository.ts';
import { municipalities, orgNodes, plans } from '../db/schema.ts';
import { assertVersion } from './plan-items-service.ts';

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

async function findNode(db: Db, key: string) {
  const [row] = await db.select().from(orgNodes).where(eq(orgNodes.key, key));
  if (!row) throw new StyrkortError('not-found', `Organisationsnoden "${key}" finns inte`);
  return row;
}

async function assertParent(db: Db, municipalityId: number, node: OrgNode): Promise<void> {
  if (node.parent === null) return;
  const [parent] = await db.select().from(orgNodes).where(and(eq(orgNodes.municipalityId, municipalityId), eq(orgNodes.key, node.parent)));
  if (!parent) throw new StyrkortError('validation', `Överordnad nod "${node.parent}" finns inte`, [{ path: '$.parent', message: 'Okänd nod' }]);
  const all = await db.select({ key: orgNodes.key, parent: orgNodes.parentKey }).from(orgNodes).where(eq(orgNodes.municipalityId, municipalityId));
  const parents = new Map(all.map((row) => [row.key, row.parent]));
  for (let key: string | null | undefined = node.parent; key; key = parents.get(key)) {
    if (key === node.key) throw new StyrkortError('validation', `"${node.key}" kan inte ligga under sig själv`, [{ path: '$.parent', message: 'Cirkel i organisationen' }]);
  }
}

export async function createNode(db: Db, options: { municipalityCode: string; body: unknown; actor: string; reason?: string | null }) {
  const node = parseNode(options.body);
  const [municipality] = await db.select().from(municipalities).where(eq(municipalities.code, options.municipalityCode));
  if (!municipality) throw new StyrkortError('not-found', `Kommunen ${options.municipalityCode} finns inte`);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [existing] = await tx.select().from(orgNodes).where(eq(orgNodes.key, node.key));
    if (existing) throw new StyrkortError('conflict', `Noden "${node.key}" finns redan`);
    await assertParent(tx, municipality.id, node);
    const [row] = await tx.insert(orgNodes).values({ municipalityId: municipality.id, key: node.key, kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null, position: 1000 }).returning();
    await appendAudit(tx, { actor: options.actor, action: 'create', entityType: 'org-node', entityKey: node.key, before: null, after: node, reason: options.reason });
    return { version: row!.version, node: presentNode(row!) };
  });
}

export async function updateNode(db: Db, options: { key: string; body: unknown; ifMatch: number | null; actor: string; reason?: string | null }) {
  const node = parseNode(options.body);
  if (node.key !== options.key) throw new StyrkortError('validation', 'Nyckeln kan inte ändras', [{ path: '$.key', message: `Ska vara "${options.key}"` }]);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await findNode(tx, options.key);
    assertVersion(options.ifMatch, current);
    await assertParent(tx, current.municipalityId, node);
    const before = presentNode(current);
    const values = { kind: node.kind, name: node.name, shortName: node.shortName ?? null, parentKey: node.parent, description: node.description ?? null };
    const [row] = await tx.update(orgNodes).set({ ...values, version: current.version + 1 }).where(eq(orgNodes.id, current.id)).returning();
    for (const field of ['kind', 'name', 'shortName', 'parent', 'description'] as const) {
      if (JSON.stringify(before[field] ?? null) !== JSON.stringify(node[field] ?? null)) {
        await appendAudit(tx, { actor: options.actor, action: 'update', entityType: 'org-node', entityKey: node.key, field, before: before[field] ?? null, after: node[field] ?? null, reason: options.reason });
      }
    }
    return { version: row!.version, node: presentNode(row!) };
  });
}

/** Removes a node that no plan and no other node refers to. */
export async function deleteNode(db: Db, options: { key: string; ifMatch: number | null; actor: string; reason?: string | null }) {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await findNode(tx, options.key);
    assertVersion(options.ifMatch, current);
    const children = await tx.select({ key: orgNodes.key }).from(orgNodes).where(eq(orgNodes.parentKey, options.key));
    const planRows = await tx.select({ key: plans.key, nodeKeys: plans.nodeKeys }).from(plans);
    const usedBy = planRows.filter((plan) => (plan.nodeKeys as string[]).includes(options.key)).map((plan) => plan.key);
    if (children.length || usedBy.length) {
      throw new StyrkortError('conflict', `Noden "${options.key}" används (${[...children.map((c) => `nod ${c.key}`), ...usedBy.map((p) => `plan ${p}`)].join(', ')}) och kan inte tas bort`);
    }
    await tx.delete(orgNodes).where(eq(orgNodes.id, current.id));
    await appendAudit(tx, { actor: options.actor, action: 'delete', entityType: 'org-node', entityKey: options.key, before: presentNode(current), after: null, reason: options.reason });
  });
}

/**
 * The nodes an import would add or change in the shared tree, as the keys a scope check must
 * cover: a changed node and its (new) parent, a new node's parent.
 */
export async function nodesTouchedByImport(db: Db, organisation: unknown): Promise<string[]> {
  if (!Array.isArray(organisation)) return [];
  const stored = new Map((await db.select().from(orgNodes)).map((row) => [row.key, orgNodeOfRow(row)]));
  const touched: string[] = [];
  for (const candidate of organisation) {
    const parsed = OrgNode.safeParse(candidate);
    if (!parsed.success) continue; // validation reports it; nothing is written
    const node = parsed.data;
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
