/**
 * The plan file's follow-up parts are checked with the rest of the plan in one run: references
 * between goals, measures, indicators and activities, assessments by hand that need a reason, and
 * breakdowns that name a group once. Built on Västervik's and Vårgårda's plans.
 */
import { describe, expect, it } from 'vitest';
import { fixturePlans, fixtureText, loadFixturePlan } from '../../tests/goals/fixtures.ts';
import type { PlanFile } from './plan.ts';
import { validatePlanFile } from './validate-plan.ts';

const vastervik = loadFixturePlan('vastervik-ar-2021');
const vargarda = loadFixturePlan('vargarda-bvp-2023-2025');

function problemsOf(plan: PlanFile) {
  const result = validatePlanFile(JSON.parse(JSON.stringify(plan)));
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('the follow-up parts of a plan file', () => {
  it.each(fixturePlans)('%s is a valid plan file', (key) => {
    expect(validatePlanFile(JSON.parse(fixtureText(key)))).toMatchObject({ ok: true });
  });

  it.each([
    [
      'a contribution to a goal the plan lacks, to itself and to its parent',
      (plan: PlanFile) => ({
        ...plan,
        goals: plan.goals.map((goal) =>
          goal.key === 'mal-2-1'
            ? { ...goal, contributesTo: [{ goal: 'mal-9', link: 'direct' as const }, { goal: 'mal-2-1', link: 'indirect' as const }, { goal: 'po-2', link: 'direct' as const }] }
            : goal,
        ),
      }),
      [
        '$.goals[3].contributesTo[0].goal: Målet "mal-9" finns inte i planen',
        '$.goals[3].contributesTo[1].goal: Ett mål kan inte bidra till sig självt',
        '$.goals[3].contributesTo[2].goal: "po-2" är redan målets överordnade mål',
      ],
    ],
    [
      'an assessment by hand without a reason, "delvis" on a Ja/Nej scale, an empty entry',
      (plan: PlanFile) => ({
        ...plan,
        goals: plan.goals.map((goal) =>
          goal.key === 'mal-2-2' ? { ...goal, assessments: [{ period: '2021', status: 'partly-fulfilled' as const }, { period: '2020' }] } : goal,
        ),
      }),
      [
        '$.goals[4].assessments[0].justification: En bedömning som sätts för hand kräver en motivering eller en kommentar',
        '$.goals[4].assessments[0].status: Planen bedömer sina mål med ja eller nej; delvis uppfyllt finns inte på den skalan',
        '$.goals[4].assessments[1].comment: En bedömning utan status behöver en kommentar',
      ],
    ],
  ] as const)('refuses %s', (_what, change, problems) => {
    expect(problemsOf(change(vastervik))).toEqual(problems);
  });

  it('refuses an indicator naming a measure the plan lacks, a group given twice, an activity serving an unknown indicator, columns on another section', () => {
    const plan: PlanFile = {
      ...vargarda,
      indicators: vargarda.indicators.map((indicator) =>
        indicator.key === 'st-ekonomi-1'
          ? { ...indicator, measure: 'saknas', actuals: [{ period: '2023', text: '0,7', breakdown: [{ dimension: 'gender', group: 'K', text: '1' }, { dimension: 'gender', group: 'K', text: '2' }] }] }
          : indicator,
      ),
      activityTables: [{ key: 't', kind: 'activity', caption: 'Aktivitet', columns: [] }],
      activities: [{ key: 'a', table: 't', name: 'Aktivitet', goals: [], indicators: ['st-saknas'] }],
      sections: vargarda.sections.map((section) => (section.key === 'mal' ? { ...section, indicatorColumns: [{ kind: 'outcome', year: 2023 }] } : section)),
    };
    expect(problemsOf(plan)).toEqual([
      '$.indicators[0].measure: Måttet "saknas" finns inte bland planens mått',
      '$.indicators[0].actuals[0].breakdown[1].group: Gruppen "K" anges mer än en gång',
      '$.activities[0].indicators[0]: Styrtalet "st-saknas" finns inte i planen',
      '$.sections[1].indicatorColumns: Kolumner för styrtal kan bara anges för ett avsnitt med styrtal',
    ]);
  });

  it('reports a period or a key given twice once, in the plan\'s words', () => {
    const plan: PlanFile = {
      ...vastervik,
      goals: vastervik.goals.map((goal) => (goal.key === 'mal-1-1' ? { ...goal, assessments: [...goal.assessments!, { period: '2021', comment: '<p>Igen.</p>' }] } : goal)),
      measures: [{ key: 'm', name: 'Mått', values: [{ period: '2020', text: '1' }, { period: '2020', text: '2' }] }],
    };
    expect(problemsOf(plan)).toEqual(['$.goals[1].assessments[1].period: Bedömning för 2021 anges mer än en gång', '$.measures[0].values[1].period: Värde för 2020 anges mer än en gång']);
  });

  it('takes an analysis of a goal for a period, as Vårgårda writes one per delmål', () => {
    expect(vargarda.analyses.map((analysis) => analysis.subject)).toContain('dm-ekonomi-1');
    expect(problemsOf(vargarda)).toEqual([]);
  });
});
