/** The follow-up page's reading of a plan: the months with actuals and the chart's months against plan. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../domain/plan.ts';
import { chartMeasures, monthsWithActuals } from './follow-up-view.ts';
import { matchRoute, paths } from './router.tsx';

const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));

describe('follow-up view', () => {
  it('lists the months that have actuals, oldest first', () => {
    expect(monthsWithActuals(ifo)).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11', '2017-12']);
  });

  it('gives each measure its months through the follow-up month, and the plan only when one is printed', () => {
    const measures = chartMeasures(ifo, '2017-08');
    const households = measures.find((m) => m.label === 'Antal hushåll med försörjningsstöd')!;
    expect(households.months.map((m) => m.period)).toEqual(['2017-01', '2017-02', '2017-03', '2017-04', '2017-05', '2017-06', '2017-07', '2017-08']);
    expect(households.months.at(-1)).toEqual({ period: '2017-08', text: '189', value: 189 });
    expect(households.plan).toBeNull(); // printed "-"
    const individual = measures.find((m) => m.id === 'ifo-matt-2017--individstod-brukare')!;
    expect(individual.plan).toEqual({ label: 'Plan 2017', text: '65', value: 65 });
    expect(individual.planIsLevel).toBe(true);
  });

  it('routes the follow-up and comparison pages', () => {
    expect(matchRoute(paths.followUp('timra-ifo-2018-2020'))).toEqual({ name: 'follow-up', planKey: 'timra-ifo-2018-2020' });
    expect(paths.followUp('p', '2017-08')).toBe('/planer/p/uppfoljning?period=2017-08');
    expect(paths.compare('a', 'b')).toBe('/jamfor?a=a&b=b');
    expect(matchRoute('/jamfor')).toEqual({ name: 'compare' });
  });
});
