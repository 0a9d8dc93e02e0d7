/** What a read must know of a plan before it serves cached bytes, in one indexed query. */
import { eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { municipalities, plans } from './schema.ts';

export interface PlanVersion {
  key: string;
  status: string;
  ownerNodeKey: string;
  /** The plan head's version: the If-Match of head edits and workflow steps. */
  version: number;
  /**
   * The plan's and its municipality's content versions (drizzle/0005 changes them with every
   * write that changes what the plan shows): together they name the plan's content exactly.
   */
  content: { plan: number; shared: number };
}

/** The plan's versions by key (the unique index on plans.key), or null when there is no such plan. */
export async function findPlanVersion(db: Db, key: string): Promise<PlanVersion | null> {
  const [row] = await db
    .select({
      key: plans.key,
      status: plans.status,
      ownerNodeKey: plans.ownerNodeKey,
      version: plans.version,
      plan: plans.contentVersion,
      shared: municipalities.contentVersion,
    })
    .from(plans)
    .innerJoin(municipalities, eq(plans.municipalityId, municipalities.id))
    .where(eq(plans.key, key));
  if (!row) return null;
  const { plan, shared, ...head } = row;
  return { ...head, content: { plan, shared } };
}
