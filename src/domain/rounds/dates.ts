/**
 * Calendar days as ISO dates ('2017-09-15'), for deadlines: a day's date text compares in order,
 * and days are added on the calendar (UTC arithmetic on the date alone, no clock, no time zone).
 */
import { monthName } from '../period.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date 'YYYY-MM-DD' (not '2017-02-30'). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** A date some days later (or earlier, with a negative count): ('2017-09-15', -3) → '2017-09-12'. */
export function addDays(date: string, days: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Inget datum: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)).toISOString().slice(0, 10);
}

/** Days from one date to another: ('2017-09-12', '2017-09-15') → 3. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A date in Swedish words: '2017-09-15' → "15 september 2017". */
export function describeDate(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${monthName(Number(match[2]))} ${match[1]}`;
}
