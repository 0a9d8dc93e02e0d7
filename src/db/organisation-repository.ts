/** Reads of a municipality's organisation tree, for scope checks: read once per request or transaction. */
import type { OrgParents } from '../domain/access.ts';
import type { Queryable } from './connection.ts';
import { listCurrentNodes } from './org-node-repository.ts';

/** The municipality's organisation as it is now, as child → parent. */
export async function loadOrgParents(db: Queryable, municipalityCode: string): Promise<OrgParents> {
  const nodes = await listCurrentNodes(db, municipalityCode);
  return new Map(nodes.map((node) => [node.key, node.current.parentKey]));
}
