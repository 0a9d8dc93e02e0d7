/**
 * Follow-up periods: a year 'YYYY' or a month 'YYYY-MM'. The period arithmetic of the follow-up
 * (status, aggregation, forecasts, deviations) lives here, so every module counts days and
 * months the same way.
 */

export type Period = string;

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** Whether a text is a period 'YYYY' or 'YYYY-MM' (month 01–12). */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** Whether a text is a month 'YYYY-MM'. */
export function isMonthPeriod(text: string): boolean {
  return isPeriod(text) && text.length === 7;
}

/** The year of a period: '2017-08' → 2017. */
export function yearOf(period: Period): number {
  return Number(period.slice(0, 4));
}

/** The month of a period (1–12), or null for a year. */
export function monthOf(period: Period): number | null {
  return period.length === 7 ? Number(period.slice(5, 7)) : null;
}

/** The month period of a year and month number: (2017, 8) → '2017-08'. */
export function monthPeriod(year: number, month: number): Period {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The twelve months of a year, '2017-01' … '2017-12'. */
export function monthsOf(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
}

/** The same period a number of years earlier: ('2020', 1) → '2019', ('2020-08', 1) → '2019-08'. */
export function yearsBefore(period: Period, years: number): Period {
  return String(yearOf(period) - years) + period.slice(4);
}

/** The same period in another year: ('2020-08', 2018) → '2018-08'. */
export function inYear(period: Period, year: number): Period {
  return String(year) + period.slice(4);
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
