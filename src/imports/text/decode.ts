/**
 * Bytes to text for the text readers (SIE, CSV), in bounded memory and with one rule for the
 * encoding: a UTF-8 byte-order mark means UTF-8; otherwise the first non-ASCII character decides —
 * valid UTF-8 there means a UTF-8 file, anything else means the legacy encoding (CP437, "PC8", for
 * SIE as the standard says; Windows-1252 for CSV). Until that first non-ASCII byte the text is
 * ASCII, which all three encodings read alike, so nothing read so far has to be decoded again. A
 * UTF-8 file that later turns invalid is a mixed file and stops with its line. Bytes that are no
 * text at all (NUL, a zip or PDF signature, UTF-16) stop the reading at once.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { ProblemCollector } from '../report.ts';

/** The encodings a file may be read in. */
export const textEncodings = ['utf-8', 'cp437', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** 'auto' applies the rule above; a named encoding is used as given. */
export type EncodingChoice = 'auto' | TextEncoding;

const ENCODING_NAMES: Record<string, EncodingChoice> = {
  auto: 'auto',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  cp437: 'cp437',
  pc8: 'cp437',
  ibm437: 'cp437',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
};

/** The encoding a user names (`--encoding pc8`), or null when Styrkort cannot read it. */
export function encodingChoice(name: string): EncodingChoice | null {
  return ENCODING_NAMES[name.trim().toLowerCase()] ?? null;
}

/** Why a named encoding cannot be used, in Swedish. */
export function unknownEncodingReason(name: string): string {
  return `Okänd teckenkodning "${name}": välj auto, utf-8, pc8 (cp437), windows-1252 eller iso-8859-1.`;
}

export interface DecodeOptions {
  encoding: EncodingChoice;
  /** What a file whose first non-ASCII character is not UTF-8 is read as. */
  legacy: 'cp437' | 'windows-1252';
  problems: ProblemCollector;
  fileLabel: string;
}

/** Filled in while decoding: the encoding chosen (null while the text is plain ASCII). */
export interface DecodeInfo {
  encoding: TextEncoding | null;
  byteOrderMark: boolean;
  bytes: number;
}

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'en zip-fil (till exempel en Excel-fil, .xlsx), inte en textfil' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'en PDF-fil, inte en textfil' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'en äldre Office-fil (till exempel .xls), inte en textfil' },
  { bytes: [0xff, 0xfe], what: 'kodad i UTF-16, som inte stöds; spara den som UTF-8' },
  { bytes: [0xfe, 0xff], what: 'kodad i UTF-16, som inte stöds; spara den som UTF-8' },
];

/** Reads a byte stream as text chunks, by the rule above. */
export async function* decodeText(
  source: AsyncIterable<Uint8Array | string>,
  options: DecodeOptions,
  info: DecodeInfo,
): AsyncGenerator<string> {
  const state = new DecoderState(options, info);
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const text = state.decode(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text.length > 0) yield text;
  }
  const rest = state.finish();
  if (rest.length > 0) yield rest;
}

/** A fresh DecodeInfo. */
export function newDecodeInfo(): DecodeInfo {
  return { encoding: null, byteOrderMark: false, bytes: 0 };
}

class DecoderState {
  private carry: Buffer = Buffer.alloc(0);
  private linesBefore = 0;
  private started = false;

  constructor(
    private readonly options: DecodeOptions,
    private readonly info: DecodeInfo,
  ) {
    if (options.encoding !== 'auto') info.encoding = options.encoding;
  }

  decode(chunk: Buffer): string {
    this.info.bytes += chunk.length;
    let bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    if (!this.started) {
      // The signatures need the file's first bytes; a tiny first chunk waits for more.
      if (bytes.length < 4) {
        this.carry = bytes;
        return '';
      }
      bytes = this.start(bytes);
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) this.fail(bytes, nul, 'Filen innehåller binära data (nolltecken) och är ingen textfil.');
    const text = this.decodeBytes(bytes);
    this.linesBefore += countNewlines(bytes, bytes.length - this.carry.length);
    return text;
  }

  /** The text still held back at the end of the stream. */
  finish(): string {
    if (!this.started) {
      const bytes = this.start(this.carry);
      this.carry = Buffer.alloc(0);
      if (bytes.indexOf(0) !== -1) this.fail(bytes, bytes.indexOf(0), 'Filen innehåller binära data (nolltecken) och är ingen textfil.');
      return this.decodeBytes(bytes) + this.finish();
    }
    if (this.carry.length === 0) return '';
    if (this.info.encoding === null) {
      // The file ends inside its first non-ASCII character: that is no UTF-8 file.
      this.info.encoding = this.options.legacy;
      const rest = this.carry;
      this.carry = Buffer.alloc(0);
      return this.decodeBytes(rest);
    }
    return this.fail(this.carry, 0, 'Filen slutar mitt i ett UTF-8-tecken; den är troligen avkortad.');
  }

  private start(bytes: Buffer): Buffer {
    this.started = true;
    for (const signature of SIGNATURES) {
      if (signature.bytes.every((byte, i) => bytes[i] === byte)) {
        this.options.problems.fail({ line: null, reason: `${this.options.fileLabel} är ${signature.what}.` });
      }
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.info.byteOrderMark = true;
      if (this.options.encoding === 'auto') this.info.encoding = 'utf-8';
      return bytes.subarray(3);
    }
    return bytes;
  }

  private decodeBytes(bytes: Buffer): string {
    const encoding = this.info.encoding;
    if (encoding === null) {
      if (isAscii(bytes)) return bytes.toString('latin1');
      let at = 0;
      while (bytes[at]! < 0x80) at++;
      const length = utf8SequenceLength(bytes, at);
      if (length === -1) {
        // The deciding character is cut by the chunk's end: decide when the rest has come.
        this.carry = Buffer.from(bytes.subarray(at));
        return bytes.toString('latin1', 0, at);
      }
      // The first non-ASCII character decides: valid UTF-8 there → UTF-8, else the legacy encoding.
      this.info.encoding = length > 0 ? 'utf-8' : this.options.legacy;
      return this.decodeBytes(bytes);
    }
    if (encoding !== 'utf-8') return iconv.decode(bytes, encoding);
    const tail = incompleteTail(bytes);
    const complete = tail === 0 ? bytes : bytes.subarray(0, bytes.length - tail);
    if (!isUtf8(complete)) {
      const at = firstInvalidUtf8(complete);
      const reason =
        this.options.encoding === 'utf-8'
          ? 'Ogiltig UTF-8 fast filen angavs vara UTF-8.'
          : 'Filen blandar teckenkodningar: den började som UTF-8 men här följer tecken som inte är UTF-8.';
      this.fail(complete, at, reason);
    }
    if (tail > 0) this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
    return complete.toString('utf8');
  }

  private fail(bytes: Buffer, at: number, reason: string): never {
    const line = this.linesBefore + countNewlines(bytes, at) + 1;
    this.options.problems.fail({ line, reason });
  }
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  let at = bytes.indexOf(10);
  while (at !== -1 && at < end) {
    count++;
    at = bytes.indexOf(10, at + 1);
  }
  return count;
}

/**
 * The length of the UTF-8 sequence starting at `at`: its byte count when valid, 0 when invalid,
 * -1 when the buffer ends before the sequence does.
 */
export function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  if (lead === undefined) return -1;
  if (lead < 0x80) return 1;
  let length: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) min = 0xa0; // no overlong forms
    if (lead === 0xed) max = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) min = 0x90;
    if (lead === 0xf4) max = 0x8f;
  } else return 0;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return -1;
    const low = i === 1 ? min : 0x80;
    const high = i === 1 ? max : 0xbf;
    if (byte < low || byte > high) return 0;
  }
  return length;
}

/** How many bytes at the end start a UTF-8 sequence that the buffer cuts off (0–3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const at = bytes.length - back;
    const byte = bytes[at]!;
    if (byte < 0x80) return 0;
    if (byte >= 0xc0) return utf8SequenceLength(bytes, at) === -1 ? back : 0;
  }
  return 0;
}

function firstInvalidUtf8(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const length = utf8SequenceLength(bytes, at);
    if (length <= 0) return at;
    at += length;
  }
  return bytes.length;
}
