/**
 * The decoder's rule on the bytes themselves: ASCII waits, the first non-ASCII character decides,
 * and a character cut by a chunk's end is decided when the rest arrives.
 */
import { describe, expect, it } from 'vitest';
import { collect, encode, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import { ProblemCollector } from '../report.ts';
import { decodeText, encodingChoice, newDecodeInfo, unknownEncodingReason, type EncodingChoice } from './decode.ts';

async function decode(bytes: Buffer, chunk: number, encoding: EncodingChoice = 'auto', legacy: 'cp437' | 'windows-1252' = 'windows-1252') {
  const info = newDecodeInfo();
  const text = (await collect(decodeText(stream(bytes, chunk), { encoding, legacy, problems: new ProblemCollector(), fileLabel: 'Filen' }, info))).join('');
  return { text, info };
}

describe('decodeText', () => {
  const text = 'Ansvar;Belopp\nÖppenvård;1 234,50\nÅre;€ 5\n';

  it.each([1, 2, 3, 5, 4096])('reads UTF-8 in chunks of %i bytes, deciding at the first non-ASCII character', async (size) => {
    expect(await decode(encode(text, 'utf-8'), size)).toEqual({ text, info: { encoding: 'utf-8', byteOrderMark: false, bytes: encode(text, 'utf-8').length } });
  });

  it.each([1, 2, 4096])('reads Windows-1252 in chunks of %i bytes: the first non-ASCII byte is no UTF-8', async (size) => {
    expect((await decode(encode(text, 'windows-1252'), size)).text).toBe(text);
  });

  it('reads a file that ends in the middle of its first non-ASCII character as the legacy encoding', async () => {
    const bytes = Buffer.from([0x41, 0x3b, 0xc3]); // "A;" and a lone UTF-8 lead byte: Ã in Windows-1252
    expect(await decode(bytes, 1)).toMatchObject({ text: 'A;Ã', info: { encoding: 'windows-1252' } });
  });

  it('keeps a pure ASCII file undecided', async () => {
    expect((await decode(Buffer.from('a;b\n1;2\n'), 3)).info.encoding).toBeNull();
  });

  it('refuses invalid UTF-8 in a file named UTF-8, with the line', async () => {
    const bytes = Buffer.concat([Buffer.from('a\nb\n'), encode('Å\n', 'windows-1252')]);
    const report = await failure(decodeText(stream(bytes), { encoding: 'utf-8', legacy: 'cp437', problems: new ProblemCollector(), fileLabel: 'Filen' }, newDecodeInfo()));
    expect(report.problems).toEqual([{ line: 3, column: null, value: null, reason: 'Ogiltig UTF-8 fast filen angavs vara UTF-8.' }]);
  });

  it.each([
    ['utf8', 'utf-8'],
    ['PC8', 'cp437'],
    ['ANSI', 'windows-1252'],
    ['latin1', 'iso-8859-1'],
    ['auto', 'auto'],
    ['latin2', null],
  ] as const)('a user naming %s gets %s', (name, choice) => {
    expect(encodingChoice(name)).toBe(choice);
  });

  it('says which encodings it knows', () => {
    expect(unknownEncodingReason('latin2')).toBe('Okänd teckenkodning "latin2": välj auto, utf-8, pc8 (cp437), windows-1252 eller iso-8859-1.');
  });
});
