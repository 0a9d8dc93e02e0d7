/** Accounts and sessions (failed-login counters: login-failure-repository.ts). */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { orgNodes, sessions, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUser(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function setPasswordHash(db: Db, username: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.username, username));
}

export async function nodeExists(db: Db, key: string): Promise<boolean> {
  const [row] = await db.select({ key: orgNodes.key }).from(orgNodes).where(eq(orgNodes.key, key));
  return row !== undefined;
}

/** Parent of every org node, for subtree checks. */
export async function nodeParents(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.select({ key: orgNodes.key, parent: orgNodes.parentKey }).from(orgNodes);
  return new Map(rows.map((row) => [row.key, row.parent]));
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, idHash: string, now: Date): Promise<{ user: UserRow; csrfToken: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function deleteSessionsOf(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export { sql };
