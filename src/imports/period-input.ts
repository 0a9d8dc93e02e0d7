/**
 * Periods as files write them, normalised to Styrkort's periods (domain/period.ts). First every
 * form the domain reads (readPeriod: "2017", "2017-08", "2017-Q3", "T2 2017", "aug 2017",
 * "augusti 2017", "första tertialet 2017"), then the forms exports add: "2017-8", "201708",
 * "2017/08", a date "2017-08-31" or "20170831" (its month), "2017 aug", "Aug. 2017", "sept 2017".
 * A month without a year ("aug", "Utfall aug" in a wide table) takes the year given by the caller.
 * Forms that could mean two things ("08/17", "aug 17") are refused rather than guessed.
 */
import { daysInMonth, monthPeriod, readPeriod, type Period } from '../domain/period.ts';

const MONTHS: Array<[number, string[]]> = [
  [1, ['jan', 'januari']],
  [2, ['feb', 'febr', 'februari']],
  [3, ['mar', 'mars']],
  [4, ['apr', 'april']],
  [5, ['maj']],
  [6, ['jun', 'juni']],
  [7, ['jul', 'juli']],
  [8, ['aug', 'augusti']],
  [9, ['sep', 'sept', 'september']],
  [10, ['okt', 'oktober']],
  [11, ['nov', 'november']],
  [12, ['dec', 'december']],
];

const MONTH_BY_NAME = new Map(MONTHS.flatMap(([month, names]) => names.map((name) => [name, month] as const)));

const CANONICAL_MONTH = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** The month (1–12) a Swedish month name or abbreviation stands for ("aug", "Augusti", "sept."), or null. */
export function monthFromName(text: string): number | null {
  return MONTH_BY_NAME.get(text.trim().toLowerCase().replace(/\.$/, '')) ?? null;
}

/** Reads a period in any of the forms above; null when it is none of them. */
export function parsePeriodText(text: string, options: { year?: number } = {}): Period | null {
  // The common form first: a ledger of a million rows writes "2017-08" a million times.
  if (text.length === 7 && CANONICAL_MONTH.test(text)) return text;
  const read = readPeriod(text);
  if (read !== null) return read;
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  let match = /^(\d{4})$/.exec(value);
  if (match) return validYear(Number(match[1])) ? match[1]! : null;
  match = /^(\d{4})[-/](\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})$/.exec(value);
  if (match) return month(Number(match[1]), Number(match[2]));
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) return date(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([a-zåäö]+\.?)[\s-]+(\d{4})$/.exec(value);
  if (match) return named(match[1]!, Number(match[2]));
  match = /^(\d{4})[\s-]+([a-zåäö]+\.?)$/.exec(value);
  if (match) return named(match[2]!, Number(match[1]));
  match = /^([a-zåäö]+\.?)$/.exec(value);
  if (match && options.year !== undefined) return named(match[1]!, options.year);
  return null;
}

/** The month of a date (an Excel date cell), in UTC as exceljs gives dates. */
export function periodOfDate(value: Date): Period | null {
  if (Number.isNaN(value.getTime())) return null;
  return month(value.getUTCFullYear(), value.getUTCMonth() + 1);
}

/** Why a text is not a period, for the error report. */
export function periodReason(text: string, options: { year?: number } = {}): string {
  const value = text.trim().toLowerCase();
  if (/^[a-zåäö]+\.?$/.test(value) && monthFromName(value) !== null && options.year === undefined) {
    return 'Månaden saknar år; skriv t.ex. "aug 2017" eller ange året för filen.';
  }
  return 'Ingen period: skriv en månad som 2017-08, 201708 eller aug 2017, ett år som 2017 eller ett kvartal, tertial eller halvår som 2017-Q3, 2017-T2, 2017-H1.';
}

function named(name: string, year: number): Period | null {
  const number = monthFromName(name);
  return number === null ? null : month(year, number);
}

function month(year: number, number: number): Period | null {
  return validYear(year) && number >= 1 && number <= 12 ? monthPeriod(year, number) : null;
}

function date(year: number, number: number, day: number): Period | null {
  const period = month(year, number);
  return period !== null && day >= 1 && day <= daysInMonth(year, number) ? period : null;
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
