/**
 * The web app on other municipalities' plans (issue 12): the scorecard shows a goal's assessment
 * in the plan's words with its comment, an outcome's breakdown below the total, outcomes that come
 * from a measure, and a perspective's number only where the plan prints it; the content editor
 * edits a goal's kind, description and contributions and an indicator's measure and kind,
 * touching only those fields. Plans: Vårgårda 2023, Västervik 2021 (tests/fixtures/plans).
 */
import { describe, expect, it } from 'vitest';
import { loadFixturePlan } from '../../tests/goals/fixtures.ts';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { withMeasureOutcomes } from '../domain/measures.ts';
import { PlanFile } from '../domain/plan.ts';
import { applyDraft as applyIndicatorDraft, draftOf as indicatorDraftOf } from './components/indicator-editor/draft.ts';
import { fieldsOf } from './content-editor-fields.ts';
import { applyDraft, draftOf, itemsOf, type Draft } from './content-editor-model.ts';
import { buildScorecardView, defaultPeriod, scorecardPeriods, type GoalView } from './scorecard-view.ts';

const vargarda = loadFixturePlan('vargarda-bvp-2023-2025');
const vastervik = loadFixturePlan('vastervik-ar-2021');
const allGoals = (goals: GoalView[]): GoalView[] => goals.flatMap((goal) => [goal, ...allGoals(goal.subgoals)]);

describe('scorecard', () => {
  const view = buildScorecardView(vargarda, '2023');
  const goals = allGoals(view.perspectives.flatMap((p) => p.goals));

  it('shows an outcome from the measure with its gender breakdown below it', () => {
    const boende = goals.find((goal) => goal.goal.key === 'dm-boende-1')!.indicators[0]!;
    expect(boende.latest).toEqual({
      period: '2023',
      text: '116',
      breakdown: [
        { dimension: 'gender', group: 'K', text: '48' },
        { dimension: 'gender', group: 'M', text: '68' },
      ],
    });
    expect(boende.trend.map((point) => point.value)).toEqual([234, 88, 116]);
  });

  it('shows each goal\'s assessment in the plan\'s words, by hand where the plan judged so', () => {
    expect(goals.find((goal) => goal.goal.key === 'dm-ekonomi-1')!.assessment).toMatchObject({ label: 'Uppfyllt', manual: true });
    expect(goals.find((goal) => goal.goal.key === 'dm-skola-1')!.assessment).toMatchObject({ label: 'Inte uppfyllt', manual: false });
  });

  it('offers the years a measure has outcomes for, and opens on the latest followed one', () => {
    expect(scorecardPeriods(vargarda)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(defaultPeriod(vargarda, new Date('2024-03-01'))).toBe('2023');
  });

  it('shows Västervik\'s goals without indicators by their Ja and comment', () => {
    const card = buildScorecardView(vastervik, '2021');
    const goal = allGoals(card.perspectives.flatMap((p) => p.goals)).find((g) => g.goal.key === 'mal-2-1')!;
    expect(goal.status).toBeNull();
    expect(goal.assessment).toMatchObject({ label: 'Ja', comment: expect.stringContaining('skärgårdstrafik') });
  });

  it('sums up the assessments per kind as the annual report does, and shows a delmål\'s analysis for the period', () => {
    // 6 inriktningsmål and 8 delmål; by the plan's "worst" roll-up only dm-ekonomi-1 (by hand) and
    // dm-organisation-1 are fulfilled, and every målområde has a delmål that is not.
    expect(view.assessmentSummary).toEqual(['Av 14 bedömda mål är 2 uppfyllda.', 'Av 6 bedömda prioriterade områden är 0 uppfyllda.']);
    const skola = goals.find((goal) => goal.goal.key === 'dm-skola-1')!;
    expect(skola.analyses).toHaveLength(1);
    expect(skola.analyses[0]!.text).toContain('<p>');
    expect(buildScorecardView(vargarda, '2022').perspectives.flatMap((p) => allGoals(p.goals)).every((goal) => goal.analyses.length === 0)).toBe(true);
  });

  it('names the measure an indicator takes its outcomes from, and a target\'s own letter', () => {
    const boende = goals.find((goal) => goal.goal.key === 'dm-boende-1')!.indicators[0]!;
    expect(boende.measure).toEqual({ key: 'vargarda-invanare-okning', name: expect.any(String) });
    const kungsor = loadFixturePlan('kungsor-kf-2021-2025');
    const row = (period: string) => allGoals(buildScorecardView(kungsor, period).perspectives.flatMap((p) => p.goals)).flatMap((goal) => goal.indicators).find((i) => i.indicator.key === 'st-arbetsloshet')!;
    expect([row('2019').targetLabel, row('2019').status.target]).toEqual(['B)', expect.stringContaining('9,3')]);
    expect(row('2020').targetLabel).toBe('A)');
    expect(row('2021').targetLabel).toBeUndefined();
  });

  it('says which goals above a goal it contributes to, directly or not', () => {
    const plan = { ...vastervik, goals: vastervik.goals.map((goal) => (goal.key === 'mal-2-1' ? { ...goal, contributesTo: [{ goal: 'uppdrag-digitalisering', link: 'indirect' as const }] } : goal)) };
    const goal = allGoals(buildScorecardView(plan, '2021').perspectives.flatMap((p) => p.goals)).find((g) => g.goal.key === 'mal-2-1')!;
    expect(goal.contributions).toMatch(/^Bidrar till .+ \(indirekt\)\.$/);
    expect(allGoals(buildScorecardView(vastervik, '2021').perspectives.flatMap((p) => p.goals)).every((g) => g.contributions === null)).toBe(true);
  });

  it('names a perspective by its number only where the plan numbers it', () => {
    const plan = PlanFile.parse(aPlan({ perspectives: [{ number: 1, name: 'Invånare' }] }));
    expect(buildScorecardView(plan, '2020').perspectives[0]).toMatchObject({ number: 1, name: 'Invånare', numbered: false });
    const numbered = { ...plan, perspectives: [{ number: 1, name: 'Medborgare', numbered: true }] };
    expect(buildScorecardView(numbered, '2020').perspectives[0]!.numbered).toBe(true);
  });
});

describe('content editor', () => {
  it.each<[ 'goals', string, Draft, Record<string, unknown>]>([
    ['goals', 'mal-2-1', { kind: 'assignment' }, { kind: 'assignment' }],
    ['goals', 'mal-2-1', { description: '<p>Kollektivtrafiken.</p>' }, { description: '<p>Kollektivtrafiken.</p>' }],
    ['goals', 'mal-2-1', { 'contributesTo.direct': ['po-1'], 'contributesTo.indirect': ['uppdrag-digitalisering'] }, { contributesTo: [{ goal: 'po-1', link: 'direct' }, { goal: 'uppdrag-digitalisering', link: 'indirect' }] }],
  ])('edits %s %s: %j', (part, key, change, expected) => {
    const fields = fieldsOf(part, vastervik);
    const item = itemsOf(part, vastervik).find((candidate) => candidate.key === key)!;
    const next = applyDraft(fields, item, { ...draftOf(fields, item), ...change });
    expect(next).toMatchObject(expected);
    // Nothing else of the goal changes: its assessments and text stay as they were.
    expect(next.assessments).toEqual(item.assessments);
    expect(next.text).toBe(item.text);
  });

  it('links an indicator to one of the plan\'s measures, or marks it a success criterion', () => {
    const fields = fieldsOf('indicators', vargarda);
    const item = itemsOf('indicators', vargarda).find((candidate) => candidate.key === 'st-ekonomi-1')!;
    const measure = fields.find((field) => field.name === 'measure')!;
    expect(measure.options!(vargarda, {} as never, item).map((option) => option.value)).toEqual(['', 'vargarda-invanare-okning', 'vargarda-heltid']);
    expect(applyDraft(fields, item, { ...draftOf(fields, item), measure: 'vargarda-heltid', kind: 'criterion' })).toMatchObject({ measure: 'vargarda-heltid', kind: 'criterion' });
  });
});

describe('the indicator editor', () => {
  it('keeps a target\'s own letter (Kungsör\'s "A)") and an outcome\'s breakdown when other figures change', () => {
    const kungsor = loadFixturePlan('kungsor-kf-2021-2025');
    const indicator = kungsor.indicators.find((candidate) => candidate.key === 'st-arbetsloshet')!;
    const draft = indicatorDraftOf(indicator);
    const changed = applyIndicatorDraft(indicator, { ...draft, newPeriod: '2021', newText: '7,9 %' }, false);
    expect(changed.targets).toEqual(indicator.targets);
    const year = indicator.targets.find((target) => target.label)!.year;
    const edited = applyIndicatorDraft(indicator, { ...draft, targets: { ...draft.targets, [year]: '8,0 %' } }, false);
    expect(edited.targets.find((target) => target.year === year)).toMatchObject({ text: '8,0 %', label: indicator.targets.find((target) => target.year === year)!.label });
    // Vårgårda's outcomes by gender, as an indicator that records them itself would hold them.
    const boende = withMeasureOutcomes(vargarda).indicators.find((candidate) => candidate.actuals.some((actual) => actual.breakdown))!;
    expect(applyIndicatorDraft(boende, indicatorDraftOf(boende), false).actuals).toEqual(boende.actuals);
  });
});
