/**
 * One error type for everything a user can get wrong or run into, with a stable code and a
 * Swedish message. HTTP and CLI map codes to status and exit code in one table each.
 */
export type ErrorCode =
  | 'validation' // bad input; details list every problem with its path
  | 'not-found'
  | 'conflict' // the thing exists already or collides with another
  | 'frozen' // an adopted plan cannot change
  | 'precondition-required'
  | 'precondition-failed' // stale ETag
  | 'unauthenticated'
  | 'forbidden'
  | 'usage' // wrong command-line usage
  | 'database-locked' // another process holds the embedded database
  | 'database-newer' // the database was written by a newer Styrkort
  | 'not-a-database' // the data directory holds something else
  | 'database-unreachable'
  | 'upstream'; // an outside service (Kolada) did not answer, or answered something unreadable

/** One problem in an input, with the JSON path it concerns. */
export interface Problem {
  path: string;
  message: string;
  code?: string;
}

export class StyrkortError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  /** Extra data for the response, e.g. the current version of what a stale write tried to change. */
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, problems: Problem[] = [], details?: unknown) {
    super(message);
    this.name = 'StyrkortError';
    this.code = code;
    this.problems = problems;
    this.details = details;
  }
}

/** Whether a thrown value is one of ours (and so carries a Swedish message for the user). */
export function isStyrkortError(error: unknown): error is StyrkortError {
  return error instanceof StyrkortError;
}

/** Formats a JSON path array as "$.goals[3].text". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${String(part)}`),
    '$',
  );
}
