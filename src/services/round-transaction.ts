/** One transaction for a round's use case, handed on as the same `Db` the repositories take. */
import type { Db } from '../db/connection.ts';

/** Runs `body` in a transaction: everything it writes lands together, or nothing does. */
export function inRoundTransaction<T>(db: Db, body: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => body(tx));
}
