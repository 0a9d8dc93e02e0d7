/** The scorecard page's layout of a plan: perspectives, goals with committee goals beneath, periods. */
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { PlanFile } from '../domain/plan.ts';
import { buildScorecardView, defaultPeriod, scorecardPeriods } from './scorecard-view.ts';
import { matchRoute, paths } from './router.tsx';

const plan = PlanFile.parse(aPlan());

describe('scorecard view', () => {
  it('groups top goals by perspective and keeps committee goals beneath their municipal goal', () => {
    const withChild = PlanFile.parse({
      ...aPlan(),
      goals: [...plan.goals, { key: 'child', level: 'committee', parent: plan.goals[0]!.key, text: 'Ett utvalt mål', measurement: { text: 'Mäts en gång per år.' } }],
    });
    const view = buildScorecardView(withChild, '2020');
    const all = view.perspectives.flatMap((p) => p.goals);
    expect(all.map((g) => g.goal.key)).not.toContain('child');
    expect(all.find((g) => g.goal.key === plan.goals[0]!.key)!.subgoals.map((g) => g.goal.key)).toEqual(['child']);
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(withChild.indicators.length);
  });

  it('shows the latest outcome up to the period (a month counts in its year) and the numeric outcomes as the trend', () => {
    const indicator = plan.indicators[0]!;
    const measured = PlanFile.parse({
      ...aPlan(),
      indicators: [{ ...indicator, actuals: [{ period: '2018', text: '84' }, { period: '2019', text: '86' }, { period: '2020-05', text: '88' }, { period: '2021', text: '-' }] }],
    });
    const row = (period: string) => buildScorecardView(measured, period).perspectives[0]!.goals[0]!.indicators[0]!;
    expect(row('2020').latest).toEqual({ period: '2020-05', text: '88' });
    expect(row('2020').trend.map((point) => [point.period, point.value])).toEqual([['2018', 84], ['2019', 86], ['2020-05', 88]]);
    expect(row('2019').latest).toEqual({ period: '2019', text: '86' });
    expect(row('2021').latest).toEqual({ period: '2020-05', text: '88' });
    expect(row('2020').status.target).toBe('80%');
  });

  it('offers the plan years and the years with targets, and opens on the latest begun year that is followed up', () => {
    const periods = scorecardPeriods(plan);
    for (let year = plan.plan.periodStart; year <= plan.plan.periodEnd; year += 1) expect(periods).toContain(String(year));
    const targetYears = plan.indicators.flatMap((i) => i.targets.map((t) => t.year));
    const chosen = Number(defaultPeriod(plan, new Date('2030-06-01')));
    expect(chosen).toBeGreaterThanOrEqual(plan.plan.periodStart);
    expect(chosen).toBeLessThanOrEqual(plan.plan.periodEnd);
    if (targetYears.some((y) => y >= plan.plan.periodStart && y <= plan.plan.periodEnd)) expect(targetYears).toContain(chosen);
    expect(defaultPeriod(plan, new Date('2000-01-01'))).toBe(String(plan.plan.periodStart));
  });
});

describe('routes', () => {
  it('reads the app addresses back into routes; anything else is not found', () => {
    expect(matchRoute(paths.start())).toEqual({ name: 'start' });
    expect(matchRoute(paths.plan('timra-sn-2020-2022'))).toEqual({ name: 'plan', planKey: 'timra-sn-2020-2022' });
    expect(matchRoute(paths.scorecard('a:b.c').split('?')[0]!)).toEqual({ name: 'scorecard', planKey: 'a:b.c' });
    expect(matchRoute(paths.accessibility())).toEqual({ name: 'accessibility' });
    expect(matchRoute('/planer/x/y/z')).toEqual({ name: 'not-found' });
  });
});
