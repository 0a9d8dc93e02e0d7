/** An indicator's history against its targets: the SN plan's "Nöjd med hemtjänst" with outcomes added. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../../domain/plan.ts';
import { indicatorHistory } from './indicator-history.ts';

const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));
const byKey = (key: string) => sn.indicators.find((i) => i.key === key)!;

describe('indicator history (historik mot målvärden)', () => {
  it('lists each year with its target, outcomes and the status the scorecard gives', () => {
    // The plan states no direction for satisfaction; a committee would (higher is better).
    const indicator = { ...byKey('st-1.2.1'), direction: 'higher-better' as const, actuals: [{ period: '2018', text: '84' }, { period: '2020-03', text: '70' }, { period: '2020', text: '81' }, { period: '2019', text: '-' }] };
    const history = indicatorHistory(indicator);
    expect(history.years.map((y) => [y.year, y.target?.text ?? null, y.target?.value ?? null, y.judged?.text ?? null, y.status.status])).toEqual([
      [2018, '90%', 90, '84', 'red'],
      [2019, null, null, null, 'not-measured'],
      [2020, '80%', 80, '81', 'green'],
    ]);
    expect(history.years[2]!.outcomes.map((o) => o.period)).toEqual(['2020', '2020-03']);
    expect(history.drawable).toBe(true);
    // By a plan's banded rule (Helsingborg's legend: 100 / 91–99 / 90 or lower): 84 of 90 is 93 %, yellow.
    const banded = indicatorHistory(indicator, { kind: 'fulfilment-bands', greenFrom: '100', yellowFrom: '91', rounding: 'whole-down' });
    expect(banded.years[0]!.status).toMatchObject({ status: 'yellow', explanation: 'Utfall 84 % mot målvärde 90 %: delvis uppfyllt, uppfyllelse 93 %' });
    // Without the direction the status says so, for every year with an outcome.
    expect(indicatorHistory({ ...indicator, direction: undefined }).years.map((y) => y.status.status)).toEqual(['no-direction', 'not-measured', 'no-direction']);
  });

  it('judges a year without its own outcome by its latest month', () => {
    const history = indicatorHistory({ ...byKey('st-1.2.1'), actuals: [{ period: '2020-02', text: '60' }, { period: '2020-05', text: '79' }] });
    const year = history.years.find((y) => y.year === 2020)!;
    expect(year.judged).toEqual({ period: '2020-05', text: '79', value: 79 });
    expect(year.status.period).toBe('2020-05');
  });

  it('keeps a target without one number in words only (nothing to draw a marker at)', () => {
    const history = indicatorHistory(byKey('st-3.2.2')); // ">föregående år"
    expect(history.years.map((y) => y.target?.value ?? null)).toEqual([null, null]);
    expect(history.years[0]!.target!.words).toMatch(/föregående år/);
    expect(history.drawable).toBe(false);
    expect(indicatorHistory(byKey('st-3.1.1')).years.map((y) => y.target?.value)).toEqual([8, 16]); // "> 8 per förvaltning"
  });
});
