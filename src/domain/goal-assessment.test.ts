/**
 * Goals carry their follow-up (issue 12, point 4): an assessment per period computed from the
 * goal's indicators and sub-goals by the plan's rules, or set by hand with a justification; a
 * comment kept; the plan's own words for the outcomes; goals, assignments and prioritised areas
 * counted apart. Real plans: Vårgårda's annual report 2023 (three levels, symbols), Västervik's
 * 2021 (Ja/Nej with comments, prioritised areas), Nynäshamn's 2018 ("Målet uppfylls delvis").
 */
import { describe, expect, it } from 'vitest';
import { loadFixturePlan } from '../../tests/goals/fixtures.ts';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { assessmentCounts, assessmentLabel, withAssessmentFor, type AssessmentInput } from './goal-assessment.ts';
import { PlanFile, type Goal } from './plan.ts';
import { scorecard } from './status.ts';

const vargarda = loadFixturePlan('vargarda-bvp-2023-2025');
const vastervik = loadFixturePlan('vastervik-ar-2021');
const nynashamn = loadFixturePlan('nynashamn-fp-2018-2021');

describe('Vårgårda 2023: the computed assessment reproduces the printed symbol, or an assessment by hand says why not', () => {
  const assessments = scorecard(vargarda, { period: '2023' }).assessments!;
  const of = (key: string) => assessments.find((assessment) => assessment.goalKey === key)!;
  // Printed: 😊 ekonomi 1, organisation 1; 😒 the others (årsredovisning 2023, måluppföljning).
  it.each([
    ['dm-ekonomi-1', 'fulfilled', true, 'not-fulfilled'],
    ['dm-ekonomi-2', 'not-fulfilled', false, undefined],
    ['dm-skola-1', 'not-fulfilled', false, undefined],
    ['dm-miljo-1', 'not-fulfilled', false, undefined],
    ['dm-boende-1', 'not-fulfilled', false, undefined],
    ['dm-naringsliv-1', 'not-fulfilled', true, null],
    ['dm-organisation-1', 'fulfilled', false, undefined],
    ['dm-organisation-2', 'not-fulfilled', false, undefined],
  ] as const)('%s is %s (by hand: %s)', (key, status, manual, computed) => {
    expect(of(key)).toMatchObject({ status, manual });
    if (manual) expect(of(key).computed).toBe(computed);
  });

  it('says why the result goal is fulfilled though 0,7 is under 2,0: the three-year average, in the plan\'s words', () => {
    expect(of('dm-ekonomi-1').label).toBe('Uppfyllt');
    expect(of('dm-ekonomi-1').explanation).toBe(
      'Bedömd för hand (beräknat: inte uppfyllt): Kommunen har under den senaste treårsperioden haft ett resultat som i snitt uppgår till 3,0 procent vilket är i nivå med kommunens långsiktiga målsättning.',
    );
    expect(of('dm-skola-1').explanation).toBe('Beräknad av styrtalen: Sämsta avgör: "Enkät till vårdnadshavare. Andelen (%)…" är röd');
  });

  it('rolls a målområde up from its inriktningsmål, which rolls up from its delmål', () => {
    expect(of('im-organisation')).toMatchObject({ status: 'not-fulfilled', explanation: 'Beräknad av delmålen: Sämsta avgör: Delmål 2 är röd' });
    expect(of('mo-ekonomi')).toMatchObject({ kind: 'priority-area', status: 'not-fulfilled' });
  });
});

describe('Västervik 2021: Ja/Nej with the comment as printed, prioritised areas assessed through their goals', () => {
  const assessments = scorecard(vastervik, { period: '2021' }).assessments!;
  it('prints Ja, keeps the comment and computes the areas from the goals below them', () => {
    const goal = assessments.find((assessment) => assessment.goalKey === 'mal-2-1')!;
    expect(goal).toMatchObject({ label: 'Ja', manual: true, explanation: 'Bedömd för hand: se kommentaren' });
    expect(goal.comment).toContain('Nytt avtal för skärgårdstrafik');
    expect(assessments.find((assessment) => assessment.goalKey === 'po-2')).toMatchObject({ kind: 'priority-area', label: 'Ja', manual: false });
  });

  it('counts goals and prioritised areas apart, as the annual report summarises them', () => {
    expect(assessmentCounts(assessments)).toEqual([
      { kind: 'goal', total: 2, assessed: 2, fulfilled: 2 },
      { kind: 'priority-area', total: 2, assessed: 2, fulfilled: 2 },
    ]);
  });

  it('leaves out a goal with nothing to assess from and nothing written (the fibre goal, the assignment)', () => {
    expect(assessments.map((assessment) => assessment.goalKey)).not.toContain('mal-2-2');
    expect(assessments.map((assessment) => assessment.goalKey)).not.toContain('uppdrag-digitalisering');
  });
});

describe('Nynäshamn 2018: an assessment by hand below counts above', () => {
  const assessments = scorecard(nynashamn, { period: '2018' }).assessments!;
  it('judges goal 1 "Målet uppfylls delvis" by hand though its delmål 1A is fulfilled, and the målområde follows it', () => {
    expect(assessments.map((a) => [a.number, a.label, a.manual])).toEqual([
      [null, 'Målet uppfylls delvis', false],
      ['1.', 'Målet uppfylls delvis', true],
      ['1A.', 'Uppfyllt', false],
    ]);
  });
});

describe('assessment words and comments', () => {
  it.each([
    [undefined, 'fulfilled', 'Uppfyllt'],
    [undefined, 'partly-fulfilled', 'Delvis uppfyllt'],
    [undefined, null, 'Ej bedömd'],
    [{ scale: 'yes-no' as const }, 'fulfilled', 'Ja'],
    [{ scale: 'yes-no' as const }, 'not-fulfilled', 'Nej'],
    [{ scale: 'three-level' as const, labels: { partlyFulfilled: 'Målet uppfylls delvis' } }, 'partly-fulfilled', 'Målet uppfylls delvis'],
  ] as const)('%j: %s is "%s"', (scale, status, label) => {
    expect(assessmentLabel(scale, status)).toBe(label);
  });

  it('keeps a comment written without a status beside the computed assessment, and a plan without either keeps its scorecard', () => {
    const base = PlanFile.parse(aPlan());
    expect(scorecard(base, { period: '2020' }).assessments).toBeUndefined();
    const goal = base.goals[0]!;
    const commented = { ...base, goals: [{ ...goal, assessments: [{ period: '2020', comment: '<p>Arbetet pågår.</p>' }] }, ...base.goals.slice(1)] };
    const assessment = scorecard(commented, { period: '2020' }).assessments!.find((a) => a.goalKey === goal.key)!;
    expect(assessment).toMatchObject({ manual: false, comment: '<p>Arbetet pågår.</p>' });
  });
});

describe('rollover', () => {
  it('leaves a goal\'s assessments with the period they were made for, and keeps its kind and contributions', async () => {
    const { rolloverPlan } = await import('./rollover.ts');
    const { plan, preview } = rolloverPlan(vastervik, { periodStart: 2022, periodEnd: 2022, key: 'vastervik-ar-2022' });
    expect(plan.goals.find((goal) => goal.key === 'mal-1-1')!.assessments).toBeUndefined();
    expect(plan.goals.find((goal) => goal.key === 'po-1')!.kind).toBe('priority-area');
    expect(preview.left).toContainEqual({ part: 'goals', key: 'mal-1-1', reason: '1 bedömning hör till tidigare perioder' });
  });
});

describe('writing a goal\'s assessment for a period (the web\'s editor)', () => {
  const goal: Goal = {
    key: 'mal-2-1',
    level: 'municipal',
    parent: 'po-2',
    text: 'Ökad möjlighet för kollektivt resande i kommunen, samt till och från kommunen.',
    measurement: null,
    assessments: [
      { period: '2020', status: 'fulfilled', justification: 'Målet nåddes.' },
      { period: '2021', status: 'fulfilled', comment: '<p>Kollektivtrafiken är kraftigt påverkad av pandemin.</p>' },
    ],
  };
  it.each<[string, string, AssessmentInput, Goal['assessments']]>([
    ['replaces the period in place', '2020', { status: 'partly-fulfilled', justification: 'Delvis, se kommentaren.' }, [{ period: '2020', status: 'partly-fulfilled', justification: 'Delvis, se kommentaren.' }, goal.assessments![1]!]],
    ['keeps a comment without a status', '2022', { comment: '<p>Ny tidtabell.</p>', author: 'anna' }, [...goal.assessments!, { period: '2022', comment: '<p>Ny tidtabell.</p>', author: 'anna' }]],
    ['removes the period when nothing is written', '2020', { status: undefined, justification: '  ', comment: '' , author: 'anna' }, [goal.assessments![1]!]],
  ])('%s', (_what, period, input, expected) => {
    const next = withAssessmentFor(goal, period, input);
    expect(next.assessments).toEqual(expected);
    expect({ ...next, assessments: undefined }).toEqual({ ...goal, assessments: undefined });
  });

  it('leaves no empty list behind', () => {
    const only: Goal = { ...goal, assessments: [goal.assessments![0]!] };
    expect('assessments' in withAssessmentFor(only, '2020', {})).toBe(false);
  });
});
