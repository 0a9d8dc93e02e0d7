/**
 * One measure, many plans (issue 12, point 6) and breakdowns (point 7): Vårgårda's increase in
 * inhabitants and its share of full-time employees are measures that the goal pages of 2019–2021
 * and the annual report 2023 refer to in their own words; their values, broken down by gender in
 * 2021–2023, follow the measure. Outcomes the indicator records itself stand first.
 */
import { describe, expect, it } from 'vitest';
import { loadFixturePlan } from '../../tests/goals/fixtures.ts';
import { breakdownGroups, breakdownLabel, breakdownText } from './breakdown.ts';
import { indicatorsOfMeasure, withMeasureOutcomes, withOutcomesOf } from './measures.ts';
import type { Measure } from './plan.ts';
import { scorecard } from './status.ts';

const report2023 = loadFixturePlan('vargarda-bvp-2023-2025');
const goals2019 = loadFixturePlan('vargarda-mal-2019-2021');

describe('outcomes follow the measure', () => {
  it('gives the annual report\'s indicator the measure\'s values, gender breakdown included', () => {
    const indicator = withMeasureOutcomes(report2023).indicators.find((i) => i.key === 'st-boende-1')!;
    expect(indicator.actuals.map((a) => [a.period, a.text, a.breakdown?.map((b) => `${b.group} ${b.text}`).join(', ')])).toEqual([
      ['2021', '234', 'K 109, M 125'],
      ['2022', '88', 'K 51, M 37'],
      ['2023', '116', 'K 48, M 68'],
    ]);
    // The plan file keeps the values once, in the measure: the indicator's own outcomes stay empty.
    expect(report2023.indicators.find((i) => i.key === 'st-boende-1')!.actuals).toEqual([]);
  });

  it('judges the worded-differently indicators of two plans by the same series', () => {
    expect(indicatorsOfMeasure(report2023, 'vargarda-heltid').map((i) => i.name)).toEqual(['Andelen heltidsanställda månadsavlönade i %.']);
    expect(indicatorsOfMeasure(goals2019, 'vargarda-heltid').map((i) => i.name)).toEqual(['Andel heltidsanställda månadsavlönade i %.']);
    const card = scorecard(report2023, { period: '2023' });
    expect(card.indicators.find((i) => i.indicatorKey === 'st-organisation-1')).toMatchObject({ actual: '93', status: 'green', explanation: 'Utfall 93 mot 92 för 2022 (målvärde högre än föregående år): uppfyllt' });
  });

  it('keeps what the indicator records itself first, and fills an entry without a text from the measure', () => {
    const measure: Measure = { key: 'm', name: 'Sjukfrånvaro', values: [{ period: '2016', text: '6,5' }, { period: '2017', text: '6,1' }] };
    const indicator = goals2019.indicators.find((i) => i.key === 'st-sjukfranvaro')!;
    const own = withOutcomesOf({ ...indicator, actuals: [{ period: '2017', text: '6,2' }] }, measure);
    expect(own.actuals.map((a) => `${a.period} ${a.text}`)).toEqual(['2016 6,5', '2017 6,2']);
    const manual = withOutcomesOf({ ...indicator, actuals: [{ period: '2017', text: '', status: 'red', justification: 'Över målet' }] }, measure);
    expect(manual.actuals.find((a) => a.period === '2017')).toEqual({ period: '2017', text: '6,1', status: 'red', justification: 'Över målet' });
  });

  it('leaves a plan without measures as it is (the same object: nothing to resolve)', () => {
    const nynashamn = loadFixturePlan('nynashamn-fp-2018-2021');
    expect(withMeasureOutcomes(nynashamn)).toBe(nynashamn);
  });
});

describe('breakdowns', () => {
  it.each([
    [{ dimension: 'gender', group: 'K', text: '48' }, 'kvinnor'],
    [{ dimension: 'gender', group: 'M', text: '68' }, 'män'],
    [{ dimension: 'provider', group: 'own', text: '12' }, 'egen regi'],
    [{ dimension: 'provider', group: 'external', text: '3' }, 'extern regi'],
    [{ dimension: 'age', group: '80 år och äldre', text: '301' }, '80 år och äldre'],
    [{ dimension: 'gender', group: 'K', text: '60', label: 'flickor' }, 'flickor'],
  ] as const)('%j is printed "%s"', (part, label) => {
    expect(breakdownLabel(part)).toBe(label);
  });

  it('lists the groups of several outcomes once, in the order first seen, and reads a group\'s value', () => {
    const actuals = withMeasureOutcomes(report2023).indicators.find((i) => i.key === 'st-organisation-1')!.actuals;
    const groups = breakdownGroups(actuals.map((a) => a.breakdown));
    expect(groups.map((g) => g.label)).toEqual(['kvinnor', 'män']);
    expect(actuals.map((a) => breakdownText(a.breakdown, groups[1]!))).toEqual(['93', '93', '95']);
  });
});

describe('plan comparison follows the measure', () => {
  it('matches the two plans\' indicators of one measure however each words it, and shows both wordings', async () => {
    const { diffPlans } = await import('./plan-diff.ts');
    const diff = diffPlans(goals2019, report2023);
    const heltid = diff.indicators.changed.find((change) => change.measure === 'vargarda-heltid')!;
    expect(heltid.fields.find((field) => field.field === 'name')).toMatchObject({ before: 'Andel heltidsanställda månadsavlönade i %.', after: 'Andelen heltidsanställda månadsavlönade i %.' });
    expect(diff.indicators.added.map((ref) => ref.measure)).not.toContain('vargarda-heltid');
  });
});
