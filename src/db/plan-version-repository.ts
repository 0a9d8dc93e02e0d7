/** What a read must know of a plan before it serves cached bytes, in one indexed query. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { municipalities, plans } from './schema.ts';

export interface PlanVersion {
  key: string;
  status: string;
  ownerNodeKey: string;
  /** The plan head's version: the If-Match of head edits and workflow steps. */
  version: number;
  /**
   * The plan's and its municipality's content versions (drizzle/0007 changes them with every
   * write that changes what the plan shows): together they name the plan's content exactly.
   */
  content: { plan: number; shared: number };
}

/** The query, prepared once per database (a named statement on each PostgreSQL connection). */
function prepared(db: Db) {
  return db
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
    .where(eq(plans.key, sql.placeholder('key')))
    .prepare('styrkort_plan_version');
}

const statements = new WeakMap<Db, ReturnType<typeof prepared>>();

/** The plan's versions by key (the unique index on plans.key), or null when there is no such plan. */
export async function findPlanVersion(db: Db, key: string): Promise<PlanVersion | null> {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepared(db);
    statements.set(db, statement);
  }
  const [row] = await statement.execute({ key });
  if (!row) return null;
  const { plan, shared, ...head } = row;
  return { ...head, content: { plan, shared } };
}
