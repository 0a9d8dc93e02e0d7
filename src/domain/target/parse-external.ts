/**
 * Targets that compare with an external series: "i nivå med riket", "bättre än
 * kommungenomsnittet", "bland de 25 % bästa kommunerna", "skillnaden mot riket ska minska jämfört med 2021".
 */
import { readAmount } from './numbers.ts';
import { NUM, SP, whole, YEAR } from './patterns.ts';
import { alternation, EXTERNAL_PHRASES, SERIES } from './words.ts';
import type { Direction, ExternalComparisonTarget, ExternalGapTarget, RankTarget } from './types.ts';

const PHRASES = alternation(EXTERNAL_PHRASES);
const COMPARISON = whole(`((?:${PHRASES})|(?:${capitalFirst(PHRASES)})) (${SERIES})`);
const RANK = whole(`([Bb])land de ${NUM}${SP}(%|procent) bästa (kommunerna(?: i \\p{L}+)?|i \\p{L}+)`);
const GAP = whole(`([Ss])killnaden mot (.+?) ska (inte )?(öka|minska)(?: jämfört med ${YEAR})?`);

/** "i nivå med riket", "Bättre än liknande kommuner". */
export function readExternalComparison(text: string): ExternalComparisonTarget | null {
  const match = COMPARISON.exec(text);
  if (!match) return null;
  const printed = match[1]!;
  const phrase = printed[0]!.toLowerCase() + printed.slice(1);
  const relation = EXTERNAL_PHRASES[phrase];
  if (!relation) return null;
  return { kind: 'relative-to-external-series', relation, phrase, series: match[2]!, capitalized: printed !== phrase };
}

/** "bland de 25 % bästa kommunerna". */
export function readRank(text: string): RankTarget | null {
  const match = RANK.exec(text);
  const share = match && readAmount(match[2]!, match[3], match[4]);
  if (!match || !share) return null;
  return { kind: 'rank', share, group: match[5]!, capitalized: match[1] === 'B' };
}

/** "skillnaden mot riket ska minska jämfört med 2022": the gap to an external series. */
export function readExternalGap(text: string): ExternalGapTarget | null {
  const match = GAP.exec(text);
  if (!match) return null;
  const target: ExternalGapTarget = {
    kind: 'gap-to-external-series',
    series: match[2]!,
    direction: directionOf(match[3], match[4]!),
    capitalized: match[1] === 'S',
  };
  if (match[5]) target.baselineYear = Number(match[5]);
  return target;
}

function directionOf(negation: string | undefined, verb: string): Direction {
  if (verb === 'öka') return negation ? 'not-increase' : 'increase';
  return negation ? 'not-decrease' : 'decrease';
}

/** The same alternation with each phrase's first letter a capital. */
function capitalFirst(alternatives: string): string {
  return alternatives
    .split('|')
    .map((phrase) => phrase[0]!.toUpperCase() + phrase.slice(1))
    .join('|');
}
