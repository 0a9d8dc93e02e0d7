/**
 * The target parser (src/domain/target.ts) under fuzzing: texts built from the grammar's own
 * pieces, the real target texts of the demo plans with characters inserted, removed and swapped,
 * and arbitrary Unicode. parseTarget never throws and never hangs, prints every text back exactly
 * (what it cannot read stays qualitative, as its text), and what it reads is stable: reading the
 * printed text again gives the same structure.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTarget, isMachineReadable, parseTarget, printTarget } from '../../src/domain/target.ts';
import { fuzzOptions, reportFigures } from './fuzz.ts';

const demoTargets = ['timra-ifo-2018-2020', 'timra-sn-2020-2022'].flatMap((key) => {
  const plan = JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8')) as { indicators: Array<{ targets: Array<{ text: string }> }> };
  return plan.indicators.flatMap((indicator) => indicator.targets.map((target) => target.text));
});

const pieces = [
  '>', '<', '>=', '<=', '≥', '≤', '=', 'minst', 'Minst', 'högst', 'Högst', 'ska', 'öka', 'minska', 'inte', 'jämfört med', 'föregående år', 'år', 'riket',
  'skillnaden mot', 'respektive', 'NKI', 'KKIK', 'differens', 'Soliditet i förhållande till Norrlands kommuner', 'av skatter och generella statsbidrag',
  '%', '%-enheter', 'procentenheter', 'procent', 'tkr', 'mkr', 'kr', 'st', 'personer', 'dagar', 'per förvaltning', 'per', 'enhet',
  '0', '1', '8', '15', '90', '100', '1 234', '18 100', '1\u00a0234', '5,3', '0,5', '-2', '−2', '2020', '2023', '21/57/22', '79/21', '85, 85, 85', '/', ',', '.', ':', '(', ')',
  ' ', ' ', ' ', '\u00a0', '\u202f', '', '\n', '\t',
];

const grammarText = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
const spacedText = fc.array(fc.constantFrom(...pieces.filter((piece) => piece.trim() !== '')), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(' '));
const editedDemo = fc
  .tuple(fc.constantFrom(...demoTargets), fc.nat(), fc.constantFrom('insert', 'delete', 'swap', 'repeat' as const), fc.constantFrom(...pieces, 'x', '9', ' '))
  .map(([text, at, edit, piece]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (edit === 'insert') return text.slice(0, i) + piece + text.slice(i);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'swap') return text.slice(0, i) + text.slice(i + 1, i + 2) + text.slice(i, i + 1) + text.slice(i + 2);
    return text.repeat(1 + (at % 4));
  });
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
// Long runs of what the grammar repeats (digits in groups, list items) are where a regex could backtrack for ever.
const longText = fc.tuple(fc.constantFrom('1 ', '1 234 ', '85, ', '21/', '> ', 'per enhet ', 'a'), fc.integer({ min: 50, max: 400 }), fc.constantFrom('', '!', '%', 'x')).map(([piece, times, end]) => piece.repeat(times) + end);

describe('the target parser under fuzzing', () => {
  it('never throws or hangs, prints every text back exactly, and reads its own print the same', () => {
    const figures = { tried: 0, readable: 0, slowest_ms: 0, failures: 0 };
    try {
      fc.assert(
        fc.property(fc.oneof(grammarText, spacedText, editedDemo, anyText, longText, fc.constantFrom(...demoTargets)), (text) => {
          figures.tried += 1;
          const started = performance.now();
          const target = parseTarget(text);
          figures.slowest_ms = Math.max(figures.slowest_ms, Math.round(performance.now() - started));
          expect(performance.now() - started).toBeLessThan(2000);
          expect(printTarget(target)).toBe(text);
          expect(parseTarget(printTarget(target))).toEqual(target);
          expect(typeof describeTarget(target)).toBe('string');
          if (isMachineReadable(target)) figures.readable += 1;
        }),
        fuzzOptions(3000),
      );
    } catch (error) {
      figures.failures += 1;
      throw error;
    } finally {
      reportFigures('target parser', figures);
    }
  });
});
