/**
 * What an adopted plan still takes: its follow-up. Built from the demo plan timra-sn-2020-2022's
 * own items, changed the way a delårsrapport or a careless edit would change them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFollowUpChange } from './follow-up-changes.ts';
import { PlanFile } from './plan.ts';

const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));
type Item = Record<string, unknown>;
const item = (value: unknown) => value as Item;

// "LifeCare" (sn-akt-4) as adopted: no status yet, no owner, no goals.
const lifeCare = item(sn.activities.find((activity) => activity.key === 'sn-akt-4'));
const indicator = item(sn.indicators[0]);

describe('isFollowUpChange: activities on an adopted plan', () => {
  const cases: Array<{ name: string; before: Item | null; after: Item | null; followUp: boolean }> = [
    { name: 'status set for the first time (pågår)', before: lifeCare, after: { ...lifeCare, status: 'ongoing' }, followUp: true },
    { name: 'status moved on (pågår → klar)', before: { ...lifeCare, status: 'ongoing' }, after: { ...lifeCare, status: 'done' }, followUp: true },
    { name: 'status cleared (ej angiven)', before: { ...lifeCare, status: 'paused' }, after: lifeCare, followUp: true },
    { name: 'nothing changed', before: lifeCare, after: { ...lifeCare }, followUp: true },
    { name: 'status and name', before: lifeCare, after: { ...lifeCare, status: 'done', name: 'LifeCare i hela förvaltningen' }, followUp: false },
    { name: 'name only', before: lifeCare, after: { ...lifeCare, name: 'LifeCare 2.0' }, followUp: false },
    { name: 'cost estimate with the status', before: lifeCare, after: { ...lifeCare, status: 'ongoing', costEstimate: '250' }, followUp: false },
    { name: 'owner only', before: lifeCare, after: { ...lifeCare, owner: 'Förvaltningschef' }, followUp: false },
    { name: 'goals only', before: lifeCare, after: { ...lifeCare, goals: ['kf-1:5'] }, followUp: false },
    { name: 'a new activity', before: null, after: { ...lifeCare, key: 'sn-akt-9', status: 'not-started' }, followUp: false },
    { name: 'an activity deleted', before: lifeCare, after: null, followUp: false },
  ];
  it.each(cases)('$name → follow-up: $followUp', ({ before, after, followUp }) => {
    expect(isFollowUpChange('activities', before, after)).toBe(followUp);
  });
});

describe('isFollowUpChange: the other parts keep their rule', () => {
  it.each([
    { name: 'an indicator actual added', segment: 'indicators', before: indicator, after: { ...indicator, actuals: [{ period: '2020', text: '83' }] }, followUp: true },
    { name: 'an indicator renamed', segment: 'indicators', before: indicator, after: { ...indicator, name: 'Nytt namn' }, followUp: false },
    { name: "an indicator's status field is not an activity's", segment: 'indicators', before: indicator, after: { ...indicator, status: 'done' }, followUp: false },
    { name: 'a goal text', segment: 'goals', before: item(sn.goals[0]), after: { ...item(sn.goals[0]), text: 'Annan text' }, followUp: false },
    { name: 'an activity table caption', segment: 'activity-tables', before: item(sn.activityTables[0]), after: { ...item(sn.activityTables[0]), caption: 'Aktiviteter' }, followUp: false },
    { name: 'an analysis added', segment: 'analyses', before: null, after: { key: 'a-1', period: '2020-01', subject: 'st-1.2.1', text: '<p>Text</p>' }, followUp: true },
  ])('$name → follow-up: $followUp', ({ segment, before, after, followUp }) => {
    expect(isFollowUpChange(segment, before, after)).toBe(followUp);
  });
});

describe('isFollowUpChange: a goal\'s assessment on an adopted plan (issue 12)', () => {
  // Västervik's goal as its annual report 2021 assessed it: Ja, with the comment.
  const goal = item(JSON.parse(readFileSync(new URL('../../tests/fixtures/plans/vastervik-ar-2021.json', import.meta.url), 'utf8')).goals[3]);
  it.each([
    ['an assessment added for the next year', { ...goal, assessments: [...(goal.assessments as Item[]), { period: '2022', comment: '<p>Pågår.</p>' }] }, true],
    ['the wording changed with it', { ...goal, text: 'Annan formulering', assessments: [] }, false],
    ['the kind changed', { ...goal, kind: 'assignment' }, false],
  ] as const)('%s → follow-up: %s', (_name, after, followUp) => {
    expect(isFollowUpChange('goals', goal, after)).toBe(followUp);
  });
});
