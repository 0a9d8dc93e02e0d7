/**
 * One line of a SIE file into its label and fields (SIE filformat 4B, section 5): fields are
 * separated by spaces or tabs; a field with spaces is quoted, and a quote inside it is written \";
 * an object list is written in braces, `{1 "Nord" 6 "0001"}` or `{}`. A line holding only `{` or
 * `}` opens or closes a voucher's transactions. Control characters are not allowed in a field.
 */

export type SieField = { kind: 'text'; text: string; quoted: boolean } | { kind: 'objects'; items: string[] };

export type SieLine =
  | { kind: 'empty' }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'record'; label: string; fields: SieField[] }
  | { kind: 'error'; reason: string; label?: string };

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const HASH = 0x23;
const DOS_EOF = 0x1a; // Ctrl-Z, which old DOS programs put at the end of a file

/** Splits a line into label and fields, or says what is wrong with it. */
export function tokenizeLine(line: string): SieLine {
  let at = skipSpace(line, 0);
  if (at === line.length) return { kind: 'empty' };
  const first = line.charCodeAt(at);
  if (first === DOS_EOF && skipSpace(line, at + 1) === line.length) return { kind: 'empty' };
  if (first === OPEN || first === CLOSE) {
    if (skipSpace(line, at + 1) === line.length) return { kind: first === OPEN ? 'open' : 'close' };
    return { kind: 'error', reason: `Efter ${first === OPEN ? '{' : '}'} får inget mer stå på raden.` };
  }
  if (first !== HASH) return { kind: 'error', reason: 'Raden börjar inte med en etikett (#…), { eller }.' };
  const labelEnd = findSpace(line, at);
  const label = line.slice(at, labelEnd).toUpperCase();
  const fields: SieField[] = [];
  at = skipSpace(line, labelEnd);
  while (at < line.length) {
    const result = readField(line, at);
    if ('reason' in result) return { kind: 'error', reason: result.reason, label };
    fields.push(result.field);
    at = skipSpace(line, result.end);
  }
  return { kind: 'record', label, fields };
}

type FieldResult = { field: SieField; end: number } | { reason: string };

function readField(line: string, at: number): FieldResult {
  const first = line.charCodeAt(at);
  if (first === QUOTE) {
    const quoted = readQuoted(line, at);
    return 'reason' in quoted ? quoted : { field: { kind: 'text', text: quoted.text, quoted: true }, end: quoted.end };
  }
  if (first === OPEN) return readObjects(line, at + 1);
  const end = findSpace(line, at);
  const text = line.slice(at, end);
  const control = controlCharacter(text);
  if (control !== null) return { reason: control };
  return { field: { kind: 'text', text, quoted: false }, end };
}

function readQuoted(line: string, start: number): { text: string; end: number } | { reason: string } {
  let text = '';
  let from = start + 1;
  for (let at = start + 1; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (code === BACKSLASH && line.charCodeAt(at + 1) === QUOTE) {
      text += `${line.slice(from, at)}"`;
      at++;
      from = at + 1;
    } else if (code === QUOTE) {
      text += line.slice(from, at);
      const control = controlCharacter(text);
      return control === null ? { text, end: at + 1 } : { reason: control };
    }
  }
  return { reason: 'Ett citattecken (") avslutas inte på raden.' };
}

function readObjects(line: string, start: number): FieldResult {
  const items: string[] = [];
  let at = skipSpace(line, start);
  while (at < line.length) {
    const code = line.charCodeAt(at);
    if (code === CLOSE) return { field: { kind: 'objects', items }, end: at + 1 };
    if (code === OPEN) return { reason: 'En objektlista får inte innehålla {.' };
    if (code === QUOTE) {
      const quoted = readQuoted(line, at);
      if ('reason' in quoted) return quoted;
      items.push(quoted.text);
      at = skipSpace(line, quoted.end);
      continue;
    }
    let end = at;
    while (end < line.length) {
      const c = line.charCodeAt(end);
      if (c === SPACE || c === TAB || c === CLOSE) break;
      end++;
    }
    const item = line.slice(at, end);
    const control = controlCharacter(item);
    if (control !== null) return { reason: control };
    items.push(item);
    at = skipSpace(line, end);
  }
  return { reason: 'Objektlistan avslutas inte med }.' };
}

function skipSpace(line: string, at: number): number {
  while (at < line.length) {
    const code = line.charCodeAt(at);
    if (code !== SPACE && code !== TAB) break;
    at++;
  }
  return at;
}

function findSpace(line: string, at: number): number {
  while (at < line.length) {
    const code = line.charCodeAt(at);
    if (code === SPACE || code === TAB) break;
    at++;
  }
  return at;
}

function controlCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return `Otillåtet styrtecken (kod ${code}) i ett fält.`;
  }
  return null;
}
