/**
 * Year values from monthly values, by the kind of measure (docs/follow-up.md): a month-end stock
 * gives its December (or latest) value and an average; a monthly count its average; year-
 * equivalent placements sum their placement days over the days of the year; care days, counts
 * and amounts sum. A missing month is missing, never zero. And the year values a plan printed
 * (Bokslut, Plan) beside its months, compared with what the months give.
 */
import { Decimal } from 'decimal.js';
import { figureValue } from './figure.ts';
import { formatPeriod } from './format.ts';
import { comparePeriods, daysInMonth, daysInYear, isMonthPeriod, isYearPeriod, monthOf, monthPeriod, monthsOf, yearOf } from './period.ts';
import type { Column, VolumeRow, VolumeTable, volumeKinds } from './plan.ts';
import { printNumber } from './status-band.ts';

export type VolumeKind = (typeof volumeKinds)[number];
/** A volume kind, or 'amount' for money (budget lines), which sums like a count. */
export type AggregationKind = VolumeKind | 'amount';

export interface MonthValue {
  period: string; // 'YYYY-MM'
  value: Decimal | null;
}

export interface VolumeYear {
  year: number;
  kind: AggregationKind;
  /** The year value by the kind's rule; null when no month has a value. */
  value: Decimal | null;
  /** The rule in words: "decembervärdet", "summan av månaderna". */
  rule: string;
  average: Decimal | null;
  latest: { period: string; value: Decimal } | null;
  /** The months' plain sum. */
  total: Decimal | null;
  monthsWithValue: number;
  /** Months up to `through` without a value. */
  missing: string[];
  /** The last month taken into account. */
  through: string;
  /** Every month of the year has a value. */
  complete: boolean;
  explanation: string;
}

const RULES: Record<AggregationKind, string> = {
  'month-end-stock': 'värdet i december',
  'monthly-count': 'medelvärdet av månaderna',
  'year-placements': 'placeringsdygn delat med årets dagar',
  'care-days': 'summan av månaderna',
  'yearly-count': 'summan av månaderna',
  context: 'senaste värdet',
  amount: 'summan av månaderna',
};

/** The year value of a measure from its months (up to `through`, default December). */
export function aggregateVolumeYear(options: { kind: AggregationKind; year: number; months: MonthValue[]; through?: string }): VolumeYear {
  const { kind, year } = options;
  const through = options.through ?? monthPeriod(year, 12);
  const periods = monthsOf(year).filter((period) => period <= through);
  const byPeriod = new Map(options.months.filter((m) => m.value !== null).map((m) => [m.period, m.value!]));
  const present = periods.filter((period) => byPeriod.has(period)).map((period) => ({ period, value: byPeriod.get(period)! }));
  const missing = periods.filter((period) => !byPeriod.has(period));
  const complete = periods.length === 12 && missing.length === 0;
  const total = present.length ? present.reduce((sum, m) => sum.plus(m.value), new Decimal(0)) : null;
  const average = total && total.dividedBy(present.length);
  const latest = present.at(-1) ?? null;
  const base = { year, kind, average, latest, total, monthsWithValue: present.length, missing, through, complete };
  if (!latest) return { ...base, value: null, rule: RULES[kind], explanation: `Inga månadsvärden för ${year}` };
  const { value, rule } = yearValue(kind, year, present, complete);
  const gaps = missing.length ? `; ${missing.length} ${missing.length === 1 ? 'månad' : 'månader'} saknar värde (${missing.map(formatPeriod).join(', ')})` : '';
  const scope = complete ? '' : ` t.o.m. ${formatPeriod(latest.period)}`;
  const mean = kind === 'month-end-stock' ? `; medel ${printNumber(average!)}` : '';
  return { ...base, value, rule, explanation: `Årsvärde${scope} ${printNumber(value)} = ${rule}${mean}${gaps}` };
}

function yearValue(kind: AggregationKind, year: number, present: Array<{ period: string; value: Decimal }>, complete: boolean): { value: Decimal; rule: string } {
  const latest = present.at(-1)!;
  const sum = present.reduce((total, m) => total.plus(m.value), new Decimal(0));
  switch (kind) {
    case 'month-end-stock':
      return complete || monthOf(latest.period) === 12 ? { value: latest.value, rule: RULES[kind] } : { value: latest.value, rule: `senaste värdet (${formatPeriod(latest.period)})` };
    case 'context':
      return { value: latest.value, rule: RULES[kind] };
    case 'monthly-count':
      return { value: sum.dividedBy(present.length), rule: `medelvärdet av ${present.length} månader` };
    case 'year-placements': {
      const days = present.reduce((total, m) => total.plus(m.value.times(daysInMonth(year, monthOf(m.period)!))), new Decimal(0));
      return { value: days.dividedBy(daysInYear(year)), rule: `${printNumber(days)} placeringsdygn / ${daysInYear(year)}` };
    }
    case 'care-days':
    case 'yearly-count':
    case 'amount':
      return { value: sum, rule: `summan av ${present.length} månader` };
  }
}

/**
 * How much each month weighs in the year value, for a full year: the year value is
 * Σ weight × month value. Forecasts use this to carry month errors into the year's interval.
 */
export function yearWeights(kind: AggregationKind, year: number): Decimal[] {
  return monthsOf(year).map((_, i) => {
    const month = i + 1;
    switch (kind) {
      case 'month-end-stock':
      case 'context':
        return new Decimal(month === 12 ? 1 : 0);
      case 'monthly-count':
        return new Decimal(1).dividedBy(12);
      case 'year-placements':
        return new Decimal(daysInMonth(year, month)).dividedBy(daysInYear(year));
      default:
        return new Decimal(1);
    }
  });
}

/** The monthly actuals of a row in a year, from the table's actual columns with month periods. */
export function monthlyActuals(columns: Column[], cells: Record<string, string>, year: number): MonthValue[] {
  return columns
    .filter((column) => column.kind === 'actual' && column.period !== undefined && isMonthPeriod(column.period) && yearOf(column.period) === year)
    .map((column) => ({ period: column.period!, value: figureValue(cells[column.key]) }))
    .sort((a, b) => comparePeriods(a.period, b.period));
}

/** Years that have monthly actual columns in a table. */
export function yearsWithMonths(columns: Column[]): number[] {
  const years = columns.filter((c) => c.kind === 'actual' && c.period !== undefined && isMonthPeriod(c.period)).map((c) => yearOf(c.period!));
  return [...new Set(years)].sort();
}

export interface PrintedYearValue {
  columnKey: string;
  columnLabel: string;
  columnKind: Column['kind'];
  text: string;
  value: Decimal | null;
  /** What the months give minus what was printed; null when either is missing. */
  difference: Decimal | null;
}

export interface VolumeYearComparison {
  tableKey: string;
  rowKey: string;
  label: string;
  kind: VolumeKind;
  year: number;
  /** The year value from the months; null when the year has no monthly values. */
  derived: VolumeYear | null;
  printed: PrintedYearValue[];
  explanation: string;
}

/**
 * For every row and year of a volume table: the year value the months give beside each year
 * value printed for that year (Bokslut, Plan, Budget), with the difference. Shown, never corrected.
 */
export function compareVolumeYears(table: VolumeTable): VolumeYearComparison[] {
  const yearColumns = table.columns.filter((c) => c.period !== undefined && isYearPeriod(c.period));
  const years = [...new Set([...yearsWithMonths(table.columns), ...yearColumns.map((c) => yearOf(c.period!))])].sort();
  return table.rows.flatMap((row) =>
    years
      .map((year) => compareRowYear(table, row, year, yearColumns.filter((c) => yearOf(c.period!) === year && row.cells[c.key] !== undefined)))
      .filter((comparison) => comparison.derived !== null || comparison.printed.length > 0),
  );
}

function compareRowYear(table: VolumeTable, row: VolumeRow, year: number, columns: Column[]): VolumeYearComparison {
  const months = monthlyActuals(table.columns, row.cells, year);
  const derived = months.some((m) => m.value !== null) ? aggregateVolumeYear({ kind: row.kind, year, months }) : null;
  const printed = columns.map((column): PrintedYearValue => {
    const text = row.cells[column.key]!;
    const value = figureValue(text);
    const difference = derived?.value && value ? derived.value.minus(value) : null;
    return { columnKey: column.key, columnLabel: column.label, columnKind: column.kind, text, value, difference };
  });
  const base = { tableKey: table.key, rowKey: row.key, label: row.label, kind: row.kind, year, derived, printed };
  return { ...base, explanation: explainComparison(year, derived, printed) };
}

function explainComparison(year: number, derived: VolumeYear | null, printed: PrintedYearValue[]): string {
  const shown = printed.map((p) => `${p.columnLabel} ${p.text}`).join(', ');
  if (!derived) return `${shown}: inga månadsvärden för ${year} att jämföra med`;
  const mean = derived.kind === 'month-end-stock' ? `; medel ${printNumber(derived.average!)}` : '';
  const months = `Månaderna ger ${printNumber(derived.value!)} (${derived.rule}${mean})`;
  if (printed.length === 0) return `${months}; inget tryckt årsvärde för ${year}`;
  const differences = printed.map((p) =>
    p.difference === null ? `${p.columnLabel} ${p.text} saknar värde` : `${p.columnLabel} ${p.text}, skillnad ${printNumber(p.difference)}`,
  );
  return `${months}; ${differences.join('; ')}`;
}
