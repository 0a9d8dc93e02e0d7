/**
 * Follow-up of periods other than years and months, on the 2018 IFO plan's 2017 months: a tertial
 * (T2 = January–August, as a tertialrapport reads it) is followed up as of its last month, so its
 * deviations are those of August; an outcome entered for a tertial is what its scorecard judges.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { recordIndicatorActual } from './actuals.ts';
import { analysesFor, findDeviations } from './deviations.ts';
import { PlanFile } from './plan.ts';
import { latestFollowUpPeriod, scorecard } from './status.ts';

const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));
const plan = PlanFile.parse(aPlan());

describe('a tertial, a half-year, a quarter followed up as of its last month', () => {
  const summary = (period: string) => findDeviations(ifo, { period }).deviations.map((d) => [d.severity, d.subject, d.line ?? null, d.percent]);

  it.each([
    ['2017-T2', '2017-08'],
    ['2017-Q3', '2017-09'],
    ['2017-H1', '2017-06'],
  ])('%s has the deviations of %s', (period, month) => {
    expect(summary(period)).toEqual(summary(month));
    expect(findDeviations(ifo, { period }).period).toBe(period);
  });

  it('judges the outcome entered for the tertial against the target of its year', () => {
    const indicator = plan.indicators[0]!;
    const withTertial = recordIndicatorActual(plan, { indicator: indicator.key, period: '2020-T2', text: '84' });
    const card = scorecard(withTertial, { period: '2020-T2' });
    expect(card.indicators[0]).toMatchObject({ period: '2020-T2', actual: '84' });
    expect(latestFollowUpPeriod(withTertial)).toBe('2020-T2');
  });

  it('reads earlier analyses by when they end: a tertial before its year', () => {
    const analyses = [
      { key: 'a-t1', period: '2017-T1', subject: 'rr-ifo', text: '<p>T1</p>' },
      { key: 'a-08', period: '2017-08', subject: 'rr-ifo', text: '<p>Augusti</p>' },
      { key: 'a-t2', period: '2017-T2', subject: 'rr-ifo', text: '<p>T2</p>' },
    ];
    const found = analysesFor({ ...ifo, analyses }, 'rr-ifo', '2017');
    expect(found.earlier.map((analysis) => analysis.period)).toEqual(['2017-T2', '2017-08', '2017-T1']);
    expect(analysesFor({ ...ifo, analyses }, 'rr-ifo', '2017-T3').key).toBe('analys-rr-ifo-2017-t3');
  });
});
