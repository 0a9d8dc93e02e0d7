/** Reading JSON from bytes and text (issue 10, defect 14): one reader for the CLI and the API. */
import { describe, expect, it } from 'vitest';
import { isStyrkortError } from './errors.ts';
import { invalidUtf8At, readJsonBytes, readJsonText } from './json-input.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

function refusal(read: () => unknown): { message: string; problems: Array<{ path: string; message: string }> } {
  try {
    read();
  } catch (error) {
    if (isStyrkortError(error)) return { message: error.message, problems: error.problems };
    throw error;
  }
  throw new Error('lästes utan fel');
}

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'ett kommatecken före } (ta bort det sista kommatecknet)'],
    ['[1, 2,]', 1, 7, 'ett kommatecken före ] (ta bort det sista kommatecknet)'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'ett kommatecken eller } väntades, men här står """'],
    ["{'a': 1}", 1, 2, 'texter och fältnamn skrivs inom dubbla citattecken ("), inte enkla'],
    ['{"a" 1}', 1, 6, 'ett kolon efter fältnamnet väntades, men här står "1"'],
    ['{"a": ', 1, 7, 'texten tar slut, men ett värde saknas'],
    ['{"a": "x', 1, 9, 'texten tar slut inne i en text (ett avslutande " saknas)'],
    ['{"a": "x\ty"}', 1, 9, 'styrtecknet U+0009 får inte stå oskyddat i en text; skriv \\n för radbrytning och \\t för tabb'],
    ['{"a": "\\x"}', 1, 8, 'ogiltig escape-sekvens \\x (tillåtna: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'],
    ['{"a": 01}', 1, 7, 'ogiltigt tal (tal skrivs med punkt som decimaltecken, utan mellanslag eller inledande nollor)'],
    ['{"a": 1,5}', 1, 9, 'ett fältnamn inom dubbla citattecken väntades, men här står "5"'],
    ['{"a": tru}', 1, 7, 'ett värde väntades, men här står "t"'],
    ['{} {}', 1, 4, 'efter JSON-värdet står mer ("{"); bara ett värde är tillåtet'],
    ['', 1, 1, 'innehållet är tomt'],
  ])('%j: line %i, column %i: %s', (text, line, column, reason) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it('finds nothing wrong in JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e5\\n"]}')).toBeNull();
  });
});

describe('invalidUtf8At', () => {
  it.each([
    [[0x61, 0xc3, 0xa5], -1], // "aå"
    [[0xf0, 0x9f, 0x98, 0x80], -1], // an emoji
    [[0x61, 0xe5, 0x62], 1], // "å" in Latin-1
    [[0xc0, 0xaf], 0], // overlong "/"
    [[0xed, 0xa0, 0x80], 0], // an encoded surrogate
    [[0x61, 0xc3], 1], // cut off
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
  ])('%j → %i', (bytes, at) => {
    expect(invalidUtf8At(Uint8Array.from(bytes))).toBe(at);
  });
});

describe('readJsonBytes and readJsonText', () => {
  it('says where a file is not UTF-8 instead of replacing the byte', () => {
    const bytes = Buffer.concat([Buffer.from('{\n"a": "'), Buffer.from([0xe5]), Buffer.from('"}')]);
    expect(refusal(() => readJsonBytes(bytes, 'Filen')).message).toBe('Filen är inte giltig UTF-8: byte 9 (rad 2) är 0xE5. Spara den som UTF-8 och försök igen.');
  });

  it('accepts a byte-order mark the same way for a file and a body', () => {
    const bytes = Buffer.from('\ufeff{"a": "å"}', 'utf8');
    expect(readJsonBytes(bytes, 'Filen')).toEqual({ a: 'å' });
    expect(readJsonBytes(bytes, 'Kroppen')).toEqual({ a: 'å' });
  });

  it('names line and column of a syntax error, the same for a file and a body', () => {
    expect(refusal(() => readJsonText('{\n  "a": 1\n  "b": 2\n}', 'Filen')).message).toBe('Filen är inte giltig JSON: rad 3, kolumn 3: ett kommatecken eller } väntades, men här står """');
    expect(refusal(() => readJsonText('{\n  "a": 1\n  "b": 2\n}', 'Kroppen')).message).toBe('Kroppen är inte giltig JSON: rad 3, kolumn 3: ett kommatecken eller } väntades, men här står """');
  });

  it('answers 1e309 with "Talet är för stort" and its path', () => {
    expect(refusal(() => readJsonText('{"plan": {"periodStart": 1e309}}', 'Filen')).problems).toEqual([{ path: '$.plan.periodStart', message: 'Talet är för stort', code: 'number' }]);
  });

  it('refuses an empty body as empty', () => {
    expect(refusal(() => readJsonBytes(Buffer.alloc(0), 'Kroppen')).message).toBe('Kroppen är tom men innehållstypen är JSON');
  });
});
