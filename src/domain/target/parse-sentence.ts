/**
 * Targets that are more or less than one phrase: a range ("80–85 %"), a target that is only
 * reported ("Redovisas"), and a target inside a goal sentence ("Målet är uppnått när de positiva
 * svaren är 90 procent eller högre.", "Sjukfrånvaron i Enköping ska minska").
 */
import { readNumber } from './numbers.ts';
import { FROM_TO, NUM, QUALIFIER_AFTER, QUALIFIER_BEFORE, SP, UNIT, whole, YEAR } from './patterns.ts';
import { REPORTED } from './words.ts';
import type { InSentenceTarget, RangeTarget, ReportedTarget, Space, Target } from './types.ts';

const RANGE = whole(`${NUM}( ?[–—-] ?)${NUM}(?:${SP}${UNIT})?`);
const REPORTED_ONLY = whole(REPORTED);

// Cores a goal sentence may carry: a bound in words ("minst 1,5 procent", "90 procent eller högre",
// "ökar till 19 500 personer år 2026"), a value by a year ("95 % år 2020"), or "ska minska".
const VALUE_CORE =
  `(?:${FROM_TO}` +
  `|${QUALIFIER_BEFORE} ${NUM}(?:${SP}${UNIT})?(?: år ${YEAR})?` +
  `|${NUM}(?:${SP}${UNIT})? ${QUALIFIER_AFTER}` +
  `|${NUM}(?:${SP}${UNIT})? år ${YEAR})`;
const CHANGE_CORE = `[Ss]ka (?:inte )?(?:öka|minska)(?: jämfört med (?:föregående år|${YEAR}))?`;
const CORE = new RegExp(`(?<=^|[\\s(])(?:${VALUE_CORE}|${CHANGE_CORE})(?=$|[\\s.,;:!)])`, 'gu');

/** "80–85 %", "3-5 dagar". */
export function readRange(text: string): RangeTarget | null {
  const match = RANGE.exec(text);
  const low = match && readNumber(match[1]!);
  const high = match && readNumber(match[3]!);
  if (!match || !low || !high || low.value.gte(high.value)) return null;
  return { kind: 'range', low, high, separator: match[2]!, unit: match[5] ?? '', unitSpace: (match[4] ?? '') as Space };
}

/** "Redovisas", "Följs upp årligen", "Nollmätning". */
export function readReported(text: string): ReportedTarget | null {
  return REPORTED_ONLY.test(text) ? { kind: 'reported', text } : null;
}

/**
 * The one target inside a sentence, with the words before and after it kept as printed. A
 * sentence with two candidate targets is not guessed between: it stays qualitative; neither is a
 * change followed by more words.
 */
export function readInSentence(text: string, readWhole: (core: string) => Target | null): InSentenceTarget | null {
  const matches = [...text.matchAll(CORE)];
  if (matches.length !== 1) return null;
  const match = matches[0]!;
  const target = readWhole(match[0]);
  if (!target || (target.kind !== 'value' && target.kind !== 'relative-to-last-year')) return null;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  if (before === '' && after === '') return null;
  // Words after "ska öka" qualify the change ("ska öka kraftigt", "ska öka med minst 5 %"): only
  // a change that ends the sentence is read.
  if (target.kind === 'relative-to-last-year' && after !== '' && after !== '.') return null;
  return { kind: 'in-sentence', before, target, after };
}
