/** What a read must know of a plan before it serves cached bytes, in one indexed query. */
import { eq, sql } from 'drizzle-orm';
import { rows } from './migrate.ts';
import type { Db, Queryable } from './connection.ts';
import { announcePlanVersions } from './plan-version-notices.ts';
import { municipalities, plans } from './schema.ts';

export interface PlanVersion {
  key: string;
  /** The plan's municipality (kommunkod): reading a draft is decided within it. */
  municipalityCode: string;
  status: string;
  ownerNodeKey: string;
  /** The plan head's version: the If-Match of head edits and workflow steps. */
  version: number;
  /**
   * The plan's and its municipality's content versions (drizzle/0017 changes them with every
   * write that changes what the plan shows): together they name the plan's content exactly.
   */
  content: { plan: number; shared: number };
}

/** The query, prepared once per database (a named statement on each PostgreSQL connection). */
function prepared(db: Db) {
  return db
    .select({
      key: plans.key,
      municipalityCode: municipalities.code,
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

/** For the rest of the transaction, rows are written with the content versions they carry (a restore). */
export async function keepContentVersions(tx: Queryable): Promise<void> {
  await tx.execute(sql`select set_config('styrkort.restoring', 'on', true)`);
}

/**
 * The last content version this database handed out, or null when it never handed one out (a new
 * database): read before a restore replaces everything.
 */
export async function lastContentVersion(tx: Queryable): Promise<number | null> {
  const [found] = await rows<{ exists: string | null }>(tx, sql`select to_regclass('public.content_version')::text as exists`);
  if (!found?.exists) return null;
  const [row] = await rows<{ last: string; used: boolean }>(tx, sql`select last_value::text as last, is_called as used from content_version`);
  return row?.used ? Number(row.last) : null;
}

/**
 * Sets the content versions going on after a restore. The sequence moves past every restored
 * number, so no later change repeats one. When this database handed out numbers before (`before`),
 * the restored ones came from another database and may repeat those, which server caches and
 * browsers may still hold for other content: then every plan and municipality gets a new number.
 */
export async function continueContentVersions(tx: Queryable, before: number | null): Promise<void> {
  await announcePlanVersions(tx);
  await tx.execute(sql`select setval('content_version', greatest(${before ?? 1}::bigint, (select coalesce(max(content_version), 0) from plans), (select coalesce(max(content_version), 0) from municipalities), 1))`);
  if (before === null) return;
  await tx.execute(sql`update municipalities set content_version = nextval('content_version')`);
  await tx.execute(sql`update plans set content_version = nextval('content_version')`);
}
