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
    super(clipText(message, maxMessageLength));
    this.name = 'StyrkortError';
    this.code = code;
    this.problems = capProblems(problems);
    this.details = details;
  }
}

/** Longest message or problem text shown: a refusal names what is wrong, it never echoes a plan. */
export const maxMessageLength = 500;
/** Most problems listed in one refusal; the rest are counted in a last line. */
export const maxListedProblems = 100;

/** A text cut to `max` characters, with "…" when cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The first 100 problems, each clipped, and a last one that counts the rest (issue 10, defect 14:
 * a refusal of a 20 MB file must not be a 20 MB message). `total` is the real count when the
 * caller stopped collecting early.
 */
export function capProblems(problems: Problem[], total = problems.length): Problem[] {
  if (problems.length <= maxListedProblems && total === problems.length && problems.every((p) => p.message.length <= maxMessageLength && p.path.length <= maxMessageLength)) return problems;
  const listed = problems.slice(0, maxListedProblems).map((p) => ({ ...p, path: clipText(p.path, maxMessageLength), message: clipText(p.message, maxMessageLength) }));
  if (total > listed.length) listed.push({ path: '$', message: `… och ${total - listed.length} fel till (de första ${listed.length} visas)`, code: 'more' });
  return listed;
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
