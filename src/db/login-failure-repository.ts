/** Failed-login counters per account and source address (the rule is domain/login-backoff.ts). */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { FailureRecord } from '../domain/login-backoff.ts';
import type { Db } from './connection.ts';
import { loginFailures } from './schema.ts';

/** Every source's counter for an account. */
export async function findFailures(db: Db, username: string): Promise<Array<FailureRecord & { source: string }>> {
  return db
    .select({ source: loginFailures.source, failures: loginFailures.failures, lastFailureAt: loginFailures.lastFailureAt, lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(eq(loginFailures.username, username));
}

/**
 * Writes a source's counter only if it is still `expected` (null: not there yet), so that two
 * attempts at the same moment cannot both be counted as the first. False when someone came first.
 */
export async function replaceFailure(db: Db, username: string, source: string, expected: FailureRecord | null, next: FailureRecord): Promise<boolean> {
  const values = { failures: next.failures, lastFailureAt: next.lastFailureAt, lockedUntil: next.lockedUntil };
  if (expected === null) {
    const inserted = await db.insert(loginFailures).values({ username, source, ...values }).onConflictDoNothing().returning({ source: loginFailures.source });
    return inserted.length === 1;
  }
  const same = and(
    eq(loginFailures.username, username),
    eq(loginFailures.source, source),
    eq(loginFailures.failures, expected.failures),
    expected.lastFailureAt ? eq(loginFailures.lastFailureAt, expected.lastFailureAt) : isNull(loginFailures.lastFailureAt),
  );
  const updated = await db.update(loginFailures).set(values).where(same).returning({ source: loginFailures.source });
  return updated.length === 1;
}

export async function clearFailures(db: Db, username: string, source: string): Promise<void> {
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.source, source)));
}

/** Forgets counters with no failure since `before` (they have decayed to nothing by then). */
export async function deleteStaleFailures(db: Db, before: Date): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.lastFailureAt, before));
}
