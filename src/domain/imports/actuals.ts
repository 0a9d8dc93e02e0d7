/**
 * Volume and indicator actuals read from a file (issue 14, point 2) as cell writes into a plan:
 * each measure the file names is found among the plan's volume rows (by row key, measure key or
 * label) and indicators (by key, number or name); a name that fits rows of several tables is
 * decided by the period (the table that has a column of that period or year); a period must be one
 * the plan follows up. Whatever cannot be placed is a problem with its line, column, value and
 * reason — the file is then refused whole. Pure.
 */
import { formatAmount } from '../format.ts';
import type { Figure } from '../figure.ts';
import { comparePeriods, isPeriod, yearOf, type Period } from '../period.ts';
import type { PlanFile } from '../plan.ts';
import type { CellWrite } from './cells.ts';
import { followUpYears, periodOutsidePlan } from './follow-up-periods.ts';

/** An actual as a reader gives it (src/imports/volumes). */
export interface ActualInput {
  line: number;
  measure: string;
  period: Period;
  figure: Figure;
  breakdown: string | null;
}

/** A fault of the file, as the import report lists it. */
export interface ActualProblem {
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Where a measure name can land: a volume row of a table, or an indicator. */
export type MeasureTarget =
  | { kind: 'volume'; table: string; row: string; label: string; periods: ReadonlySet<string>; years: ReadonlySet<number> }
  | { kind: 'indicator'; key: string; label: string };

/** The plan's measures by every name a file may use for them (normalised). */
export function measureIndex(plan: PlanFile): Map<string, MeasureTarget[]> {
  const index = new Map<string, MeasureTarget[]>();
  const add = (name: string | undefined, target: MeasureTarget): void => {
    if (name === undefined || name.trim() === '') return;
    const key = normaliseName(name);
    const list = index.get(key) ?? [];
    if (!list.includes(target)) list.push(target);
    index.set(key, list);
  };
  for (const table of plan.volumeTables) {
    const periods = new Set(table.columns.filter((column) => column.kind === 'actual' && column.period !== undefined).map((column) => column.period!));
    const years = new Set(table.columns.flatMap((column) => (column.period !== undefined && isPeriod(column.period) ? [yearOf(column.period)] : [])));
    for (const row of table.rows) {
      const target: MeasureTarget = { kind: 'volume', table: table.key, row: row.key, label: row.label, periods, years };
      add(row.key, target);
      add(row.measure, target);
      add(row.label, target);
    }
  }
  for (const indicator of plan.indicators) {
    const target: MeasureTarget = { kind: 'indicator', key: indicator.key, label: indicator.name };
    add(indicator.key, target);
    add(indicator.number, target);
    add(indicator.name, target);
    add(`${indicator.number} ${indicator.name}`, target);
  }
  return index;
}

/** A name as compared: lower case, every run of spaces one space. */
export function normaliseName(text: string): string {
  return text.replace(/[\u00a0\u202f\s]+/g, ' ').trim().toLowerCase();
}

/** Of several rows a name fits, the one whose table holds the period (or its year); null when that does not decide. */
function byPeriod(candidates: MeasureTarget[], period: Period): MeasureTarget | null {
  const volumes = candidates.filter((target) => target.kind === 'volume');
  if (volumes.length !== candidates.length) return null;
  const exact = volumes.filter((target) => target.periods.has(period));
  if (exact.length === 1) return exact[0]!;
  const sameYear = volumes.filter((target) => target.years.has(yearOf(period)));
  return sameYear.length === 1 ? sameYear[0]! : null;
}

/** The text a figure is stored as: a plain number as Swedish tables print it ("5,3", "1 234"), anything else as read. */
export function storedText(figure: Figure): string {
  if (figure.form === 'number' && figure.value !== null) return formatAmount(figure.value) + (figure.percent ? ' %' : '');
  return figure.text.trim();
}

export interface PlacedActuals {
  writes: CellWrite[];
  problems: ActualProblem[];
  /** Periods of the file, in order. */
  periods: Period[];
}

/**
 * Places a file's actuals in the plan, one at a time as the file is read (memory grows with the
 * plan's cells, not with the file). An empty cell of the file writes nothing; "-" is an explicit
 * missing value and is written as such. The same cell twice with the same text is one write; with
 * different texts a problem.
 */
export class ActualsPlacer {
  private readonly index: Map<string, MeasureTarget[]>;
  private readonly years: Set<number>;
  private readonly problems: ActualProblem[] = [];
  private readonly unknown = new Map<string, { line: number; count: number }>();
  private readonly written = new Map<string, { write: CellWrite; line: number }>();
  private readonly periods = new Set<Period>();

  constructor(private readonly plan: PlanFile) {
    this.index = measureIndex(plan);
    this.years = new Set(followUpYears(plan));
  }

  /** Places one actual, or notes why it cannot be placed. */
  add(actual: ActualInput): void {
    if (actual.figure.form === 'missing' && actual.figure.text.trim() === '') return;
    const candidates = this.index.get(normaliseName(actual.measure)) ?? [];
    if (candidates.length === 0) return this.noteUnknown(actual);
    const target = candidates.length === 1 ? candidates[0]! : byPeriod(candidates, actual.period);
    if (target === null) {
      const names = candidates.map((c) => (c.kind === 'volume' ? `"${c.label}" i tabellen ${c.table}` : `styrtalet "${c.label}"`)).join(', ');
      return this.fault(actual, 'mått', actual.measure, `Måttet passar flera rader: ${names}. Ange radens nyckel.`);
    }
    if (actual.breakdown !== null) {
      return this.fault(actual, 'uppdelning', actual.breakdown, 'Planens rader har ingen uppdelning (kvinnor, män, regi …); läs in värdet utan uppdelning.');
    }
    const outside = periodOutsidePlan(this.years, this.plan, actual.period);
    if (outside !== null) return this.fault(actual, 'period', actual.period, outside);
    const text = storedText(actual.figure);
    const write: CellWrite =
      target.kind === 'volume'
        ? { itemType: 'volume-table', itemKey: target.table, rowKey: target.row, period: actual.period, text }
        : { itemType: 'indicator', itemKey: target.key, rowKey: 'actual', period: actual.period, text };
    const id = `${write.itemType}|${write.itemKey}|${write.rowKey}|${write.period}`;
    const earlier = this.written.get(id);
    if (earlier !== undefined && earlier.write.text !== write.text) {
      return this.fault(actual, 'värde', actual.figure.text, `Samma mått och period står redan på rad ${earlier.line} med värdet "${earlier.write.text}".`);
    }
    this.written.set(id, { write, line: actual.line });
    this.periods.add(actual.period);
  }

  /** The writes and the problems, in the order of the file. */
  result(): PlacedActuals {
    const problems = [...this.problems];
    for (const [name, { line, count }] of this.unknown) {
      const rows = count === 1 ? '' : ` (${count} rader)`;
      problems.push({ line, column: 'mått', value: name, reason: `Måttet finns inte i planen: inget volymmått eller styrtal har den nyckeln, det numret eller namnet${rows}.` });
    }
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { writes: [...this.written.values()].map((entry) => entry.write), problems, periods: [...this.periods].sort(comparePeriods) };
  }

  private fault(actual: ActualInput, column: string, value: string, reason: string): void {
    // A bad file may hold a million faults; the report lists the first hundred and counts the rest (the count is kept by the caller).
    if (this.problems.length < 1000) this.problems.push({ line: actual.line, column, value, reason });
    this.faults++;
  }

  private noteUnknown(actual: ActualInput): void {
    const entry = this.unknown.get(actual.measure);
    if (entry !== undefined) return void entry.count++;
    if (this.unknown.size < 1000) this.unknown.set(actual.measure, { line: actual.line, count: 1 });
    this.faults++; // one problem per unknown name, with its count of rows
  }

  /** Every problem, also those beyond what is kept. */
  faults = 0;
}

/** Places every actual of a file at once (tests, small files). */
export function placeActuals(plan: PlanFile, actuals: Iterable<ActualInput>): PlacedActuals {
  const placer = new ActualsPlacer(plan);
  for (const actual of actuals) placer.add(actual);
  return placer.result();
}
