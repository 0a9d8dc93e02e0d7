/** The scorecard page's layout of a plan: perspectives, goals with committee goals beneath, periods. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { PlanFile } from '../domain/plan.ts';
import { buildScorecardView, countStatuses, defaultPeriod, filterScorecardView, goalNode, indicatorNode, organisationOptions, scorecardPeriods } from './scorecard-view.ts';
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

describe('scorecard filter by organisation node (enhet)', () => {
  const demo = (key: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8')));
  const sn = demo('timra-sn-2020-2022');
  const ifo = demo('timra-ifo-2018-2020');
  const keysOf = (filtered: ReturnType<typeof filterScorecardView>) => filtered.view.perspectives.flatMap((p) => p.goals.flatMap(function all(g): string[] {
    return [...g.indicators.map((i) => i.indicator.key), ...g.subgoals.flatMap(all)];
  }));

  it('lists the nodes in tree order with their depth', () => {
    expect(organisationOptions(sn).map((o) => `${o.depth}:${o.key}`)).toEqual(['0:timra', '1:kommunledningskontoret', '1:sn', '2:socialforvaltningen', '3:ifo', '3:svo', '3:ame']);
  });

  it.each([
    // "Gäller SN" names the committee; "Samtliga" (every committee) belongs to the top of the tree.
    ['sn', ['st-1.2.1', 'st-1.2.2'], { ...countStatuses([]), 'not-measured': 2 }],
    ['timra', null, null],
    ['ifo', [], countStatuses([])],
  ] as const)('on the SN plan, ?enhet=%s keeps the indicators in that subtree and recounts', (node, expected, counts) => {
    const view = buildScorecardView(sn, '2020');
    const filtered = filterScorecardView(sn, view, node);
    expect(filtered.total).toBe(19);
    if (expected === null) {
      expect(filtered.shown).toBe(19);
      return;
    }
    expect(keysOf(filtered)).toEqual(expected);
    expect(filtered.shown).toBe(expected.length);
    expect(filtered.view.counts).toEqual(counts);
    // Goals without anything in the subtree are left out; the goal of "SN" indicators stays as context.
    expect(filtered.view.perspectives.flatMap((p) => p.goals.map((g) => g.goal.key))).toEqual(expected.length ? ['kf-1:2'] : []);
  });

  it('shows everything without a node ("Alla")', () => {
    const view = buildScorecardView(sn, '2020');
    expect(filterScorecardView(sn, view, null)).toEqual({ view, shown: 19, total: 19 });
  });

  it('on the IFO plan, ?enhet=ifo keeps the IFO goals beneath their municipal goals and drops the rest', () => {
    const view = buildScorecardView(ifo, '2018');
    const filtered = filterScorecardView(ifo, view, 'ifo');
    const top = filtered.view.perspectives.flatMap((p) => p.goals);
    expect(top.every((g) => g.goal.level === 'municipal' && g.subgoals.length > 0)).toBe(true);
    expect(top.flatMap((g) => g.subgoals.map((s) => s.goal.key))).toEqual(ifo.goals.filter((g) => g.node === 'ifo').map((g) => g.key));
    expect(filterScorecardView(ifo, view, 'ifo-vuxenenheten').view.perspectives).toEqual([]);
    expect(goalNode(ifo, ifo.goals[0]!)).toBe('timra');
    expect(indicatorNode(sn, sn.indicators.find((i) => i.appliesTo === 'SN')!)).toBe('sn');
  });
});

describe('status legend on the scorecard', () => {
  it('gives the plan\'s rule as its legend, with the statuses without a judgement that occur', () => {
    const rule = { kind: 'fulfilment-bands', greenFrom: '100', yellowFrom: '91', rounding: 'whole-down' } as const;
    const view = buildScorecardView(PlanFile.parse(aPlan({ plan: { statusRule: rule } })), '2018');
    expect(view.legend.map((entry) => [entry.status, entry.text])).toEqual([
      ['green', 'Uppfyllelse 100 % eller mer. Uppfyllelse är utfallet i procent av målvärdet (när lägre är bättre: målvärdet i procent av utfallet); den avrundas nedåt till hela procent.'],
      ['yellow', 'Uppfyllelse 91–99 %.'],
      ['red', 'Uppfyllelse 90 % eller lägre.'],
    ]);
    expect(view.counts.yellow).toBe(1);
    const plain = buildScorecardView(PlanFile.parse(aPlan()), '2019');
    expect(plain.legend.map((entry) => entry.status)).toEqual(['green', 'yellow', 'red', 'not-measured']);
  });
});
