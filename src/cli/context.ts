/** What every command shares: where the data is, opening it, printing, and exit codes. */
import { openDatabase, type Database } from '../db/connection.ts';
import { clipText, isStyrkortError, type StyrkortError } from '../domain/errors.ts';

export interface GlobalOptions {
  data?: string;
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

/** The data directory: --data, else STYRKORT_DATA, else ./data. */
export function dataDirOf(options: GlobalOptions): string {
  return options.data ?? process.env.STYRKORT_DATA ?? './data';
}

/** Opens the database a command works on (DATABASE_URL wins over the data directory). */
export function openFor(options: GlobalOptions, purpose: string): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return openDatabase(databaseUrl ? { databaseUrl, purpose } : { dataDir: dataDirOf(options), purpose });
}

/** Runs a command body with an open database and closes it whatever happens. */
export async function withDatabase<T>(options: GlobalOptions, purpose: string, body: (database: Database) => Promise<T>): Promise<T> {
  const database = await openFor(options, purpose);
  try {
    return await body(database);
  } finally {
    await database.close();
  }
}

/** Prints an error the way a user should read it: our message and problems, else the bare message. */
export function printError(error: unknown): void {
  if (isStyrkortError(error)) {
    console.error(`Fel: ${error.message}`);
    for (const problem of (error as StyrkortError).problems) console.error(`  ${problem.path}: ${problem.message}`);
  } else {
    console.error(`Oväntat fel: ${unexpectedMessage(error)}`);
    if (process.env.STYRKORT_DEBUG) console.error(error);
  }
}

/**
 * One short line for an error that is not ours. A failed query's message carries the SQL and its
 * parameters — a whole plan, sometimes (issue 10, defect 6) — so the database's own reason is
 * shown instead, cut to one line; STYRKORT_DEBUG=1 prints everything.
 */
export function unexpectedMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return `${clipText(text.split('\n')[0] ?? '', 300)} (STYRKORT_DEBUG=1 visar detaljerna)`;
}

/** The exit code for an error: usage errors are 2, everything else 1. */
export function exitCodeOf(error: unknown): number {
  return isStyrkortError(error) && error.code === 'usage' ? exitCodes.usage : exitCodes.failure;
}
