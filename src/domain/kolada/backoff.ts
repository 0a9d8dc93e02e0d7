/**
 * When to try Kolada again, and when the scheduled sync is due. Pure: the time and the random
 * number come in as arguments.
 */

/**
 * The wait a 429 or 503 asks for in `Retry-After`: seconds ("30") or an HTTP date; null when the
 * header is absent or unreadable (then the back-off decides).
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/**
 * Exponential back-off with jitter for attempt 1, 2, 3 …: half of base·2^(attempt−1) (capped at
 * max) plus a random share of the other half, so many clients do not retry in step.
 */
export function backoffDelay(options: { attempt: number; baseMs: number; maxMs: number; random: number }): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, options.attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * options.random);
}

/** How often the server syncs Kolada by itself (STYRKORT_KOLADA_SYNC); off unless set. */
export type SyncSchedule = 'off' | 'daily' | 'weekly';

const intervals: Record<Exclude<SyncSchedule, 'off'>, number> = { daily: 24 * 3600_000, weekly: 7 * 24 * 3600_000 };

/** Reads the setting; null when it is none of off, daily, weekly. */
export function readSchedule(setting: string | undefined): SyncSchedule | null {
  const value = (setting ?? 'off').trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'av') return 'off';
  if (value === 'daily' || value === 'dagligen') return 'daily';
  if (value === 'weekly' || value === 'veckovis') return 'weekly';
  return null;
}

/** After a failed sync, the schedule tries again this much later (not a whole day). */
const RETRY_AFTER_FAILURE = 3600_000;

/**
 * When the next scheduled sync is due: one interval after the last sync that went well, but not
 * sooner than an hour after the last attempt; now when none has run; null when the schedule is off.
 */
export function nextSyncDue(schedule: SyncSchedule, last: { okAt: Date | null; attemptAt: Date | null }, now: Date): Date | null {
  if (schedule === 'off') return null;
  const afterOk = last.okAt ? last.okAt.getTime() + intervals[schedule] : now.getTime();
  const afterAttempt = last.attemptAt ? last.attemptAt.getTime() + RETRY_AFTER_FAILURE : now.getTime();
  return new Date(Math.max(afterOk, afterAttempt));
}

/** Whether a scheduled sync should start now. */
export function isSyncDue(schedule: SyncSchedule, last: { okAt: Date | null; attemptAt: Date | null }, now: Date): boolean {
  const due = nextSyncDue(schedule, last, now);
  return due !== null && due.getTime() <= now.getTime();
}
