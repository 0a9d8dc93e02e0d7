/** Reading the audit trail (it has no update or delete path): as data and as CSV. */
import type { Db } from '../db/connection.ts';
import { queryAudit, type AuditQuery } from '../db/audit-repository.ts';

export type AuditEventView = Awaited<ReturnType<typeof queryAudit>>[number];

export async function findAuditEvents(db: Db, query: AuditQuery): Promise<AuditEventView[]> {
  return queryAudit(db, query);
}

const columns = ['id', 'at', 'actor', 'action', 'planKey', 'entityType', 'entityKey', 'field', 'before', 'after', 'reason'] as const;
const headings = ['id', 'tidpunkt', 'vem', 'händelse', 'plan', 'typ', 'nyckel', 'fält', 'före', 'efter', 'anledning'];

/**
 * A cell that a spreadsheet reads as text, never as a formula (issue 10, defect 10): text that
 * starts with = + - @, a tab or a carriage return (or the full-width = + - @ some spreadsheets
 * also accept) gets a leading apostrophe, as OWASP's "CSV injection" advice says; then RFC 4180
 * quoting.
 */
export function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  const text = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;\t']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a byte-order mark, so Excel opens åäö correctly. */
export function auditCsv(events: AuditEventView[]): string {
  const lines = [headings.join(','), ...events.map((event) => columns.map((column) => csvCell(event[column])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
