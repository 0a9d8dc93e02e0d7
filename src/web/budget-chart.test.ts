/** The budget chart's choice of year and columns, and its figures, from the demo plans. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../domain/plan.ts';
import { forecastPlan } from '../domain/forecast-plan.ts';
import { budgetChartData, chartYear, forecastChartData } from './budget-chart.ts';

const read = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${name}.json`, import.meta.url), 'utf8')));
const ifo = read('timra-ifo-2018-2020');
const sn = read('timra-sn-2020-2022');

describe('the budget chart', () => {
  it.each([
    { name: 'IFO: 2017 has budget and forecast, 2018 only budget', plan: ifo, key: 'rr-ifo', year: '2017', series: ['Budget 2017', 'Prognos 2017'], missing: ['actual'] },
    { name: 'an IFO unit: the forecast made in August', plan: ifo, key: 'rr-ifo-vuxna', year: '2017', series: ['Budget 2017', 'Prognos 2017 aug'], missing: ['actual'] },
    { name: 'SN: only a budget year', plan: sn, key: 'sn-driftbudget', year: '2020', series: ['Budget 2020'], missing: ['actual', 'forecast'] },
  ])('$name', ({ plan, key, year, series, missing }) => {
    const table = plan.budgetTables.find((candidate) => candidate.key === key)!;
    const data = budgetChartData(table)!;
    expect(data.year).toBe(year);
    expect(data.series.map((s) => s.label)).toEqual(series);
    expect(data.missing).toEqual(missing);
  });

  it('groups the bars per line with the exact figures written as the house prints them', () => {
    const data = budgetChartData(ifo.budgetTables.find((candidate) => candidate.key === 'rr-ifo')!)!;
    expect(data.groups.map((group) => [group.key, group.bars.map((bar) => [bar.kind, bar.value, bar.text])])).toEqual([
      ['income', [['budget', 1511, '1 511'], ['forecast', 2283, '2 283']]],
      ['costs', [['budget', -71432, '-71 432'], ['forecast', -69133, '-69 133']]],
      ['net', [['budget', -69921, '-69 921'], ['forecast', -66850, '-66 850']]],
    ]);
    const snData = budgetChartData(sn.budgetTables[0]!)!;
    expect(snData.groups.map((group) => group.bars[0]!.text)).toEqual(['78 645', '-528 025', '-449 380']);
  });

  it('draws a missing figure as missing, never as zero, and has no year without such columns', () => {
    const table = { ...sn.budgetTables[0]!, rows: sn.budgetTables[0]!.rows.map((row) => ({ ...row, cells: {} })) };
    expect(budgetChartData(table)!.groups[0]!.bars[0]).toEqual({ kind: 'budget', value: null, text: '–' });
    expect(chartYear([{ key: 'plan-2021', label: 'Plan 2021', kind: 'plan', period: '2021' }])).toBeNull();
  });

  it("draws the follow-up's budget beside the latest entered forecast of a table", () => {
    const forecast = forecastPlan(ifo, { asOf: '2017-08' });
    const lines = forecast.budgets.filter((budget) => budget.tableKey === 'rr-ifo-vuxna');
    const data = forecastChartData(lines, '2017')!;
    expect(data.series).toEqual([
      { kind: 'budget', label: 'Budget 2017' },
      { kind: 'forecast', label: 'Prognos 2017 aug' },
    ]);
    expect(data.missing).toEqual(['actual']);
    expect(data.groups.map((group) => group.bars.map((bar) => bar.text))).toEqual([
      ['200', '850'],
      ['-34 401', '-32 351'],
      ['-34 201', '-31 501'],
    ]);
    expect(forecastChartData([], '2017')).toBeNull();
  });
});
