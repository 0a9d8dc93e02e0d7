/**
 * Volume and indicator actuals in long format: one row per measure and period,
 * `measure;period;value[;breakdown]`. The header may be English or Swedish
 * (mått/measure, period, värde/utfall/value, uppdelning/breakdown), or the columns named.
 */
import { reading, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { readFigure, readPeriod, type DecimalMark } from '../table/cells.ts';
import { findColumns, normaliseHeader } from '../table/columns.ts';
import { cellText, type TableInfo, type TableRow } from '../table/table.ts';
import type { VolumeActual } from './volume-actual.ts';

export interface LongVolumeOptions {
  columns?: { measure?: string; period?: string; value?: string; breakdown?: string };
  decimal?: DecimalMark;
  fileLabel?: string;
}

export interface VolumeReadInfo {
  table: TableInfo;
  actuals: number;
}

const ALIASES = {
  measure: ['mått', 'matt', 'measure', 'styrtal', 'indikator'],
  period: ['period', 'månad', 'manad'],
  value: ['värde', 'varde', 'utfall', 'value'],
  breakdown: ['uppdelning', 'breakdown', 'fördelning'],
} as const;

type Role = keyof typeof ALIASES;

/** Reads actuals from a long table. */
export function readLongVolumes(rows: Reading<TableRow, TableInfo>, options: LongVolumeOptions = {}): Reading<VolumeActual, VolumeReadInfo> {
  const info: VolumeReadInfo = { table: rows.info, actuals: 0 };
  return reading(info, () => generate(rows, options, info));
}

async function* generate(rows: Reading<TableRow, TableInfo>, options: LongVolumeOptions, info: VolumeReadInfo): AsyncGenerator<VolumeActual[]> {
  const problems = new ProblemCollector(options.fileLabel ?? 'Filen');
  const decimal = options.decimal ?? 'auto';
  let columns: Record<Role, number | undefined> | null = null;
  let names: Record<Role, string | undefined> = { measure: undefined, period: undefined, value: undefined, breakdown: undefined };
  for await (const batch of rows.batches()) {
    const actuals: VolumeActual[] = [];
    for (const row of batch) {
      if (columns === null) {
        names = headerNames(row, options.columns ?? {});
        columns = findColumns<Role>(row, names, problems);
        continue;
      }
      const actual = readRow(row, columns, names, decimal, problems);
      if (actual !== null) actuals.push(actual);
    }
    info.actuals += actuals.length;
    if (actuals.length > 0) yield actuals;
  }
  if (columns === null) problems.fail({ line: null, reason: 'Filen har ingen rubrikrad och inga rader.' });
  problems.throwIfAny();
}

/** The header text of each role: as named, or the first alias the header holds (the English name when none). */
function headerNames(header: TableRow, named: LongVolumeOptions['columns'] & object): Record<Role, string | undefined> {
  const texts = header.cells.map((cell) => normaliseHeader(cellText(cell)));
  const pick = (role: Role, required: boolean): string | undefined => {
    if (named[role] !== undefined) return named[role];
    const alias = ALIASES[role].find((candidate) => texts.includes(candidate));
    return alias ?? (required ? ALIASES[role][0] : undefined);
  };
  return { measure: pick('measure', true), period: pick('period', true), value: pick('value', true), breakdown: pick('breakdown', false) };
}

function readRow(
  row: TableRow,
  columns: Record<Role, number | undefined>,
  names: Record<Role, string | undefined>,
  decimal: DecimalMark,
  problems: ProblemCollector,
): VolumeActual | null {
  const cell = (role: Role) => row.cells[columns[role]!] ?? null;
  let ok = true;
  const fault = (role: Role, reason: string): void => {
    ok = false;
    problems.add({ line: row.line, column: names[role] ?? role, value: cellText(cell(role)), reason });
  };
  const measure = cellText(cell('measure'));
  if (measure === '') fault('measure', 'Måttet saknas.');
  const period = readPeriod(cell('period'));
  if ('reason' in period) fault('period', period.reason);
  const figure = readFigure(cell('value'), decimal);
  if ('reason' in figure) fault('value', figure.reason);
  if (!ok || 'reason' in period || 'reason' in figure) return null;
  const breakdown = columns.breakdown === undefined ? '' : cellText(cell('breakdown'));
  return { line: row.line, measure, period: period.value, figure: figure.value, breakdown: breakdown === '' ? null : breakdown };
}
