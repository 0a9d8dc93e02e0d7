/**
 * The plan's status rule (statusregel) and its legend: the tolerance rule (default), fulfilment
 * bands as municipalities print them (Helsingborg: 100 / 91–99 / 90 or lower), or fulfilled yes/no.
 * Every computed judgement passes through judge(), and every legend is written by statusLegend(),
 * so the scorecard, the documents and the web say the same thing (docs/targets.md).
 */
import { Decimal } from 'decimal.js';
import type { StatusRule } from './plan.ts';
import { evaluateBand, printNumber, statusWord, verdictText, type Requirement, type Status } from './status-band.ts';

export type { StatusRule };

/** One outcome against one bound, as the rules judge it. */
export interface Measurement {
  value: Decimal;
  bound: Decimal;
  requirement: Requirement;
  /** The unit the difference is told in ("%", "per förvaltning"). */
  unit: string;
  /** The yellow band of the tolerance rule. */
  tolerance: Decimal;
}

export interface Judgement {
  status: 'green' | 'yellow' | 'red';
  /** "uppfyllt", "nära målet, 3 procentenheter under (tolerans 4,5)", "delvis uppfyllt, uppfyllelse 96 %". */
  verdict: string;
}

/** Judges a measurement by the plan's rule; without a rule, by the tolerance rule. */
export function judge(measurement: Measurement, rule: StatusRule | undefined): Judgement {
  const { value, bound, requirement, unit, tolerance } = measurement;
  if (rule === undefined || rule.kind === 'tolerance') {
    const band = evaluateBand(value, bound, requirement, tolerance);
    return { status: band.status, verdict: verdictText(band, requirement, unit) };
  }
  const exact = evaluateBand(value, bound, requirement, new Decimal(0));
  const missed = (): Judgement => ({ status: 'red', verdict: verdictText({ ...exact, status: 'red' }, requirement, unit) });
  if (rule.kind === 'binary') return exact.status === 'green' ? { status: 'green', verdict: 'uppfyllt' } : missed();
  const percent = fulfilment(value, bound, requirement);
  // Against 0 (a result "> 0") fulfilment has no per cent: met or not, and the verdict says so.
  if (percent === null) {
    const judgement = exact.status === 'green' ? { status: 'green' as const, verdict: 'uppfyllt' } : missed();
    return { ...judgement, verdict: `${judgement.verdict} (uppfyllelse i procent saknas mot målvärdet ${printNumber(bound)})` };
  }
  const shown = round(percent, rule.rounding);
  const status = shown.gte(rule.greenFrom) ? 'green' : shown.gte(rule.yellowFrom) ? 'yellow' : 'red';
  const word = status === 'green' ? 'uppfyllt' : status === 'yellow' ? 'delvis uppfyllt' : 'inte uppfyllt';
  return { status, verdict: `${word}, uppfyllelse ${printNumber(shown)} %` };
}

/**
 * Fulfilment (uppfyllelse) in per cent: the outcome as a share of the target; when lower is better,
 * the target as a share of the outcome; for "as close as possible", 100 less the distance in per
 * cent of the target. Null against a target of 0 or below, where a share says nothing.
 */
export function fulfilment(value: Decimal, bound: Decimal, requirement: Requirement): Decimal | null {
  if (bound.lte(0)) return null;
  switch (requirement) {
    case 'above':
    case 'at-least':
      return value.dividedBy(bound).times(100);
    case 'below':
    case 'at-most':
      return value.lte(0) ? new Decimal(100) : bound.dividedBy(value).times(100);
    case 'closer':
      return Decimal.max(0, new Decimal(100).minus(value.minus(bound).abs().dividedBy(bound).times(100)));
  }
}

function round(percent: Decimal, rounding: Extract<StatusRule, { kind: 'fulfilment-bands' }>['rounding']): Decimal {
  if (rounding === 'whole-down') return percent.toDecimalPlaces(0, Decimal.ROUND_FLOOR);
  if (rounding === 'whole-half-up') return percent.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return percent;
}

/** One line of a legend: the status, its name and what it means under the plan's rule. */
export interface LegendEntry {
  status: Status;
  label: string;
  text: string;
}

/**
 * The legend of a plan's rule: what green, yellow and red mean (yellow only where the rule has
 * it), then the statuses without a judgement that `shown` contains (all of them when not given).
 */
export function statusLegend(rule: StatusRule | undefined, shown?: readonly Status[]): LegendEntry[] {
  const entry = (status: Status, text: string): LegendEntry => ({ status, label: capitalise(statusWord(status)), text });
  const judged = judgedLines(rule).map(([status, text]) => entry(status, text));
  const unjudged = (Object.keys(UNJUDGED) as Array<keyof typeof UNJUDGED>)
    .filter((status) => shown === undefined || shown.includes(status))
    .map((status) => entry(status, UNJUDGED[status]));
  return [...judged, ...unjudged];
}

/** The rule in one sentence, for a colophon or a heading: "Uppfyllelse 100 % grön, 91–99 % gul, 90 % eller lägre röd". */
export function describeStatusRule(rule: StatusRule | undefined): string {
  if (rule === undefined || rule.kind === 'tolerance') return 'grön när målvärdet är nått, gul inom toleransen, annars röd';
  if (rule.kind === 'binary') return 'grön när målvärdet är nått, annars röd';
  const { green, yellow, red } = bandTexts(rule);
  return `uppfyllelse ${green} grön, ${yellow} gul, ${red} röd`;
}

function judgedLines(rule: StatusRule | undefined): Array<['green' | 'yellow' | 'red', string]> {
  if (rule === undefined || rule.kind === 'tolerance') {
    return [
      ['green', 'Målvärdet är nått.'],
      ['yellow', 'Nära målet: inom toleransen, som styrtalet anger eller annars 5 % av målvärdet.'],
      ['red', 'Längre från målet än toleransen.'],
    ];
  }
  if (rule.kind === 'binary') return [['green', 'Uppfyllt: målvärdet är nått.'], ['red', 'Ej uppfyllt.']];
  const { green, yellow, red } = bandTexts(rule);
  const rounding = ROUNDING_TEXTS[rule.rounding];
  return [
    ['green', `Uppfyllelse ${green}. Uppfyllelse är utfallet i procent av målvärdet (när lägre är bättre: målvärdet i procent av utfallet); ${rounding}.`],
    ['yellow', `Uppfyllelse ${yellow}.`],
    ['red', `Uppfyllelse ${red}.`],
  ];
}

/** The three bands in words, edges as whole per cent when the rounding gives whole per cent. */
function bandTexts(rule: Extract<StatusRule, { kind: 'fulfilment-bands' }>): { green: string; yellow: string; red: string } {
  const green = new Decimal(rule.greenFrom);
  const yellow = new Decimal(rule.yellowFrom);
  const whole = rule.rounding !== 'none' && green.isInteger() && yellow.isInteger();
  const greenText = green.equals(100) ? '100 % eller mer' : `${printNumber(green)} % eller mer`;
  if (whole) {
    const below = yellow.minus(1);
    const yellowText = yellow.equals(green) ? 'används inte' : `${printNumber(yellow)}–${printNumber(green.minus(1))} %`;
    return { green: greenText, yellow: yellowText, red: `${printNumber(below)} % eller lägre` };
  }
  const yellowText = yellow.equals(green) ? 'används inte' : `från ${printNumber(yellow)} % till under ${printNumber(green)} %`;
  return { green: greenText, yellow: yellowText, red: `under ${printNumber(yellow)} %` };
}

const ROUNDING_TEXTS = {
  none: 'den avrundas inte',
  'whole-down': 'den avrundas nedåt till hela procent',
  'whole-half-up': 'den avrundas till närmaste hela procent (0,5 uppåt)',
} as const;

const UNJUDGED = {
  'no-direction': 'Målvärdet säger inte om högre eller lägre är bättre, och styrtalet anger ingen riktning.',
  'not-measured': 'Utfall, målvärde eller jämförelsevärde saknas för perioden.',
  'no-measure': 'Måttet fanns inte ännu.',
  'not-followed-up': 'Följdes inte upp under perioden.',
  reported: 'Utfallet redovisas utan målvärde.',
} as const;

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
