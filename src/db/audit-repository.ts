/** The append-only audit trail (the database refuses updates and deletes, see migration 0001). */
import type { Db } from './connection.ts';
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

export async function appendAudit(tx: Db, entry: AuditEntry): Promise<void> {
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
