/**
 * fast-check arbitraries for plan files: a real plan (a demo plan or the test builder's) with a
 * few mutations of the kinds an attacker, a careless spreadsheet export or a hand edit makes —
 * an item duplicated, removed or moved, a text replaced by an odd one, a key replaced by another
 * key of the plan, a number changed, an optional field dropped.
 */
import fc from 'fast-check';
import { copyJson, setAt, stringLeaves, type JsonPath } from './plan-walk.ts';

/** Texts that have broken parsers, printers and layouts before, next to ordinary ones. */
export const oddTexts = [
  '', ' ', '-', '−', '0', '00', '1 234,5', '-68 851', '194(-9)', '90 + 45', '5,3 %', '>föregående år', '21/57/22 %', '≥ 8 per förvaltning',
  'x'.repeat(200), 'Å'.repeat(60), 'ordutanmellanslag'.repeat(12), 'ﬁ ß İ ǅ', 'e\u0301', '😀👍🏽', '\t', 'a\nb', '<p>x</p>', '<b>fet</b> text',
  '</style><script>x()</script>', '=1+1', '@SUM(1)', '&amp;', '&', '"', '\\', "'", '%', '%d %s', '${x}', '{{x}}', 'null', 'undefined', '__proto__', 'constructor',
  'NaN', 'Infinity', '1e309', '9'.repeat(40), '0,0000001', '1.5', '1,5,5', '2020', '2020-13', '9999-99', 'Ja', 'Nej', '—', '…', '\u00a0', '\u202f', '\u200b', '\u2028',
];

type Json = unknown;

function arrayPaths(value: Json, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => arrayPaths(item, [...path, index]))];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => arrayPaths(item, [...path, key]));
  return [];
}

function numberPaths(value: Json, path: JsonPath = []): JsonPath[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => numberPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numberPaths(item, [...path, key]));
  return [];
}

function propertyPaths(value: Json, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => propertyPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...path, key], ...propertyPaths(item, [...path, key])]);
  return [];
}

const at = (root: Json, path: JsonPath): Json => path.reduce<Json>((node, step) => (node as Record<string | number, Json>)[step], root);

/** One mutation, described for the failure report. */
export type Mutation =
  | { kind: 'duplicate' | 'remove' | 'move' | 'empty'; pick: number; index: number }
  | { kind: 'text'; pick: number; text: string }
  | { kind: 'key'; pick: number; other: number }
  | { kind: 'number'; pick: number; number: number }
  | { kind: 'drop'; pick: number };

// Weighted so that about half of the mutated plans still validate (and so get printed), while
// key swaps, removals and dropped fields keep producing the plans validation must refuse.
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat(), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('move', 'empty' as const), pick: fc.nat(), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), index: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), text: fc.oneof(fc.constantFrom(...oddTexts), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('key' as const), pick: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('number' as const), pick: fc.nat(), number: fc.oneof(fc.integer({ min: -3, max: 25 }), fc.integer({ min: 1890, max: 2210 }), fc.double({ noNaN: true })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
);

const keyLike = /^[a-z0-9][a-z0-9._:-]*$/;

/** Applies mutations to a copy of a plan file's JSON. */
export function mutatePlan(original: Json, mutations: Mutation[]): Json {
  const plan = copyJson(original);
  for (const mutation of mutations) {
    switch (mutation.kind) {
      case 'duplicate':
      case 'remove':
      case 'move':
      case 'empty': {
        const arrays = arrayPaths(plan).filter((path) => (at(plan, path) as Json[]).length > 0);
        if (arrays.length === 0) break;
        const list = at(plan, arrays[mutation.pick % arrays.length]!) as Json[];
        const index = mutation.index % list.length;
        if (mutation.kind === 'duplicate') {
          // The copy gets a key of its own (when it has one): more items, not a duplicate key — key swaps make those.
          const copy = copyJson(list[index]);
          if (copy !== null && typeof copy === 'object' && typeof (copy as { key?: unknown }).key === 'string') (copy as { key: string }).key += '-k2';
          list.splice(index + 1, 0, copy);
        }
        if (mutation.kind === 'remove') list.splice(index, 1);
        if (mutation.kind === 'move') list.push(...list.splice(index, 1));
        if (mutation.kind === 'empty') list.length = 0;
        break;
      }
      case 'text': {
        // Free text, not keys, codes or periods (those are what key swaps are for).
        const leaves = stringLeaves(plan).filter((leaf) => !keyLike.test(leaf.value));
        if (leaves.length > 0) setAt(plan, leaves[mutation.pick % leaves.length]!.path, mutation.text);
        break;
      }
      case 'key': {
        // A key or reference replaced by another key of the plan: duplicates and dangling references.
        const keys = stringLeaves(plan).filter((leaf) => keyLike.test(leaf.value));
        if (keys.length > 1) setAt(plan, keys[mutation.pick % keys.length]!.path, keys[mutation.other % keys.length]!.value);
        break;
      }
      case 'number': {
        const numbers = numberPaths(plan);
        if (numbers.length > 0) setAt(plan, numbers[mutation.pick % numbers.length]!, mutation.number);
        break;
      }
      case 'drop': {
        const properties = propertyPaths(plan);
        if (properties.length === 0) break;
        const path = properties[mutation.pick % properties.length]!;
        delete (at(plan, path.slice(0, -1)) as Record<string, Json>)[path.at(-1) as string];
        break;
      }
    }
  }
  return plan;
}
