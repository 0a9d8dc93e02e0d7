/**
 * Reading a JSON document from bytes or text, the same for the API's request bodies and the CLI's
 * plan files (issue 10, defect 14): UTF-8 only (invalid bytes are refused with their position,
 * never replaced silently); a leading byte-order mark is accepted and dropped, as editors on
 * Windows write one; syntax errors in Swedish with line and column; then every text normalised
 * and checked by the one text rule (text-input.ts).
 */
import { StyrkortError } from './errors.ts';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.ts';
import { normaliseJsonTree } from './text-input.ts';

/** What is being read, for messages: "Filen" (a plan file) or "Kroppen" (a request body). */
export type JsonSubject = 'Filen' | 'Kroppen';

/** The position of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not UTF-8.
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes UTF-8 bytes strictly and reads them as JSON (see readJsonText). */
export function readJsonBytes(bytes: Uint8Array, subject: JsonSubject): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // The decoder only says that a byte is wrong; finding which one is worth the time only now.
    const bad = Math.max(0, invalidUtf8At(bytes));
    let line = 1;
    for (let i = 0; i < bad; i += 1) if (bytes[i] === 0x0a) line += 1;
    const message = `${subject} är inte giltig UTF-8: byte ${bad + 1} (rad ${line}) är 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}. Spara den som UTF-8 och försök igen.`;
    throw new StyrkortError('validation', message, [{ path: '$', message: `rad ${line}: ogiltig UTF-8`, code: 'encoding' }]);
  }
  return readJsonText(text, subject);
}

/** Reads a JSON text: byte-order mark dropped, syntax errors with line and column, every text checked and in NFC. */
export function readJsonText(text: string, subject: JsonSubject): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    const message = subject === 'Kroppen' ? 'Kroppen är tom men innehållstypen är JSON' : 'Filen är tom';
    throw new StyrkortError('validation', message, [{ path: '$', message: 'Tom', code: 'json' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const error = findJsonSyntaxError(body) ?? { ...lineAndColumn(body, body.length), reason: 'okänt fel' };
    const where = `rad ${error.line}, kolumn ${error.column}`;
    throw new StyrkortError('validation', `${subject} är inte giltig JSON: ${where}: ${error.reason}`, [{ path: '$', message: `${where}: ${error.reason}`, code: 'json' }]);
  }
  const { value, problems, count } = normaliseJsonTree(parsed);
  if (count > 0) {
    throw new StyrkortError('validation', `${subject} har ${count} ${count === 1 ? 'otillåtet värde' : 'otillåtna värden'}; ingenting har sparats`, problems);
  }
  return value;
}
