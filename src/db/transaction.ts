/**
 * The one way to write: a transaction on either engine, and the one place where the database's
 * own refusals in a race (a unique key taken meanwhile, a serialisation failure, a deadlock) turn
 * into a 409 with a Swedish message instead of an unexpected 500.
 */
import { StyrkortError } from '../domain/errors.ts';
import type { Queryable, Tx } from './connection.ts';

/** PostgreSQL error codes (SQLSTATE) that mean "someone else got there first". */
const raceCodes: Record<string, string> = {
  '23505': 'Någon annan skapade eller ändrade samma sak samtidigt (nyckeln är redan upptagen). Ingenting har sparats; läs om och försök igen.',
  '23503': 'Någon annan tog bort eller ändrade något som ändringen hänvisar till samtidigt. Ingenting har sparats; läs om och försök igen.',
  '40001': 'Ändringen krockade med en annan ändring som gjordes samtidigt. Ingenting har sparats; försök igen.',
  '40P01': 'Ändringen krockade med en annan ändring som gjordes samtidigt. Ingenting har sparats; försök igen.',
};

/**
 * Runs `body` in one transaction (a savepoint when `db` is already one): everything or nothing.
 * A race the database refused is thrown as StyrkortError('conflict').
 */
export async function inTransaction<T>(db: Queryable, body: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(body);
  } catch (error) {
    throw asStyrkortError(error);
  }
}

/** The SQLSTATE of a database error, through the wrappers the drivers and drizzle put around it. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A race refused by the database as a 409; anything else unchanged. */
export function asStyrkortError(error: unknown): unknown {
  if (error instanceof StyrkortError) return error;
  const code = sqlStateOf(error);
  const message = code ? raceCodes[code] : undefined;
  return message ? new StyrkortError('conflict', message) : error;
}
