/**
 * One entry point for volume and indicator actuals: CSV or Excel (found from the first bytes
 * unless named), long or wide layout (long when the header has a period and a value column,
 * wide otherwise, unless named).
 */
import { defaultLabel, detectFormat, peek } from '../file-format.ts';
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import type { DecimalMark } from '../table/cells.ts';
import { normaliseHeader } from '../table/columns.ts';
import { readCsvTable, type CsvDelimiter } from '../table/read-csv.ts';
import { readXlsxTable } from '../table/read-xlsx.ts';
import { cellText, type TableInfo, type TableRow } from '../table/table.ts';
import type { EncodingChoice } from '../text/decode.ts';
import { readLongVolumes, type LongVolumeOptions } from './read-long.ts';
import { readWideVolumes, type WideVolumeOptions } from './read-wide.ts';
import type { SkippedColumn, VolumeActual } from './volume-actual.ts';

export interface ReadVolumesOptions {
  format?: 'auto' | 'csv' | 'xlsx';
  layout?: 'auto' | 'long' | 'wide';
  encoding?: EncodingChoice;
  delimiter?: 'auto' | CsvDelimiter;
  decimal?: DecimalMark;
  sheet?: string | number;
  long?: LongVolumeOptions['columns'];
  wide?: Omit<WideVolumeOptions, 'decimal' | 'fileLabel'>;
  fileLabel?: string;
}

export interface VolumesInfo {
  format: 'csv' | 'xlsx' | null;
  layout: 'long' | 'wide' | null;
  table: TableInfo | null;
  actuals: number;
  skipped: SkippedColumn[];
}

/** Reads volume or indicator actuals from a CSV or Excel file. */
export function readVolumes(source: ByteSource, options: ReadVolumesOptions = {}): Reading<VolumeActual, VolumesInfo> {
  const info: VolumesInfo = { format: null, layout: null, table: null, actuals: 0, skipped: [] };
  return reading(info, () => generate(source, options, info));
}

async function* generate(source: ByteSource, options: ReadVolumesOptions, info: VolumesInfo): AsyncGenerator<VolumeActual[]> {
  const peeked = await peek(source, 64);
  const detected = detectFormat(peeked.head);
  if (detected === 'sie' && options.format !== 'csv') {
    new ProblemCollector(options.fileLabel ?? 'Filen').fail({ line: null, reason: 'Filen är en SIE-fil (ekonomi), inte en fil med volymer eller styrtal.' });
  }
  const format = options.format === undefined || options.format === 'auto' ? (detected === 'xlsx' ? 'xlsx' : 'csv') : options.format;
  info.format = format;
  const fileLabel = options.fileLabel ?? defaultLabel(format);
  const rows =
    format === 'xlsx'
      ? readXlsxTable(peeked.source, { sheet: options.sheet, fileLabel })
      : readCsvTable(peeked.source, { encoding: options.encoding, delimiter: options.delimiter, fileLabel });
  info.table = rows.info;
  const { header, rest } = await firstRow(rows);
  const layout = options.layout === undefined || options.layout === 'auto' ? guessLayout(header) : options.layout;
  info.layout = layout;
  const again = replay(header, rest, rows.info);
  const common = { decimal: options.decimal, fileLabel };
  if (layout === 'long') {
    const actuals = readLongVolumes(again, { ...common, columns: options.long });
    for await (const batch of actuals.batches()) {
      info.actuals += batch.length;
      yield batch;
    }
    return;
  }
  const actuals = readWideVolumes(again, { ...common, ...options.wide });
  info.skipped = actuals.info.skipped;
  for await (const batch of actuals.batches()) {
    info.actuals += batch.length;
    yield batch;
  }
}

/** Long when the header has a period column and a value column, wide otherwise. */
function guessLayout(header: TableRow | null): 'long' | 'wide' {
  if (header === null) return 'long';
  const texts = header.cells.map((cell) => normaliseHeader(cellText(cell)));
  const hasPeriod = texts.some((text) => ['period', 'månad', 'manad'].includes(text));
  const hasValue = texts.some((text) => ['värde', 'varde', 'utfall', 'value'].includes(text));
  return hasPeriod && hasValue ? 'long' : 'wide';
}

async function firstRow(rows: Reading<TableRow, TableInfo>): Promise<{ header: TableRow | null; rest: AsyncIterator<TableRow[]> }> {
  const rest = rows.batches()[Symbol.asyncIterator]();
  const first = await rest.next();
  if (first.done === true || first.value.length === 0) return { header: null, rest };
  const [header, ...others] = first.value;
  async function* withOthers(): AsyncGenerator<TableRow[]> {
    if (others.length > 0) yield others;
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
  }
  return { header: header ?? null, rest: withOthers() };
}

function replay(header: TableRow | null, rest: AsyncIterator<TableRow[]>, info: TableInfo): Reading<TableRow, TableInfo> {
  return reading(info, async function* () {
    if (header !== null) yield [header];
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
  });
}
