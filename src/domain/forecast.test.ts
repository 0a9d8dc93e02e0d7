import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordTableActual } from './actuals.ts';
import { backtestForecasts, forecastPlan } from './forecast-plan.ts';
import { forecastYearEnd, type MethodForecast } from './forecast.ts';
import { PlanFile } from './plan.ts';
import { monthlyActuals, type MonthValue } from './volume-aggregation.ts';

// The 2018 plan: monthly volumes for 2017 and the economists' "Prognos 2017 aug" beside Budget 2017.
const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));
const table = ifo.volumeTables[0]!;
const monthsOf = (rowKey: string) => monthlyActuals(table.columns, table.rows.find((row) => row.key === rowKey)!.cells, 2017);
const round = (value: Decimal | null, places = 2) => value?.toDecimalPlaces(places).toNumber() ?? null;
const byMethod = (methods: MethodForecast[]) =>
  Object.fromEntries(methods.map((m) => [m.method, m.value === null ? null : [round(m.value), round(m.low), round(m.high)]]));
const series = (year: number, values: Array<number | null>): MonthValue[] =>
  values.map((value, i) => ({ period: `${year}-${String(i + 1).padStart(2, '0')}`, value: value === null ? null : new Decimal(value) }));

describe('year-end forecast of one series', () => {
  it('forecasts December of a month-end stock from January–August 2017 (individstöd)', () => {
    const forecast = forecastYearEnd({ kind: 'month-end-stock', asOf: '2017-08', months: monthsOf('individstod-brukare') });
    expect(forecast.observed).toBe(8);
    expect(round(forecast.soFar.value)).toBe(47);
    // Run rate: mean 46,625 with s² = 15,875 / 7; December's error variance s²(1 + 1/8); t(7) = 1,895.
    expect(byMethod(forecast.methods)).toEqual({
      'run-rate': [46.63, 43.6, 49.65],
      seasonal: null,
      trend: [47.25, 42.33, 52.17],
      latest: [47, 39.15, 54.85],
    });
    expect(forecast.methods.find((m) => m.method === 'seasonal')!.explanation).toBe('Historik saknas: månadsvärden för 2016 behövs');
    expect(forecast.methods.find((m) => m.method === 'run-rate')!.explanation).toBe('Resterande månader som medel av 8 månader (46,63); 90 % intervall 43,6–49,65');
  });

  it('forecasts year placements as placement days over 365 (HVB missbruk)', () => {
    const forecast = forecastYearEnd({ kind: 'year-placements', asOf: '2017-08', months: monthsOf('hvb-missbruk-klienter') });
    expect(round(forecast.soFar.value)).toBe(2.63);
    // Known: 959 placement days; September–December at the mean 4 placements: (959 + 4 × 122) / 365.
    expect(round(forecast.methods[0]!.value, 4)).toBe(new Decimal(959 + 4 * 122).dividedBy(365).toDecimalPlaces(4).toNumber());
  });

  it('scales last year’s months by this year’s ratio so far (seasonal)', () => {
    // 2016 as 2017 was, 2017 running 10 % higher: the rest of 2017 follows 2016's pattern × 1,1.
    const history = series(2016, [190, 186, 181, 192, 196, 189, 186, 189, 189, 195, 210, 232]);
    const months = series(2017, [209, 204.6, 199.1, 211.2, 215.6, 207.9, 204.6, 207.9, null, null, null, null]);
    const forecast = forecastYearEnd({ kind: 'care-days', asOf: '2017-08', months, history });
    const seasonal = forecast.methods.find((m) => m.method === 'seasonal')!;
    expect([round(seasonal.value), round(seasonal.low), round(seasonal.high)]).toEqual([2568.5, 2568.5, 2568.5]);
    expect(seasonal.explanation).toBe('Resterande månader som samma månader 2016 × 1,1 (kvoten 2017/2016 hittills); 90 % intervall 2 568,5–2 568,5');
  });

  it('extends a straight line (trend) and refuses with too few months', () => {
    const line = series(2017, [10, 12, 14, 16, 18, 20, null, null, null, null, null, null]);
    const trend = forecastYearEnd({ kind: 'care-days', asOf: '2017-06', months: line }).methods.find((m) => m.method === 'trend')!;
    expect([round(trend.value), round(trend.low), round(trend.high)]).toEqual([252, 252, 252]); // Σ (8 + 2m), m = 1…12
    const one = forecastYearEnd({ kind: 'care-days', asOf: '2017-01', months: line });
    expect(byMethod(one.methods)).toEqual({ 'run-rate': [120, null, null], seasonal: null, trend: null, latest: [120, null, null] });
    expect(one.methods.find((m) => m.method === 'trend')!.explanation).toBe('Linjär trend kräver minst två månader');
    expect(one.methods[0]!.explanation).toBe('Resterande månader som medel av en månad (10); för få månader för ett intervall');
  });

  it('gives the year itself when every month is known, and nothing without months', () => {
    const full = forecastYearEnd({ kind: 'month-end-stock', asOf: '2017-12', months: monthsOf('individstod-brukare') });
    expect(full.methods.map((m) => [m.method, round(m.value), m.explanation])).toContainEqual(['trend', 45, 'Hela året har utfall']);
    const none = forecastYearEnd({ kind: 'amount', asOf: '2017-08', months: [] });
    expect(none.methods.every((m) => m.value === null && m.explanation === 'Inga månadsvärden t.o.m. aug 2017')).toBe(true);
  });
});

describe('forecasts of the 2018 plan as of August 2017', () => {
  const forecast = forecastPlan(ifo, { asOf: '2017-08' });

  it('forecasts every volume row with months, beside Plan 2017 and the December outcome', () => {
    expect(forecast.volumes).toHaveLength(12);
    const familjehem = forecast.volumes.find((v) => v.rowKey === 'familjehemsplacerade-barn-unga')!;
    expect(familjehem.plan).toMatchObject({ columnLabel: 'Plan 2017', text: '33' });
    expect(round(familjehem.outcome!.value)).toBe(27);
  });

  it('keeps the economist’s "Prognos 2017 aug" beside the budget; without monthly accounts nothing is computed', () => {
    const net = forecast.budgets.find((b) => b.tableKey === 'rr-ifo-barn-o-familj' && b.line === 'net')!;
    expect(net.entered.map((cell) => [cell.columnLabel, cell.asOf, cell.text])).toEqual([['Prognos 2017 aug', '2017-08', '-34 722']]);
    expect(net.budget).toMatchObject({ columnLabel: 'Budget 2017', text: '-35 093' });
    expect(net.computed).toBeNull();
    expect(forecastPlan(ifo, { asOf: '2017-07' }).budgets.find((b) => b.tableKey === 'rr-ifo-barn-o-familj')!.entered).toEqual([]);
  });

  it('computes a budget node’s year from its monthly accounts, and the net from income and costs', () => {
    // Barn o familj at the 2017 budget's monthly pace: 59 tkr income and −2 984 tkr costs a month, January–August.
    let plan = ifo;
    for (let month = 1; month <= 8; month++) {
      const period = `2017-0${month}`;
      plan = recordTableActual(plan, { table: 'rr-ifo-barn-o-familj', row: 'income', period, text: '59' });
      plan = recordTableActual(plan, { table: 'rr-ifo-barn-o-familj', row: 'costs', period, text: '-2 984' });
    }
    const lines = forecastPlan(plan, { asOf: '2017-08' }).budgets.filter((b) => b.tableKey === 'rr-ifo-barn-o-familj');
    const runRate = (line: string) => round(lines.find((b) => b.line === line)!.computed!.methods[0]!.value);
    expect([runRate('income'), runRate('costs'), runRate('net')]).toEqual([708, -35808, -35100]);
  });

  it('refuses a month that is not ÅÅÅÅ-MM', () => {
    expect(() => forecastPlan(ifo, { asOf: '2017' })).toThrow('anges som ÅÅÅÅ-MM');
  });
});

describe('backtest on the 2017 months: forecast from January–August, compared with the whole year', () => {
  it('reports the error of each method over the twelve volume rows', () => {
    const { rows, summary } = backtestForecasts(ifo, { asOf: '2017-08' });
    expect(rows).toHaveLength(12);
    expect(summary.map((s) => [s.method, s.rows, round(s.meanAbsoluteError), round(s.meanAbsolutePercentError, 1), round(s.coverage, 1)])).toEqual([
      ['run-rate', 12, 3.78, 16.1, 58.3],
      ['seasonal', 0, null, null, null],
      ['trend', 12, 5.67, 29.5, 58.3],
      ['latest', 12, 4.12, 20.6, 66.7],
    ]);
    const extern = rows.find((row) => row.rowKey === 'ensamkommande-barn-extern-regi')!;
    expect(extern.results.map((r) => [r.method, round(r.error)])).toEqual([
      ['run-rate', 28.25],
      ['seasonal', null],
      ['trend', 33.79],
      ['latest', 28],
    ]);
  });
});
