/**
 * The error report of every reader: a bad file stops the import with a list of what is wrong
 * (row, column, value, reason in Swedish; the first 100 and the count), and nothing of the file is
 * used. Readers collect problems while they read on, so that one run shows the user every fault,
 * and throw the report when the file ends (or at once, when reading on makes no sense).
 */
import { StyrkortError, type Problem } from '../domain/errors.ts';

/** One fault in an imported file. */
export interface ImportProblem {
  /** Row (table) or line (text file), counted from 1; null when it concerns the whole file. */
  line: number | null;
  /** Column header, or the field of a SIE record ("belopp"). */
  column: string | null;
  /** The SIE record ("#TRANS"), when the file is a SIE file. */
  record?: string;
  /** The value as read, shortened to 80 characters. */
  value: string | null;
  /** Why it cannot be read, in Swedish. */
  reason: string;
}

/** How many problems a report lists; the rest are counted. */
export const REPORT_LIMIT = 100;

/** What the report carries for the API and the web app: the listed problems and the true count. */
export interface ImportReport {
  problems: ImportProblem[];
  count: number;
}

/** Collects problems up to the report limit and counts them all. */
export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  count = 0;

  /** `fileLabel` names the file in the report's message ("SIE-filen", "CSV-filen"). */
  constructor(readonly fileLabel = 'Filen') {}

  /** Records a problem. */
  add(problem: { line: number | null; column?: string | null; record?: string; value?: string | null; reason: string }): void {
    this.count++;
    if (this.problems.length >= REPORT_LIMIT) return;
    const entry: ImportProblem = {
      line: problem.line,
      column: problem.column ?? null,
      value: problem.value === undefined || problem.value === null ? null : shorten(problem.value),
      reason: problem.reason,
    };
    if (problem.record !== undefined) entry.record = problem.record;
    this.problems.push(entry);
  }

  /** Whether anything has gone wrong. */
  hasProblems(): boolean {
    return this.count > 0;
  }

  /** Throws the report when there is anything in it. */
  throwIfAny(): void {
    if (this.count > 0) throw importError(this);
  }

  /** Adds a problem that makes further reading pointless and throws the report at once. */
  fail(problem: { line: number | null; column?: string | null; record?: string; value?: string | null; reason: string }): never {
    this.add(problem);
    throw importError(this);
  }
}

/** The StyrkortError of a report: code 'validation', a Swedish summary, one problem per fault. */
export function importError(collector: ProblemCollector): StyrkortError {
  const { count, problems, fileLabel } = collector;
  const shown = count > problems.length ? `; de första ${problems.length} visas` : '';
  const message = `${fileLabel} kunde inte läsas in: ${count} fel${shown}. Ingenting har lästs in.`;
  const report: ImportReport = { problems: [...problems], count };
  return new StyrkortError('validation', message, problems.map(toProblem), report);
}

/** A report problem as the general Problem the CLI and HTTP print: "rad 12, kolumn Belopp: …". */
export function toProblem(problem: ImportProblem): Problem {
  const where = [
    problem.line === null ? 'filen' : `rad ${problem.line}`,
    problem.record,
    problem.column === null ? undefined : problem.record === undefined ? `kolumn ${problem.column}` : `fält ${problem.column}`,
  ].filter((part) => part !== undefined);
  const value = problem.value === null ? '' : ` (värde: "${problem.value}")`;
  return { path: where.join(', '), message: problem.reason + value, code: 'import' };
}

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}
