/**
 * Follow-up periods, the one rule for them: a year '2025', a half-year '2025-H1' (halvår), a
 * tertial '2025-T2' (tertial), a quarter '2025-Q3' (kvartal) or a month '2025-08'. Parsing,
 * validation (the zod schemas of period fields are in period-field.ts, so the browser bundle stays
 * without zod), Swedish print forms, the months a period
 * covers, containment and order, and the month and day arithmetic of the follow-up (status,
 * aggregation, forecasts, deviations) live here, so every module — server, documents and browser
 * alike — reads and counts periods the same way.
 */
/** A period as stored and sent: '2025', '2025-H1', '2025-T2', '2025-Q3' or '2025-08'. */
export type Period = string;

export const periodKinds = ['year', 'half-year', 'tertial', 'quarter', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A period taken apart: its kind, its year and which part of the year it is (1 for a year). */
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** 1–2 for a half-year, 1–3 for a tertial, 1–4 for a quarter, 1–12 for a month, 1 for a year. */
  part: number;
}

interface KindRule {
  /** Months in one period of the kind. */
  months: number;
  /** The letter of the code ('2025-T2'), or null (a year has no suffix, a month has two digits). */
  letter: string | null;
  /** Ordinal nouns of the long Swedish form: "första tertialet 2025". */
  noun: string | null;
}

const KINDS: Record<PeriodKind, KindRule> = {
  year: { months: 12, letter: null, noun: null },
  'half-year': { months: 6, letter: 'H', noun: 'halvåret' },
  tertial: { months: 4, letter: 'T', noun: 'tertialet' },
  quarter: { months: 3, letter: 'Q', noun: 'kvartalet' },
  month: { months: 1, letter: null, noun: null },
};

const LETTER_KINDS: Record<string, PeriodKind> = { H: 'half-year', T: 'tertial', Q: 'quarter' };

/** The code of any period kind; the one pattern (the JSON Schema of the plan file prints it). */
export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2]|H[12]|T[1-3]|Q[1-4]))?$/;
/** The code of a month, 'YYYY-MM'. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How a period is written, for messages: "ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM". */
export const PERIOD_FORMS = 'ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM';
export const PERIOD_MESSAGE = `Period anges som ${PERIOD_FORMS}`;
export const MONTH_MESSAGE = 'Anges som ÅÅÅÅ-MM';

/** A period's parts, or null when the text is no period code. */
export function parsePeriod(text: string): PeriodParts | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const suffix = match[2];
  if (suffix === undefined) return { kind: 'year', year, part: 1 };
  const lettered = LETTER_KINDS[suffix[0]!];
  return lettered ? { kind: lettered, year, part: Number(suffix.slice(1)) } : { kind: 'month', year, part: Number(suffix) };
}

/** The code of a period's parts: { tertial, 2025, 2 } → '2025-T2'. */
export function periodCode(parts: PeriodParts): Period {
  const { kind, year, part } = parts;
  if (kind === 'year') return String(year);
  if (kind === 'month') return monthPeriod(year, part);
  return `${year}-${KINDS[kind].letter}${part}`;
}

/** A period as a part of a key, which is lower case: '2025-T2' → '2025-t2' (years and months stay as they are). */
export function periodKeyPart(period: Period): string {
  return period.toLowerCase();
}

/** Whether a text is a period code of any kind. */
export function isPeriod(text: string): boolean {
  return PERIOD_PATTERN.test(text);
}

/** The kind of a period, or null when the text is none. */
export function periodKind(text: string): PeriodKind | null {
  return parsePeriod(text)?.kind ?? null;
}

/** Whether a text is a month 'YYYY-MM'. */
export function isMonthPeriod(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** Whether a text is a year 'YYYY'. */
export function isYearPeriod(text: string): boolean {
  return periodKind(text) === 'year';
}

/** The problem with a period text in Swedish, or null when it is a period: `Perioden "2025-T4" anges som …`. */
export function periodProblem(text: string): string | null {
  return isPeriod(text) ? null : `Perioden "${text}" anges som ${PERIOD_FORMS}`;
}

/** The year of a period: '2017-08' → 2017, '2025-T2' → 2025. */
export function yearOf(period: Period): number {
  return Number(period.slice(0, 4));
}

/** The month of a month period (1–12), or null for any other kind. */
export function monthOf(period: Period): number | null {
  return isMonthPeriod(period) ? Number(period.slice(5, 7)) : null;
}

/** The month period of a year and month number: (2017, 8) → '2017-08'. */
export function monthPeriod(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The twelve months of a year, '2017-01' … '2017-12'. */
export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
}

/** First and last month number (1–12) of a period's parts. */
function monthSpan(parts: PeriodParts): { first: number; last: number } {
  const { months } = KINDS[parts.kind];
  const first = parts.kind === 'month' ? parts.part : (parts.part - 1) * months + 1;
  return { first, last: first + months - 1 };
}

function requireParts(period: Period): PeriodParts {
  const parts = parsePeriod(period);
  if (!parts) throw new RangeError(periodProblem(period) ?? period);
  return parts;
}

/** The months a period covers, in order: '2025-T2' → '2025-05' … '2025-08'. */
export function monthsCovered(period: Period): Period[] {
  const parts = requireParts(period);
  const { first, last } = monthSpan(parts);
  return Array.from({ length: last - first + 1 }, (_, i) => monthPeriod(parts.year, first + i));
}

/** The first month of a period: '2025-Q3' → '2025-07'. */
export function firstMonth(period: Period): Period {
  const parts = requireParts(period);
  return monthPeriod(parts.year, monthSpan(parts).first);
}

/**
 * The last month of a period: '2025-T2' → '2025-08', '2025' → '2025-12'. Follow-up of a period is
 * follow-up as of its last month (the forecast's month, the months counted so far).
 */
export function lastMonth(period: Period): Period {
  const parts = requireParts(period);
  return monthPeriod(parts.year, monthSpan(parts).last);
}

/** Months since year 0, for comparing. */
function monthIndex(parts: PeriodParts, edge: 'first' | 'last'): number {
  return parts.year * 12 + monthSpan(parts)[edge];
}

/** Whether every month of `inner` lies in `outer`: '2025' contains '2025-T2', '2025-H1' contains '2025-Q2'. */
export function periodContains(outer: Period, inner: Period): boolean {
  const a = requireParts(outer);
  const b = requireParts(inner);
  return monthIndex(a, 'first') <= monthIndex(b, 'first') && monthIndex(b, 'last') <= monthIndex(a, 'last');
}

/** Whether two periods share a month: '2025-T2' and '2025-H2' share August. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const x = requireParts(a);
  const y = requireParts(b);
  return monthIndex(x, 'first') <= monthIndex(y, 'last') && monthIndex(y, 'first') <= monthIndex(x, 'last');
}

/**
 * Periods in reading order: by first month, a longer period before the shorter ones it begins
 * with ('2025' < '2025-H1' < '2025-Q1' < '2025-01' < '2025-02'). For years and months this is the
 * order of their codes as text.
 */
export function comparePeriods(a: Period, b: Period): number {
  const x = requireParts(a);
  const y = requireParts(b);
  return monthIndex(x, 'first') - monthIndex(y, 'first') || KINDS[y.kind].months - KINDS[x.kind].months;
}

/**
 * Periods by when they end, a shorter period before the longer ones it ends with: a year's
 * analysis is written when the year is over, after its December ('2025-12' < '2025-T3' < '2025').
 */
export function comparePeriodEnds(a: Period, b: Period): number {
  const x = requireParts(a);
  const y = requireParts(b);
  return monthIndex(x, 'last') - monthIndex(y, 'last') || KINDS[x.kind].months - KINDS[y.kind].months;
}

/** Whether a period has begun by the end of another: '2020' by '2020-08' and '2020-08' by '2020', not '2020-09' by '2020-08'. */
export function periodBegunBy(period: Period, by: Period): boolean {
  return monthIndex(requireParts(period), 'first') <= monthIndex(requireParts(by), 'last');
}

/** The same period a number of years earlier: ('2020', 1) → '2019', ('2020-T2', 1) → '2019-T2'. */
export function yearsBefore(period: Period, years: number): Period {
  return inYear(period, yearOf(period) - years);
}

/** The same period in another year: ('2020-08', 2018) → '2018-08'. */
export function inYear(period: Period, year: number): Period {
  return String(year) + period.slice(4);
}

// månadsförkortningar and månadsnamn, as Swedish documents print them
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;
const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;
const ORDINALS = ['första', 'andra', 'tredje', 'fjärde'] as const;

/** The Swedish short name of a month, 1 = "jan" … 12 = "dec". */
export function monthLabel(month: number): string {
  const label = MONTHS[month - 1];
  if (!Number.isInteger(month) || label === undefined) throw new RangeError(`Ingen månad: ${month}`);
  return label;
}

/** The Swedish name of a month, 1 = "januari" … 12 = "december" (titles of reports). */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!Number.isInteger(month) || name === undefined) throw new RangeError(`Ingen månad: ${month}`);
  return name;
}

/**
 * A period as tables and explanations print it: "2025", "H1 2025", "T2 2025", "Q3 2025",
 * "aug 2025"; a text that is no period is returned as given.
 */
export function formatPeriod(period: string): string {
  const parts = parsePeriod(period);
  if (!parts) return period;
  if (parts.kind === 'year') return String(parts.year);
  if (parts.kind === 'month') return `${monthLabel(parts.part)} ${parts.year}`;
  return `${KINDS[parts.kind].letter}${parts.part} ${parts.year}`;
}

/**
 * A period in words, as titles print it: "2025", "första halvåret 2025", "andra tertialet 2025",
 * "tredje kvartalet 2025", "augusti 2025"; a text that is no period is returned as given.
 */
export function describePeriod(period: string): string {
  const parts = parsePeriod(period);
  if (!parts) return period;
  if (parts.kind === 'year') return String(parts.year);
  if (parts.kind === 'month') return `${monthName(parts.part)} ${parts.year}`;
  return `${ORDINALS[parts.part - 1]} ${KINDS[parts.kind].noun} ${parts.year}`;
}

/**
 * A period typed by a person, read leniently into its code: the code in any case and spacing
 * ("2025-t2", " 2025-08 "), the printed forms ("T2 2025", "aug 2025", "augusti 2025") and the
 * words ("första tertialet 2025"). Null when the text is none of them.
 */
export function readPeriod(text: string): Period | null {
  const typed = text.trim().replace(/\s+/g, ' ');
  const code = typed.toUpperCase().replace(/\s*-\s*/, '-');
  if (isPeriod(code)) return code;
  const printed = /^([HTQ])([1-4]) (\d{4})$/i.exec(typed);
  if (printed) return fromParts(LETTER_KINDS[printed[1]!.toUpperCase()]!, Number(printed[3]), Number(printed[2]));
  const month = /^(\p{L}+) (\d{4})$/u.exec(typed);
  if (month) {
    const word = month[1]!.toLowerCase();
    const index = MONTH_NAMES.findIndex((name) => name === word) + 1 || MONTHS.findIndex((name) => name === word) + 1;
    if (index > 0) return monthPeriod(Number(month[2]), index);
  }
  const words = /^(\p{L}+) (\p{L}+) (\d{4})$/u.exec(typed.toLowerCase());
  if (words) {
    const part = ORDINALS.findIndex((ordinal) => ordinal === words[1]) + 1;
    const kind = (['half-year', 'tertial', 'quarter'] as const).find((candidate) => KINDS[candidate].noun === words[2]);
    if (part > 0 && kind) return fromParts(kind, Number(words[3]), part);
  }
  return null;
}

function fromParts(kind: PeriodKind, year: number, part: number): Period | null {
  const code = periodCode({ kind, year, part });
  return isPeriod(code) ? code : null;
}

/** A plan's period of years, 'YYYY-YYYY' as the API and the rollover take it. */
export interface YearRange {
  start: number;
  end: number;
}

export const YEAR_RANGE_PATTERN = /^(\d{4})-(\d{4})$/;
export const YEAR_RANGE_MESSAGE = 'Ange perioden som ÅÅÅÅ-ÅÅÅÅ';

/** '2021-2023' → { start: 2021, end: 2023 }; null for anything else (an end before the start too). */
export function parseYearRange(text: string): YearRange | null {
  const match = YEAR_RANGE_PATTERN.exec(text);
  if (!match) return null;
  const range = { start: Number(match[1]), end: Number(match[2]) };
  return range.end >= range.start ? range : null;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1]!;
}

/** Days from 1 January through the end of the given month. */
export function daysThrough(year: number, month: number): number {
  let days = 0;
  for (let m = 1; m <= month; m++) days += daysInMonth(year, m);
  return days;
}
