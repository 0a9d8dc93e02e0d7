/**
 * One entry point for ledger files: the format is found from the file's first bytes (a zip is an
 * .xlsx workbook, text starting with # is SIE, other text is CSV) unless named, and the mapping
 * supplies what the format needs (SIE dimensions, the table's column names, the amount sign).
 * The entries come out as one stream whatever the format.
 */
import type { LedgerEntry } from '../../domain/ledger/entry.ts';
import type { LedgerMapping } from '../../domain/ledger/mapping.ts';
import { defaultLabel, detectFormat, peek, type FileFormat } from '../file-format.ts';
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import { readSie } from '../sie/read-sie.ts';
import type { DecimalMark } from '../table/cells.ts';
import { readCsvTable, type CsvDelimiter } from '../table/read-csv.ts';
import { readXlsxTable } from '../table/read-xlsx.ts';
import type { EncodingChoice } from '../text/decode.ts';
import { readLedgerTable, type LedgerTableInfo } from './read-ledger-table.ts';
import { sieLedgerEntries, type SieLedgerInfo } from './sie-ledger.ts';

export interface ReadLedgerOptions {
  mapping: Pick<LedgerMapping, 'sie' | 'columns' | 'amountSign'>;
  format?: 'auto' | FileFormat;
  encoding?: EncodingChoice;
  delimiter?: 'auto' | CsvDelimiter;
  decimal?: DecimalMark;
  sheet?: string | number;
  fileLabel?: string;
}

export interface LedgerReadInfo {
  format: FileFormat | null;
  sie: SieLedgerInfo | null;
  table: LedgerTableInfo | null;
}

/** Reads a ledger file of any supported format as ledger entries. */
export function readLedger(source: ByteSource, options: ReadLedgerOptions): Reading<LedgerEntry, LedgerReadInfo> {
  const info: LedgerReadInfo = { format: null, sie: null, table: null };
  return reading(info, () => generate(source, options, info));
}

async function* generate(source: ByteSource, options: ReadLedgerOptions, info: LedgerReadInfo): AsyncGenerator<LedgerEntry[]> {
  const peeked = await peek(source, 64);
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(peeked.head) : options.format;
  info.format = format;
  const { mapping } = options;
  const fileLabel = options.fileLabel ?? defaultLabel(format);
  if (format === 'sie') {
    const entries = sieLedgerEntries(readSie(peeked.source, { encoding: options.encoding, fileLabel }), {
      dimensions: { responsibility: mapping.sie?.responsibility, activity: mapping.sie?.activity },
      source: mapping.sie?.source,
      fileLabel,
    });
    info.sie = entries.info;
    yield* entries.batches();
    return;
  }
  const columns = mapping.columns;
  if (columns === undefined) {
    return new ProblemCollector(fileLabel).fail({
      line: null,
      reason: 'Mappningen anger inte kolumnerna (columns: period, konto, belopp …) som behövs för att läsa en CSV- eller Excel-fil.',
    });
  }
  const rows =
    format === 'xlsx'
      ? readXlsxTable(peeked.source, { sheet: options.sheet, fileLabel })
      : readCsvTable(peeked.source, { encoding: options.encoding, delimiter: options.delimiter, fileLabel });
  const entries = readLedgerTable(rows, { columns, decimal: options.decimal, amountSign: mapping.amountSign, fileLabel });
  info.table = entries.info;
  yield* entries.batches();
}

