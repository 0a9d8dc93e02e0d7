/**
 * Progress of imports under way, for the web page's indicator: the page names a token in the
 * X-Import-Token header of its upload and polls GET /api/imports/progress/{token}. Kept in this
 * process's memory (one server), for the account that started it, and forgotten a minute after
 * the import ends; at most 1 000 at a time.
 */
import type { ImportProgress } from '../services/import-actuals-service.ts';

interface Entry {
  owner: string;
  progress: ImportProgress;
  endedAt: number | null;
}

const entries = new Map<string, Entry>();
const LIMIT = 1000;
const KEEP_MS = 60_000;

/** Starts following an import; returns the callback the import reports to. */
export function followProgress(token: string | undefined, owner: string): { report(progress: ImportProgress): void; end(): void } {
  if (token === undefined || !/^[A-Za-z0-9_-]{8,64}$/.test(token)) return { report: () => undefined, end: () => undefined };
  sweep();
  if (entries.size >= LIMIT) return { report: () => undefined, end: () => undefined };
  const entry: Entry = { owner, progress: { bytes: 0, rows: 0, phase: 'reading' }, endedAt: null };
  entries.set(token, entry);
  return {
    report(progress) {
      entry.progress = { ...progress };
    },
    end() {
      entry.endedAt = Date.now();
    },
  };
}

/** The progress of an import the owner started, or null. */
export function progressOf(token: string, owner: string): ImportProgress | null {
  const entry = entries.get(token);
  return entry !== undefined && entry.owner === owner ? entry.progress : null;
}

function sweep(): void {
  const now = Date.now();
  for (const [token, entry] of entries) if (entry.endedAt !== null && now - entry.endedAt > KEEP_MS) entries.delete(token);
}
