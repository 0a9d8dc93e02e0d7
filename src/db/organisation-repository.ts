/** Reads of a municipality's organisation tree, for scope checks: read once per request or transaction. */
import { eq } from 'drizzle-orm';
import type { OrgParents } from '../domain/access.ts';
import type { Queryable } from './connection.ts';
import { municipalities, orgNodes } from './schema.ts';

/** The municipality's organisation as child → parent (its current shape). */
export async function loadOrgParents(db: Queryable, municipalityCode: string): Promise<OrgParents> {
  const rows = await db
    .select({ key: orgNodes.key, parent: orgNodes.parentKey })
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .where(eq(municipalities.code, municipalityCode));
  return new Map(rows.map((row) => [row.key, row.parent]));
}
