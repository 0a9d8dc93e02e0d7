/**
 * What kind of file a byte stream is, from its first bytes: a zip (or an old Office file) is an
 * Excel workbook, text whose first character is # is SIE, any other text is CSV. Readers are then
 * given the stream again from its start.
 */
import type { ByteSource } from './reading.ts';

export type FileFormat = 'sie' | 'csv' | 'xlsx';

/** The format of a file by its first bytes: zip or old Office → xlsx, "#" first → SIE, else CSV. */
export function detectFormat(head: Buffer): FileFormat {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf) return 'xlsx'; // an old .xls: the xlsx reader names it
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && (head[at] === 0x20 || head[at] === 0x09 || head[at] === 0x0d || head[at] === 0x0a)) at++;
  return head[at] === 0x23 ? 'sie' : 'csv';
}

/** The first bytes of a stream, and the stream again from its start. */
export async function peek(source: ByteSource, size: number): Promise<{ head: Buffer; source: ByteSource }> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < size) {
    const next = await iterator.next();
    if (next.done === true) break;
    const part = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    parts.push(part);
    length += part.length;
  }
  const head = Buffer.concat(parts);
  async function* again(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    }
  }
  return { head, source: again() };
}

/** How messages name a file of a format: "SIE-filen", "CSV-filen"; an Excel file is "Filen" (its messages say Excel). */
export function defaultLabel(format: FileFormat): string {
  return format === 'sie' ? 'SIE-filen' : format === 'csv' ? 'CSV-filen' : 'Filen';
}
