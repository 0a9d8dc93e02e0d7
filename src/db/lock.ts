/**
 * The embedded database belongs to one process at a time. A lock file holds the owner's pid and
 * purpose; a lock left by a process that no longer runs is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';

export interface Lock {
  release(): void;
}

interface LockContent {
  pid: number;
  purpose: string;
  since: string;
}

/** Takes the lock at `path` or throws a clear 'database-locked' error naming the holder. */
export function acquireLock(path: string, purpose: string): Lock {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const content: LockContent = { pid: process.pid, purpose, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(content));
      closeSync(fd);
      return { release: () => releaseLock(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isRunning(holder.pid)) {
        throw new StyrkortError(
          'database-locked',
          `Datakatalogen används redan av en annan process (${holder.purpose}, pid ${holder.pid}, sedan ${holder.since}). ` +
            'Den inbäddade databasen kan bara användas av en process i taget; stoppa den andra processen eller använd en PostgreSQL-server (DATABASE_URL). Ingenting har ändrats.',
        );
      }
      // A stale lock from a process that is gone (or our own): remove it and try once more.
      unlinkSafe(path);
    }
  }
  throw new StyrkortError('database-locked', 'Kunde inte låsa datakatalogen. Ingenting har ändrats.');
}

function readHolder(path: string): LockContent | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

/** Whether a process with this id exists (one of another user's counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid === process.pid) unlinkSafe(path);
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
