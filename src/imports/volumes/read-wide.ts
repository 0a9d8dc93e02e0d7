/**
 * Volume and indicator actuals in the wide layout municipalities keep in Excel, as the seeds'
 * volume tables print them: measures as rows, periods as columns ("Utfall jan" … "Utfall dec",
 * "aug 2017", "2017-08"). The first column holds the measure unless named; a breakdown column may
 * be named. Each further header is a period, optionally after a kind word: "Utfall", "Bokslut"
 * and "Redovisat" are actuals and are read; "Plan", "Budget", "Prognos" and "Mål" columns are not
 * actuals and are passed over, listed in `skipped`. A month without a year takes the `year` given.
 * Any other header stops the reading unless it is named in `ignoreColumns` (then it is listed as
 * skipped) — no column is left out silently.
 */
import type { Period } from '../../domain/period.ts';
import { parsePeriodText, periodReason } from '../period-input.ts';
import { reading, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { readFigure, type DecimalMark } from '../table/cells.ts';
import { normaliseHeader } from '../table/columns.ts';
import { cellText, type TableInfo, type TableRow } from '../table/table.ts';
import type { VolumeReadInfo } from './read-long.ts';
import type { SkippedColumn, VolumeActual } from './volume-actual.ts';

export interface WideVolumeOptions {
  /** The header of the measure column; the first column by default. */
  measureColumn?: string;
  breakdownColumn?: string;
  /** The year of month headers without one ("Utfall jan"). */
  year?: number;
  /** Headers that are neither measure nor period and are to be passed over ("Enhet", "Kommentar"). */
  ignoreColumns?: string[];
  decimal?: DecimalMark;
  fileLabel?: string;
}

export interface WideVolumeInfo extends VolumeReadInfo {
  skipped: SkippedColumn[];
}

const ACTUAL_WORDS = ['utfall', 'bokslut', 'redovisat', 'redovisning', 'actual'];
const OTHER_WORDS: Record<string, string> = {
  plan: 'en plan, inte ett utfall',
  budget: 'en budget, inte ett utfall',
  prognos: 'en prognos, inte ett utfall',
  mål: 'ett mål, inte ett utfall',
  målvärde: 'ett mål, inte ett utfall',
};

/** What a column header says: a period of actuals, a column of another kind, or nothing known. */
export function readColumnHeader(text: string, year?: number): { period: Period } | { skip: string } | { reason: string } {
  const normal = normaliseHeader(text);
  const [first = '', ...rest] = normal.split(' ');
  const word = first.replace(/[:.]$/, '');
  const periodText = rest.join(' ');
  if (OTHER_WORDS[word] !== undefined) return { skip: `Kolumnen är ${OTHER_WORDS[word]}.` };
  const candidate = ACTUAL_WORDS.includes(word) ? periodText : normal;
  const period = parsePeriodText(candidate, year === undefined ? {} : { year });
  if (period !== null) return { period };
  if (parsePeriodText(candidate, { year: 2000 }) !== null) return { reason: periodReason(candidate) };
  return { reason: 'Rubriken är ingen period; skriv t.ex. "Utfall aug 2017" eller "2017-08", eller ange kolumnen bland dem som hoppas över.' };
}

/** Reads actuals from a wide table. */
export function readWideVolumes(rows: Reading<TableRow, TableInfo>, options: WideVolumeOptions = {}): Reading<VolumeActual, WideVolumeInfo> {
  const info: WideVolumeInfo = { table: rows.info, actuals: 0, skipped: [] };
  return reading(info, () => generate(rows, options, info));
}

interface Layout {
  measure: number;
  breakdown: number | null;
  periods: Array<{ index: number; header: string; period: Period }>;
}

async function* generate(rows: Reading<TableRow, TableInfo>, options: WideVolumeOptions, info: WideVolumeInfo): AsyncGenerator<VolumeActual[]> {
  const problems = new ProblemCollector(options.fileLabel ?? 'Filen');
  const decimal = options.decimal ?? 'auto';
  let layout: Layout | null = null;
  for await (const batch of rows.batches()) {
    const actuals: VolumeActual[] = [];
    for (const row of batch) {
      if (layout === null) {
        layout = readLayout(row, options, info, problems);
        continue;
      }
      actuals.push(...readRow(row, layout, decimal, problems));
    }
    info.actuals += actuals.length;
    if (actuals.length > 0) yield actuals;
  }
  if (layout === null) problems.fail({ line: null, reason: 'Filen har ingen rubrikrad och inga rader.' });
  problems.throwIfAny();
}

function readLayout(header: TableRow, options: WideVolumeOptions, info: WideVolumeInfo, problems: ProblemCollector): Layout {
  const texts = header.cells.map((cell) => cellText(cell));
  const find = (name: string | undefined): number | null => {
    if (name === undefined) return null;
    const index = texts.findIndex((text) => normaliseHeader(text) === normaliseHeader(name));
    if (index === -1) problems.add({ line: header.line, column: name, reason: `Kolumnen "${name}" finns inte i rubrikraden.` });
    return index === -1 ? null : index;
  };
  const measure = options.measureColumn === undefined ? 0 : (find(options.measureColumn) ?? 0);
  const breakdown = find(options.breakdownColumn);
  const ignored = new Set((options.ignoreColumns ?? []).map(normaliseHeader));
  const periods: Layout['periods'] = [];
  const seen = new Map<string, string>();
  texts.forEach((text, index) => {
    if (index === measure || index === breakdown || text === '') return;
    if (ignored.has(normaliseHeader(text))) return void info.skipped.push({ header: text, reason: 'Kolumnen är angiven att hoppas över.' });
    const read = readColumnHeader(text, options.year);
    if ('skip' in read) return void info.skipped.push({ header: text, reason: read.skip });
    if ('reason' in read) return problems.add({ line: header.line, column: text, value: text, reason: read.reason });
    const earlier = seen.get(read.period);
    if (earlier !== undefined) return problems.add({ line: header.line, column: text, reason: `Samma period som kolumnen "${earlier}".` });
    seen.set(read.period, text);
    periods.push({ index, header: text, period: read.period });
  });
  if (periods.length === 0 && !problems.hasProblems()) problems.add({ line: header.line, column: null, reason: 'Rubrikraden har ingen kolumn med utfall för en period.' });
  problems.throwIfAny();
  return { measure, breakdown, periods };
}

function readRow(row: TableRow, layout: Layout, decimal: DecimalMark, problems: ProblemCollector): VolumeActual[] {
  const measure = cellText(row.cells[layout.measure] ?? null);
  if (measure === '') {
    problems.add({ line: row.line, column: 'mått', value: '', reason: 'Måttet saknas.' });
    return [];
  }
  const breakdown = layout.breakdown === null ? '' : cellText(row.cells[layout.breakdown] ?? null);
  const actuals: VolumeActual[] = [];
  for (const column of layout.periods) {
    const cell = row.cells[column.index] ?? null;
    const figure = readFigure(cell, decimal);
    if ('reason' in figure) problems.add({ line: row.line, column: column.header, value: cellText(cell), reason: figure.reason });
    else actuals.push({ line: row.line, measure, period: column.period, figure: figure.value, breakdown: breakdown === '' ? null : breakdown });
  }
  return actuals;
}
