/**
 * Year-end forecasts (helårsprognos) of a monthly series from the months known so far. Each
 * method fills the months still missing, the kind's aggregation turns twelve months into the
 * year value, and a 90 % interval follows from how well the method fits the known months
 * (formulas in docs/follow-up.md). Pure and exact (decimal.js); rounding is for printing only.
 */
import { Decimal } from 'decimal.js';
import { formatPeriod } from './format.ts';
import { monthOf, monthPeriod, yearOf } from './period.ts';
import { printNumber } from './status-band.ts';
import { aggregateVolumeYear, yearWeights, type AggregationKind, type MonthValue, type VolumeYear } from './volume-aggregation.ts';

export type ForecastMethod = 'run-rate' | 'seasonal' | 'trend' | 'latest';

export const forecastMethods: readonly ForecastMethod[] = ['run-rate', 'seasonal', 'trend', 'latest'];

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  'run-rate': 'takt hittills',
  seasonal: 'säsong som i fjol',
  trend: 'linjär trend',
  latest: 'senaste värdet',
};

export interface MethodForecast {
  method: ForecastMethod;
  label: string;
  /** The year value; null when the method cannot be used (too few months, no history). */
  value: Decimal | null;
  /** The 90 % interval; null when it cannot be estimated (too few months). */
  low: Decimal | null;
  high: Decimal | null;
  explanation: string;
}

export interface YearEndForecast {
  year: number;
  asOf: string;
  kind: AggregationKind;
  /** Months through asOf that have a value. */
  observed: number;
  /** The year so far by the kind's rule. */
  soFar: VolumeYear;
  methods: MethodForecast[];
}

export interface ForecastOptions {
  kind: AggregationKind;
  /** The last month known: 'YYYY-MM'. */
  asOf: string;
  months: MonthValue[];
  /** Last year's months, for the seasonal method. */
  history?: MonthValue[];
}

interface Fit {
  /** The value of a month the series has no value for. */
  predict(month: number): Decimal;
  /** Variance of the year value's forecast error, given the weights of the months forecast. */
  variance(forecast: Array<{ month: number; weight: Decimal }>): Decimal | null;
  degreesOfFreedom: number;
  explanation: string;
}

/** The year-end forecast of a series by every method. */
export function forecastYearEnd(options: ForecastOptions): YearEndForecast {
  const { kind, asOf } = options;
  const year = yearOf(asOf);
  const last = monthOf(asOf) ?? 12;
  const known = new Map<number, Decimal>();
  for (const m of options.months) {
    if (m.value !== null && yearOf(m.period) === year && monthOf(m.period)! <= last) known.set(monthOf(m.period)!, m.value);
  }
  const points = [...known.entries()].sort((a, b) => a[0] - b[0]).map(([month, value]) => ({ month, value }));
  const soFar = aggregateVolumeYear({ kind, year, months: options.months, through: asOf });
  const weights = yearWeights(kind, year);
  const missing = weights.map((weight, i) => ({ month: i + 1, weight })).filter(({ month }) => !known.has(month));
  const history = new Map((options.history ?? []).filter((m) => m.value !== null).map((m) => [monthOf(m.period)!, m.value!]));
  const methods = forecastMethods.map((method) => {
    if (points.length === 0) return unavailable(method, `Inga månadsvärden t.o.m. ${formatPeriod(asOf)}`);
    if (missing.length === 0) return complete(method, kind, year, points);
    const fit = fitOf(method, points, history, year, missing);
    return typeof fit === 'string' ? unavailable(method, fit) : project(method, fit, kind, points, missing, weights);
  });
  return { year, asOf, kind, observed: points.length, soFar, methods };
}

type Point = { month: number; value: Decimal };

function fitOf(method: ForecastMethod, points: Point[], history: Map<number, Decimal>, year: number, missing: Array<{ month: number }>): Fit | string {
  switch (method) {
    case 'run-rate':
      return runRate(points);
    case 'trend':
      return points.length < 2 ? 'Linjär trend kräver minst två månader' : trend(points);
    case 'latest':
      return latest(points, year);
    case 'seasonal': {
      const needed = [...points.map((p) => p.month), ...missing.map((m) => m.month)].filter((month) => !history.has(month));
      if (needed.length) return `Historik saknas: ${needed.length === 12 ? `månadsvärden för ${year - 1}` : needed.map((m) => formatPeriod(monthPeriod(year - 1, m))).join(', ')} behövs`;
      return seasonal(points, history, year);
    }
  }
}

function project(method: ForecastMethod, fit: Fit, kind: AggregationKind, points: Point[], missing: Array<{ month: number; weight: Decimal }>, weights: Decimal[]): MethodForecast {
  const nonNegative = kind !== 'amount';
  const clamp = (value: Decimal) => (nonNegative && value.isNegative() ? new Decimal(0) : value);
  const observed = points.reduce((sum, p) => sum.plus(weights[p.month - 1]!.times(p.value)), new Decimal(0));
  const value = missing.reduce((sum, m) => sum.plus(m.weight.times(clamp(fit.predict(m.month)))), observed);
  const variance = fit.degreesOfFreedom >= 1 ? fit.variance(missing) : null;
  if (variance === null) return { method, label: METHOD_LABELS[method], value, low: null, high: null, explanation: `${fit.explanation}; för få månader för ett intervall` };
  const half = variance.sqrt().times(tQuantile95(fit.degreesOfFreedom));
  const low = clamp(value.minus(half));
  const high = value.plus(half);
  return { method, label: METHOD_LABELS[method], value, low, high, explanation: `${fit.explanation}; 90 % intervall ${printNumber(low)}–${printNumber(high)}` };
}

function runRate(points: Point[]): Fit {
  const n = points.length;
  const mean = sum(points.map((p) => p.value)).dividedBy(n);
  const s2 = n > 1 ? sum(points.map((p) => p.value.minus(mean).pow(2))).dividedBy(n - 1) : new Decimal(0);
  return {
    predict: () => mean,
    variance: (f) => s2.times(sum(f.map((m) => m.weight.pow(2))).plus(sum(f.map((m) => m.weight)).pow(2).dividedBy(n))),
    degreesOfFreedom: n - 1,
    explanation: `Resterande månader som medel av ${n === 1 ? 'en månad' : `${n} månader`} (${printNumber(mean)})`,
  };
}

function trend(points: Point[]): Fit {
  const n = points.length;
  const meanX = new Decimal(sum(points.map((p) => new Decimal(p.month)))).dividedBy(n);
  const meanY = sum(points.map((p) => p.value)).dividedBy(n);
  const sxx = sum(points.map((p) => new Decimal(p.month).minus(meanX).pow(2)));
  const slope = sum(points.map((p) => new Decimal(p.month).minus(meanX).times(p.value.minus(meanY)))).dividedBy(sxx);
  const at = (month: number) => meanY.plus(slope.times(new Decimal(month).minus(meanX)));
  const s2 = n > 2 ? sum(points.map((p) => p.value.minus(at(p.month)).pow(2))).dividedBy(n - 2) : new Decimal(0);
  return {
    predict: at,
    variance: (f) => {
      const w = sum(f.map((m) => m.weight));
      const wx = sum(f.map((m) => m.weight.times(new Decimal(m.month).minus(meanX))));
      return s2.times(sum(f.map((m) => m.weight.pow(2))).plus(w.pow(2).dividedBy(n)).plus(wx.pow(2).dividedBy(sxx)));
    },
    degreesOfFreedom: n - 2,
    explanation: `Linjär trend över ${n} månader, ${slope.isNegative() ? '' : '+'}${printNumber(slope)} per månad`,
  };
}

function seasonal(points: Point[], history: Map<number, Decimal>, year: number): Fit | string {
  const n = points.length;
  const base = sum(points.map((p) => history.get(p.month)!));
  if (base.isZero()) return `Samma månader ${year - 1} summerar till 0; kvoten kan inte beräknas`;
  const ratio = sum(points.map((p) => p.value)).dividedBy(base);
  const s2 = n > 1 ? sum(points.map((p) => p.value.minus(ratio.times(history.get(p.month)!)).pow(2))).dividedBy(n - 1) : new Decimal(0);
  return {
    predict: (month) => ratio.times(history.get(month)!),
    variance: (f) => {
      const wh = sum(f.map((m) => m.weight.times(history.get(m.month)!)));
      return s2.times(sum(f.map((m) => m.weight.pow(2))).plus(wh.pow(2).times(n).dividedBy(base.pow(2))));
    },
    degreesOfFreedom: n - 1,
    explanation: `Resterande månader som samma månader ${year - 1} × ${printNumber(ratio)} (kvoten ${year}/${year - 1} hittills)`,
  };
}

function latest(points: Point[], year: number): Fit {
  const n = points.length;
  const last = points.at(-1)!;
  // A random walk: the month-to-month changes so far give the spread, which grows with the steps ahead.
  const steps = points.slice(1).map((p, i) => p.value.minus(points[i]!.value));
  const s2 = steps.length ? sum(steps.map((d) => d.pow(2))).dividedBy(steps.length) : new Decimal(0);
  return {
    predict: () => last.value,
    variance: (f) => {
      const ahead = f.map((m) => ({ weight: m.weight, h: Math.max(1, m.month - last.month) }));
      const horizon = Math.max(...ahead.map((m) => m.h));
      let total = new Decimal(0);
      for (let k = 1; k <= horizon; k++) total = total.plus(sum(ahead.filter((m) => m.h >= k).map((m) => m.weight)).pow(2));
      return s2.times(total);
    },
    degreesOfFreedom: n - 1,
    explanation: `Senaste värdet (${printNumber(last.value)}, ${formatPeriod(monthPeriod(year, last.month))}) för resterande månader`,
  };
}

function complete(method: ForecastMethod, kind: AggregationKind, year: number, points: Point[]): MethodForecast {
  const months = points.map((p) => ({ period: monthPeriod(year, p.month), value: p.value }));
  const value = aggregateVolumeYear({ kind, year, months }).value;
  return { method, label: METHOD_LABELS[method], value, low: value, high: value, explanation: 'Hela året har utfall' };
}

function unavailable(method: ForecastMethod, explanation: string): MethodForecast {
  return { method, label: METHOD_LABELS[method], value: null, low: null, high: null, explanation };
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), new Decimal(0));
}

// Student's t, 0.95 quantile (two-sided 90 %), for 1–30 degrees of freedom; beyond, the normal 1,645.
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697];

export function tQuantile95(degreesOfFreedom: number): Decimal {
  return new Decimal(T95[degreesOfFreedom - 1] ?? 1.645);
}
