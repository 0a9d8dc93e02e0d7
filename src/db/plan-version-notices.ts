/**
 * Notices of changed plans (drizzle/0024) on the embedded database, which one process owns (its
 * lock file): PGlite hands a notice to its listener in the same turn as the answer to the
 * statement that committed it, before the writer goes on, so a count of notices tells a reader
 * exactly whether anything a plan's read check reads may have changed since it last asked.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';

export const planVersionsChannel = 'styrkort_plan_versions';

export interface PlanVersionNotices {
  /** How many notices have come: a remembered answer holds while this is what it was. */
  readonly count: number;
}

// Keyed by the drizzle database object (connection.ts's Db, which imports this module).
const noticesByDatabase = new WeakMap<object, PlanVersionNotices>();

/** Listens on the embedded database's channel, for reads through `db`. */
export async function listenForPlanVersions(client: PGlite, db: object): Promise<void> {
  const notices = { count: 0 };
  await client.listen(planVersionsChannel, () => {
    notices.count += 1;
  });
  noticesByDatabase.set(db, notices);
}

/** The notices of the database behind `db`, or undefined where reads must ask every time (a PostgreSQL server). */
export function planVersionNotices(db: object): PlanVersionNotices | undefined {
  return noticesByDatabase.get(db);
}

/** Tells readers that plans changed, at the commit of `tx`: for a change no trigger sees (a restore drops the tables first). */
export async function announcePlanVersions(tx: { execute(query: SQL): Promise<unknown> }): Promise<void> {
  await tx.execute(sql`select pg_notify(${planVersionsChannel}, '')`);
}
