/** The append-only audit trail (the database refuses updates and deletes, see migration 0001). */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from './connection.ts';
import { auditEvents } from './schema.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityKey: string;
  planKey?: string | null;
  field?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Appends one event; run it in the transaction of the change it records. */
export async function appendAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityKey: entry.entityKey,
    planKey: entry.planKey ?? null,
    field: entry.field ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}

export interface AuditQuery {
  planKey?: string;
  entityType?: string;
  entityKey?: string;
  actor?: string;
  limit: number;
  offset: number;
}

/** Audit events, newest first, filtered by plan, entity and/or actor. */
export async function queryAudit(db: Queryable, query: AuditQuery) {
  const conditions = [
    query.planKey ? eq(auditEvents.planKey, query.planKey) : undefined,
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityKey ? eq(auditEvents.entityKey, query.entityKey) : undefined,
    query.actor ? eq(auditEvents.actor, query.actor) : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(query.limit)
    .offset(query.offset);
}

/** One audit event by its id, or null. */
export async function findAuditEvent(db: Queryable, id: number) {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
  return row ?? null;
}
