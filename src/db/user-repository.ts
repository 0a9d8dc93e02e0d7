/** Accounts and sessions (failed-login counters: login-failure-repository.ts). */
import { and, asc, eq, getTableColumns, gt, lt, sql } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { municipalities, orgNodes, sessions, users } from './schema.ts';

/** An account with the code of the municipality it works in (null: every municipality). */
export type UserRow = typeof users.$inferSelect & { municipalityCode: string | null };

const userColumns = { ...getTableColumns(users), municipalityCode: municipalities.code };

export async function findUser(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).leftJoin(municipalities, eq(users.municipalityId, municipalities.id)).where(eq(users.username, username));
  return row ?? null;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select(userColumns).from(users).leftJoin(municipalities, eq(users.municipalityId, municipalities.id)).orderBy(asc(users.username));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning({ username: users.username });
  return (await findUser(db, row!.username))!;
}

export async function setPasswordHash(db: Db, username: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.username, username));
}

/** The municipalities that have an organisation node with this key (keys are per municipality). */
export async function municipalitiesWithNode(db: Db, key: string): Promise<Array<{ id: number; code: string }>> {
  return db
    .select({ id: municipalities.id, code: municipalities.code })
    .from(orgNodes)
    .innerJoin(municipalities, eq(orgNodes.municipalityId, municipalities.id))
    .where(eq(orgNodes.key, key))
    .orderBy(asc(municipalities.code));
}

/** A municipality by its code (kommunkod), or null. */
export async function findMunicipality(db: Db, code: string): Promise<{ id: number; code: string } | null> {
  const [row] = await db.select({ id: municipalities.id, code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code));
  return row ?? null;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Db, idHash: string, now: Date): Promise<{ user: UserRow; csrfToken: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ user: userColumns, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .leftJoin(municipalities, eq(users.municipalityId, municipalities.id))
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
