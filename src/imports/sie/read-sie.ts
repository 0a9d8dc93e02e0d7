/**
 * The streaming SIE 4 reader: bytes in, records out, line by line in bounded memory (a voucher's
 * rows are yielded as they are read, never held). CP437 ("PC8") as the standard says, UTF-8 by the
 * decoder's rule (text/decode.ts). Malformed lines are reported with line, record, field, value and
 * a Swedish reason; the reader reads on to find every fault and throws the report at the end, so a
 * faulty file is never used in part (see reading.ts).
 */
import { addOre, oreToKronor } from '../../domain/ledger/ore.ts';
import type { DecodeInfo, EncodingChoice } from '../text/decode.ts';
import { decodeText, newDecodeInfo } from '../text/decode.ts';
import { splitLines } from '../text/lines.ts';
import { ProblemCollector } from '../report.ts';
import { reading, type ByteSource, type Reading } from '../reading.ts';
import { readRecord } from './record-handlers.ts';
import type { SieRecord } from './records.ts';
import { tokenizeLine, type SieLine } from './tokenize.ts';
import { readTransaction, readVoucher, voucherName, type OpenVoucher } from './vouchers.ts';

export interface SieReadOptions {
  /** 'auto' (default): CP437 unless the first non-ASCII character is UTF-8. */
  encoding?: EncodingChoice;
  /** How messages name the file ("SIE-filen" by default). */
  fileLabel?: string;
}

/** What the reader learnt about the file. */
export interface SieInfo {
  decode: DecodeInfo;
  lines: number;
  format: string | null;
  sieType: number | null;
  program: string | null;
  companyName: string | null;
  fiscalYears: Array<{ index: number; start: string; end: string }>;
  vouchers: number;
  transactions: number;
  /** Whether the file carries #KSUMMA (its presence is checked, its CRC value is not). */
  checksum: boolean;
}

const ROW_LABELS = new Set(['#TRANS', '#RTRANS', '#BTRANS']);
const KNOWN_FORMATS = new Set(['PC8', 'UTF8', 'UTF-8']);

/** Reads a SIE file (types 1–4 and 4i) as a stream of records. */
export function readSie(source: ByteSource, options: SieReadOptions = {}): Reading<SieRecord, SieInfo> {
  const info: SieInfo = {
    decode: newDecodeInfo(),
    lines: 0,
    format: null,
    sieType: null,
    program: null,
    companyName: null,
    fiscalYears: [],
    vouchers: 0,
    transactions: 0,
    checksum: false,
  };
  return reading(info, () => generate(source, options, info));
}

async function* generate(source: ByteSource, options: SieReadOptions, info: SieInfo): AsyncGenerator<SieRecord[]> {
  const fileLabel = options.fileLabel ?? 'SIE-filen';
  const problems = new ProblemCollector(fileLabel);
  const parser = new SieParser(problems, info);
  const text = decodeText(source, { encoding: options.encoding ?? 'auto', legacy: 'cp437', problems, fileLabel }, info.decode);
  for await (const batch of splitLines(text, problems)) {
    const records = parser.lines(batch);
    if (records.length > 0) yield records;
  }
  parser.end();
  problems.throwIfAny();
}

type State = 'top' | 'expect-open' | 'voucher';

class SieParser {
  private state: State = 'top';
  private voucher: OpenVoucher | null = null;
  private started = false;
  private checksumClosed = false;

  constructor(
    private readonly problems: ProblemCollector,
    private readonly info: SieInfo,
  ) {}

  lines(batch: string[]): SieRecord[] {
    const out: SieRecord[] = [];
    for (const text of batch) {
      const line = ++this.info.lines;
      const token = tokenizeLine(text);
      if (token.kind !== 'empty') this.line(token, text, line, out);
    }
    return out;
  }

  end(): void {
    if (!this.started) this.problems.fail({ line: null, reason: 'Filen är tom: den innehåller inga SIE-poster.' });
    if (this.state !== 'top' && this.voucher !== null) {
      this.problems.add({
        line: this.voucher.line,
        record: '#VER',
        reason: `Filen slutar mitt i ${voucherName(this.voucher)}: avslutande } saknas. Filen är troligen avkortad.`,
      });
    }
    if (this.info.checksum && !this.checksumClosed) {
      this.problems.add({ line: this.info.lines, record: '#KSUMMA', reason: 'Filen slutar utan sin avslutande #KSUMMA-post; den är troligen avkortad.' });
    }
  }

  private line(token: Exclude<SieLine, { kind: 'empty' }>, text: string, line: number, out: SieRecord[]): void {
    if (!this.started) this.start(token, line);
    if (token.kind === 'error') {
      const problem = { line, value: text.trim(), reason: token.reason };
      this.problems.add(token.label === undefined ? problem : { ...problem, record: token.label });
      if (this.voucher !== null) this.voucher.faulty = true;
      // A broken voucher head still opens its block, so that its rows do not give faults of their own.
      if (token.label === '#VER' && this.state !== 'voucher') this.placeholderVoucher(line);
      return;
    }
    if (this.checksumClosed) {
      this.problems.add({ line, value: text.trim(), reason: 'Efter den avslutande #KSUMMA-posten får inget mer stå.' });
      return;
    }
    if (this.state === 'expect-open') {
      if (token.kind === 'open') {
        this.state = 'voucher';
        return;
      }
      this.missingOpen(token, line);
    }
    if (this.state === 'voucher') this.insideVoucher(token, line, out);
    else this.outsideVoucher(token, line, out);
  }

  private start(token: Exclude<SieLine, { kind: 'empty' }>, line: number): void {
    this.started = true;
    if (token.kind !== 'record') {
      this.problems.fail({ line, reason: 'Filen är ingen SIE-fil: den första raden är ingen SIE-post (#FLAGGA …).' });
    }
    if (token.label !== '#FLAGGA') this.problems.add({ line, record: token.label, reason: 'En SIE-fil ska börja med posten #FLAGGA.' });
  }

  private missingOpen(token: Exclude<SieLine, { kind: 'empty' | 'error' }>, line: number): void {
    const voucher = this.voucher!;
    voucher.faulty = true;
    this.problems.add({ line, record: '#VER', reason: `${capitalise(voucherName(voucher))} följs inte av {.` });
    // Rows that follow still belong to the voucher; anything else ends it.
    this.state = token.kind === 'record' && ROW_LABELS.has(token.label) ? 'voucher' : 'top';
    if (this.state === 'top') this.voucher = null;
  }

  private insideVoucher(token: Exclude<SieLine, { kind: 'empty' | 'error' }>, line: number, out: SieRecord[]): void {
    const voucher = this.voucher!;
    if (token.kind === 'close') return this.closeVoucher(line);
    if (token.kind === 'open') {
      voucher.faulty = true;
      this.problems.add({ line, reason: `Ett nytt { inuti ${voucherName(voucher)}.` });
      return;
    }
    if (ROW_LABELS.has(token.label)) {
      const type = token.label.slice(1) as 'TRANS' | 'RTRANS' | 'BTRANS';
      const row = readTransaction(type, token.fields, line, voucher, this.problems);
      if (row === null) {
        voucher.faulty = true;
        return;
      }
      this.info.transactions++;
      if (type === 'TRANS') {
        voucher.sum = addOre(voucher.sum, row.amount);
        voucher.rows++;
      }
      out.push(row);
      return;
    }
    if (token.label === '#VER') {
      this.problems.add({ line, record: '#VER', reason: `${capitalise(voucherName(voucher))} avslutas inte med } före nästa #VER.` });
      this.state = 'top';
      this.voucher = null;
      this.outsideVoucher(token, line, out);
      return;
    }
    const record = readRecord(token.label, token.fields, line, this.problems);
    if (record?.kind === 'other') out.push(record); // an unknown label is passed over, as the standard asks
    else this.problems.add({ line, record: token.label, reason: `${token.label} hör inte hemma inuti en verifikation (${voucherName(voucher)}).` });
  }

  private closeVoucher(line: number): void {
    const voucher = this.voucher!;
    if (!voucher.faulty && voucher.sum !== 0) {
      this.problems.add({
        line: voucher.line,
        record: '#VER',
        column: 'belopp',
        value: formatOreAsSie(voucher.sum),
        reason: `${capitalise(voucherName(voucher))} balanserar inte: summan av dess #TRANS-rader (t.o.m. rad ${line}) ska vara 0.`,
      });
    }
    this.state = 'top';
    this.voucher = null;
  }

  private outsideVoucher(token: Exclude<SieLine, { kind: 'empty' | 'error' }>, line: number, out: SieRecord[]): void {
    if (token.kind !== 'record') {
      this.problems.add({ line, reason: token.kind === 'open' ? '{ utan föregående #VER.' : '} utan en öppen verifikation.' });
      return;
    }
    if (token.label === '#VER') return this.openVoucher(token.fields, line, out);
    if (ROW_LABELS.has(token.label)) {
      this.problems.add({ line, record: token.label, reason: `${token.label} står utanför en verifikation (#VER … { … }).` });
      return;
    }
    if (token.label === '#KSUMMA') return this.checksum(token.fields.length, line);
    const record = readRecord(token.label, token.fields, line, this.problems);
    if (record === null) return;
    this.learn(record);
    out.push(record);
  }

  private openVoucher(fields: Parameters<typeof readVoucher>[0], line: number, out: SieRecord[]): void {
    const read = readVoucher(fields, line, this.problems);
    this.state = 'expect-open';
    if (read === null) return this.placeholderVoucher(line);
    this.voucher = read.open;
    this.info.vouchers++;
    const year = this.info.fiscalYears.find((candidate) => candidate.index === 0);
    if (year !== undefined && (read.open.date < year.start || read.open.date > year.end)) {
      read.open.faulty = true;
      this.problems.add({
        line,
        record: '#VER',
        column: 'verdatum',
        value: read.open.date,
        reason: `Verifikationsdatumet ligger utanför räkenskapsåret i #RAR 0 (${year.start}–${year.end}).`,
      });
    }
    out.push(read.record);
  }

  /** A voucher whose head was faulty: its rows are read past, so one bad head gives one fault. */
  private placeholderVoucher(line: number): void {
    this.state = 'expect-open';
    this.voucher = { series: '', number: '', date: '', line, sum: 0, rows: 0, faulty: true };
  }

  private checksum(fieldCount: number, line: number): void {
    if (fieldCount === 0 && !this.info.checksum) this.info.checksum = true;
    else if (fieldCount === 1 && this.info.checksum) this.checksumClosed = true;
    else this.problems.add({ line, record: '#KSUMMA', reason: '#KSUMMA ska stå tom i filens början och med kontrollsumman sist i filen.' });
  }

  private learn(record: SieRecord): void {
    switch (record.kind) {
      case 'format':
        this.info.format = record.value;
        if (!KNOWN_FORMATS.has(record.value.toUpperCase())) {
          this.problems.add({
            line: record.line,
            record: '#FORMAT',
            column: 'PC8',
            value: record.value,
            reason: 'Okänd teckenkodning: SIE 4 anger PC8 (IBM-teckentabell 437). Spara filen som PC8 eller UTF-8.',
          });
        }
        break;
      case 'sie-type':
        this.info.sieType = record.value;
        break;
      case 'program':
        this.info.program = record.name;
        break;
      case 'company-name':
        this.info.companyName = record.name;
        break;
      case 'fiscal-year':
        this.info.fiscalYears.push({ index: record.index, start: record.start, end: record.end });
        break;
      default:
        break;
    }
  }
}

/** Öre written as the standard writes an amount: -28.00. */
function formatOreAsSie(ore: number): string {
  return oreToKronor(ore).toFixed(2);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
