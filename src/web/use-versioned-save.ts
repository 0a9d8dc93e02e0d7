/**
 * The one way every editor saves (the README's promise): a write sends the version it read
 * (If-Match); when someone else saved in between, the server answers 412 with the saved version,
 * and both versions are kept as a conflict — mine as it would be on the saved version, the saved
 * one as it is — for the user to choose: keep mine (sent again on the saved version) or take the
 * saved one. Nothing typed is thrown away and nothing saved is overwritten without that choice.
 * Other refusals (400, 403, 409 …) go back to the editor, which says them in its own words.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, type Versioned } from './api.ts';

/** The ETag of a version, as a write sends it in If-Match. */
export const etagOf = (version: number) => `"${version}"`;

/** The saved version a refused write carries (412 with `details.current = { version, item }`), or null. */
export function savedVersionOf<T>(error: unknown): { version: number; item: T } | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.details as { current?: { version?: unknown; item?: unknown } } | undefined)?.current;
  if (!current || typeof current.version !== 'number' || current.item === undefined || current.item === null) return null;
  return { version: current.version, item: current.item as T };
}

/** Two versions of one thing to choose between: mine (on top of the saved version) and the saved one. */
export interface SaveConflict<T> {
  mine: T;
  theirs: T;
  version: number;
  /** The saved version's ETag, which keeping mine sends in If-Match. */
  etag: string;
}

/** How a write ended: saved, a conflict to choose in, or refused for another reason (the error). */
export type SaveOutcome<T> = { kind: 'saved'; saved: Versioned<T> } | { kind: 'conflict'; conflict: SaveConflict<T> } | { kind: 'refused'; error: unknown };

/** What is mine on top of a saved version: my change made again on it. */
export type MineOn<T> = (theirs: T) => T;

export function useVersionedSave<T>() {
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict<T> | null>(null);
  /** The conflict view's heading, focused when a conflict appears. */
  const conflictRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  /** Runs a task (a save, a delete) with the editor busy meanwhile. */
  const run = async <R>(task: () => Promise<R>): Promise<R> => {
    setBusy(true);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  };

  /**
   * One versioned write. A 412 with the saved version becomes the conflict, mine being
   * `mineOn(saved)`; a save ends any conflict.
   */
  const save = (write: () => Promise<Versioned<T>>, mineOn: MineOn<T>): Promise<SaveOutcome<T>> =>
    run(async () => {
      try {
        const saved = await write();
        setConflict(null);
        return { kind: 'saved', saved };
      } catch (error) {
        const current = savedVersionOf<T>(error);
        if (!current) return { kind: 'refused', error };
        const next: SaveConflict<T> = { mine: mineOn(current.item), theirs: current.item, version: current.version, etag: etagOf(current.version) };
        setConflict(next);
        return { kind: 'conflict', conflict: next };
      }
    });

  /**
   * "Behåll mina ändringar": mine written again on the saved version. Should someone have saved
   * once more, the choice comes again with the newest version.
   */
  const keepMine = (write: (conflict: SaveConflict<T>) => Promise<Versioned<T>>, mineOn: MineOn<T>): Promise<SaveOutcome<T>> | null => {
    if (!conflict || busy) return null;
    const current = conflict;
    return save(() => write(current), mineOn);
  };

  /** "Använd den sparade versionen": the conflict ends and the saved version is handed back to show. */
  const takeTheirs = (): SaveConflict<T> | null => {
    const current = conflict;
    setConflict(null);
    return current;
  };

  return { busy, conflict, conflictRef, run, save, keepMine, takeTheirs };
}
