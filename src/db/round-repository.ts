/**
 * The SQL of follow-up rounds: rounds, their assignments and what each unit wrote, snapshots of
 * adopted rounds, notices, the reminder log and mail addresses. Writes run inside the service's
 * transaction; `lock…` reads take the row lock a versioned change needs.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { followUpRounds, mailAddresses, roundAssignments, roundContributions, roundMessages, roundNotices, roundSnapshots } from './round-schema.ts';

export type RoundRow = typeof followUpRounds.$inferSelect;
export type AssignmentRow = typeof roundAssignments.$inferSelect;
export type ContributionRow = typeof roundContributions.$inferSelect;
export type NoticeRow = typeof roundNotices.$inferSelect;
export type MessageRow = typeof roundMessages.$inferSelect;

export async function insertRound(tx: Db, values: typeof followUpRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await tx.insert(followUpRounds).values(values).returning();
  return row!;
}

export async function findRound(db: Db, planKey: string, period: string): Promise<RoundRow | null> {
  const [row] = await db.select().from(followUpRounds).where(and(eq(followUpRounds.planKey, planKey), eq(followUpRounds.period, period)));
  return row ?? null;
}

export async function lockRound(tx: Db, planKey: string, period: string): Promise<RoundRow | null> {
  const [row] = await tx.select().from(followUpRounds).where(and(eq(followUpRounds.planKey, planKey), eq(followUpRounds.period, period))).for('update');
  return row ?? null;
}

/** A plan's rounds, latest opened first; every round when no plan is named. */
export async function listRounds(db: Db, planKey?: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(followUpRounds)
    .where(planKey ? eq(followUpRounds.planKey, planKey) : undefined)
    .orderBy(desc(followUpRounds.openedAt), desc(followUpRounds.id));
}

export async function listOpenRounds(db: Db): Promise<RoundRow[]> {
  return db.select().from(followUpRounds).where(eq(followUpRounds.status, 'open')).orderBy(asc(followUpRounds.id));
}

export async function updateRound(tx: Db, id: number, values: Partial<typeof followUpRounds.$inferInsert>): Promise<void> {
  await tx.update(followUpRounds).set(values).where(eq(followUpRounds.id, id));
}

export async function insertAssignments(tx: Db, values: Array<typeof roundAssignments.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(roundAssignments).values(values);
}

/** The assignments of rounds, by node order of insertion. */
export async function listAssignments(db: Db, roundIds: number[]): Promise<AssignmentRow[]> {
  if (roundIds.length === 0) return [];
  return db.select().from(roundAssignments).where(inArray(roundAssignments.roundId, roundIds)).orderBy(asc(roundAssignments.id));
}

export async function listAssignmentsOf(db: Db, username: string): Promise<AssignmentRow[]> {
  return db.select().from(roundAssignments).where(eq(roundAssignments.responsible, username)).orderBy(asc(roundAssignments.id));
}

export async function lockAssignment(tx: Db, roundId: number, nodeKey: string): Promise<AssignmentRow | null> {
  const [row] = await tx.select().from(roundAssignments).where(and(eq(roundAssignments.roundId, roundId), eq(roundAssignments.nodeKey, nodeKey))).for('update');
  return row ?? null;
}

export async function findAssignment(db: Db, roundId: number, nodeKey: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(roundAssignments).where(and(eq(roundAssignments.roundId, roundId), eq(roundAssignments.nodeKey, nodeKey)));
  return row ?? null;
}

export async function updateAssignment(tx: Db, id: number, values: Partial<typeof roundAssignments.$inferInsert>): Promise<void> {
  await tx.update(roundAssignments).set(values).where(eq(roundAssignments.id, id));
}

/** What was written in assignments. */
export async function listContributions(db: Db, assignmentIds: number[]): Promise<ContributionRow[]> {
  if (assignmentIds.length === 0) return [];
  return db.select().from(roundContributions).where(inArray(roundContributions.assignmentId, assignmentIds)).orderBy(asc(roundContributions.id));
}

export async function lockContribution(tx: Db, assignmentId: number, itemKey: string): Promise<ContributionRow | null> {
  const [row] = await tx.select().from(roundContributions).where(and(eq(roundContributions.assignmentId, assignmentId), eq(roundContributions.itemKey, itemKey))).for('update');
  return row ?? null;
}

export async function insertContribution(tx: Db, values: typeof roundContributions.$inferInsert): Promise<ContributionRow> {
  const [row] = await tx.insert(roundContributions).values(values).returning();
  return row!;
}

export async function updateContribution(tx: Db, id: number, values: Partial<typeof roundContributions.$inferInsert>): Promise<ContributionRow> {
  const [row] = await tx.update(roundContributions).set(values).where(eq(roundContributions.id, id)).returning();
  return row!;
}

export async function insertRoundSnapshot(tx: Db, values: typeof roundSnapshots.$inferInsert): Promise<void> {
  await tx.insert(roundSnapshots).values(values);
}

export async function latestRoundSnapshot(db: Db, roundId: number) {
  const [row] = await db.select().from(roundSnapshots).where(eq(roundSnapshots.roundId, roundId)).orderBy(desc(roundSnapshots.id)).limit(1);
  return row ?? null;
}

export async function insertNotices(tx: Db, values: Array<typeof roundNotices.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(roundNotices).values(values);
}

/** An account's notices, newest first. */
export async function listNotices(db: Db, username: string, limit: number): Promise<NoticeRow[]> {
  return db.select().from(roundNotices).where(eq(roundNotices.username, username)).orderBy(desc(roundNotices.id)).limit(limit);
}

/** Marks an account's notice read; false when it has no such unread notice. */
export async function markNoticeRead(tx: Db, options: { username: string; id: number; at: Date }): Promise<boolean> {
  const rows = await tx
    .update(roundNotices)
    .set({ readAt: options.at })
    .where(and(eq(roundNotices.id, options.id), eq(roundNotices.username, options.username), isNull(roundNotices.readAt)))
    .returning({ id: roundNotices.id });
  return rows.length > 0;
}

export async function listMessages(db: Db, roundId: number): Promise<MessageRow[]> {
  return db.select().from(roundMessages).where(eq(roundMessages.roundId, roundId)).orderBy(asc(roundMessages.id));
}

/** Logs a message as due; null when it was logged already (another process got there first). */
export async function claimMessage(tx: Db, values: typeof roundMessages.$inferInsert): Promise<MessageRow | null> {
  const [row] = await tx.insert(roundMessages).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function recordMailing(db: Db, id: number, outcome: { mailedAt: Date | null; mailError: string | null }): Promise<void> {
  await db.update(roundMessages).set(outcome).where(eq(roundMessages.id, id));
}

export async function findMailAddresses(db: Db, usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db.select().from(mailAddresses).where(inArray(mailAddresses.username, usernames));
  return new Map(rows.map((row) => [row.username, row.address]));
}

export async function upsertMailAddress(tx: Db, values: { username: string; address: string; updatedBy: string; updatedAt: Date }): Promise<void> {
  await tx
    .insert(mailAddresses)
    .values(values)
    .onConflictDoUpdate({ target: mailAddresses.username, set: { address: values.address, updatedBy: values.updatedBy, updatedAt: values.updatedAt } });
}

export async function deleteMailAddress(tx: Db, username: string): Promise<void> {
  await tx.delete(mailAddresses).where(eq(mailAddresses.username, username));
}
