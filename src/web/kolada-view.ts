/**
 * The Jämförelse page's figures, without React: a KPI's series as chart points (own value, group
 * mean, group range, country) on one scale, the years that have anything, and the year a rank
 * table shows. Numbers print in sv-SE in both languages, as the rest of the app.
 */
import type { SeriesYear } from './kolada-api.ts';

export interface ChartYear {
  year: number;
  own: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  country: number | null;
}

export interface ChartModel {
  years: ChartYear[];
  /** Years left out of the picture (the oldest; the table shows them). */
  earlierYears: number;
  /** The country is on another scale (a count, not a share): drawn only in the table. */
  countryApart: boolean;
  /** The value at the top of the drawing area (0 at the bottom, or the lowest value when any is negative). */
  top: number;
  bottom: number;
}

/** Most years a chart shows legibly at 640 px with their values written out. */
export const MAX_CHART_YEARS = 12;

/** The series' years with any figure, oldest first, on a scale that holds every figure drawn. */
export function chartModel(series: readonly SeriesYear[], maxYears = MAX_CHART_YEARS): ChartModel {
  const all = series
    .map((y): ChartYear => {
      const s = y.group?.statistics;
      return { year: y.year, own: y.own.value, mean: s?.mean ?? null, min: s?.min ?? null, max: s?.max ?? null, country: y.country };
    })
    .filter((y) => [y.own, y.mean, y.min, y.max, y.country].some((v) => v !== null))
    .sort((a, b) => a.year - b.year);
  const years = all.slice(-maxYears);
  const local = years.flatMap((y) => [y.own, y.mean, y.min, y.max]).filter((v): v is number => v !== null);
  const countries = years.map((y) => y.country).filter((v): v is number => v !== null);
  // A count KPI (households, persons): the country's figure dwarfs every municipality's.
  const countryApart = local.length > 0 && countries.length > 0 && Math.max(...countries) > 3 * Math.max(...local.map(Math.abs));
  const values = countryApart ? local : [...local, ...countries];
  const highest = values.length ? Math.max(...values) : 1;
  const lowest = values.length ? Math.min(...values) : 0;
  return { years, earlierYears: all.length - years.length, countryApart, top: highest > 0 ? highest * 1.12 : 1, bottom: lowest < 0 ? lowest * 1.12 : 0 };
}

/** The year to show first: the latest with the own value, else the latest with anything. */
export function defaultYear(series: readonly SeriesYear[]): number | null {
  const withOwn = series.filter((y) => y.own.value !== null).map((y) => y.year);
  const any = series.map((y) => y.year);
  const years = withOwn.length ? withOwn : any;
  return years.length ? Math.max(...years) : null;
}

const formats = new Map<number, Intl.NumberFormat>();

/** A figure as printed in Sweden ("2,9", "1 384,6"), with at most `decimals` decimals; "–" for none. */
export function formatFigure(value: number | null, decimals = 2): string {
  if (value === null) return '–';
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
    formats.set(decimals, format);
  }
  return format.format(value).replace(/\u2212/g, '-');
}

/** How many decimals the figures need: Kolada's shares carry six, counts none; at most two are shown. */
export function decimalsFor(model: ChartModel): number {
  const values = model.years.flatMap((y) => [y.own, y.mean, y.country]).filter((v): v is number => v !== null);
  const largest = Math.max(0, ...values.map(Math.abs));
  return largest >= 100 ? 0 : largest >= 10 ? 1 : 2;
}
