/**
 * The activities page's view model on the demo plan timra-sn-2020-2022: its eight activities in two
 * tables ("Aktivitet" and "Plan eller uppdrag"), none with a status yet, as a delårsrapport would
 * move them on the status board and as a reader would filter them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../domain/plan.ts';
import { applyDraft, differingFields, draftOf, newActivity, sameActivity } from './activities-draft.ts';
import { fieldOfProblem, filterActivities, filterOptions, goalLabels, groupByStatus, nextActivityKey, noFilters, printedCell, readFigure, type Activity, type Filters } from './activities-view.ts';

const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));
const byKey = (key: string) => sn.activities.find((activity) => activity.key === key)!;
const keys = (activities: Array<Pick<Activity, 'key'>>) => activities.map((activity) => activity.key);

// Half a year in: LifeCare is under way, Heltidsresan done, TUFF paused; the rest not yet reported.
const followedUp: Activity[] = sn.activities.map((activity) => {
  const status = ({ 'sn-akt-4': 'ongoing', 'sn-akt-6': 'done', 'sn-akt-5': 'paused', 'sn-akt-7': 'ongoing' } as const)[activity.key as 'sn-akt-4'];
  return status ? { ...activity, status } : activity;
});

describe('groupByStatus: the status board', () => {
  it('puts the adopted activities, none with a status, all in "Ej angiven", the other columns empty', () => {
    const columns = groupByStatus(sn.activities);
    expect(columns.map((column) => [column.slot, column.items.length])).toEqual([
      ['none', 8],
      ['not-started', 0],
      ['ongoing', 0],
      ['done', 0],
      ['paused', 0],
      ['cancelled', 0],
    ]);
  });

  it('moves each followed-up activity into its status column, keeping the plan order within a column', () => {
    const columns = Object.fromEntries(groupByStatus(followedUp).map((column) => [column.slot, keys(column.items)]));
    expect(columns).toEqual({
      none: ['sn-akt-1', 'sn-akt-2', 'sn-akt-3', 'sn-akt-8'],
      'not-started': [],
      ongoing: ['sn-akt-4', 'sn-akt-7'],
      done: ['sn-akt-6'],
      paused: ['sn-akt-5'],
      cancelled: [],
    });
  });
});

describe('filterActivities', () => {
  const cases: Array<{ name: string; filters: Partial<Filters>; expected: string[] }> = [
    { name: 'no filter', filters: {}, expected: ['sn-akt-1', 'sn-akt-2', 'sn-akt-3', 'sn-akt-4', 'sn-akt-5', 'sn-akt-6', 'sn-akt-7', 'sn-akt-8'] },
    { name: 'status Pågår', filters: { status: 'ongoing' }, expected: ['sn-akt-4', 'sn-akt-7'] },
    { name: 'status Ej angiven', filters: { status: 'none' }, expected: ['sn-akt-1', 'sn-akt-2', 'sn-akt-3', 'sn-akt-8'] },
    { name: 'node Stöd, vård och omsorg (svo)', filters: { node: 'svo' }, expected: ['sn-akt-3', 'sn-akt-5', 'sn-akt-7'] },
    { name: 'node Individ- och familjeomsorgen (ifo)', filters: { node: 'ifo' }, expected: ['sn-akt-2', 'sn-akt-8'] },
    { name: 'no node given', filters: { node: '-' }, expected: ['sn-akt-1', 'sn-akt-4', 'sn-akt-6'] },
    { name: 'service area "Alla"', filters: { serviceArea: 'Alla' }, expected: ['sn-akt-1', 'sn-akt-4', 'sn-akt-6'] },
    { name: 'svo and Pågår together', filters: { node: 'svo', status: 'ongoing' }, expected: ['sn-akt-7'] },
    { name: 'ifo and Klar: nothing', filters: { node: 'ifo', status: 'done' }, expected: [] },
  ];
  it.each(cases)('$name', ({ filters, expected }) => {
    expect(keys(filterActivities(followedUp, { ...noFilters, ...filters }))).toEqual(expected);
  });

  it('offers the nodes the activities use, in the organisation order, and their printed service areas sorted the Swedish way', () => {
    expect(filterOptions(sn.activities, sn.organisation)).toEqual({
      nodes: [
        { key: 'ifo', name: 'Individ- och familjeomsorgen' },
        { key: 'svo', name: 'Stöd, vård och omsorg' },
      ],
      withoutNode: true,
      serviceAreas: ['Alla', 'Individ och familjeomsorg', 'Individ och familjeomsorg försörjningsstöd', 'Stöd, vård och omsorg'],
    });
  });
});

describe('printedCell: the table as the plan prints it', () => {
  it.each([
    { key: 'sn-akt-7', field: 'costEstimate', cell: { kind: 'figure', text: 'Egen tid' } },
    { key: 'sn-akt-1', field: 'investmentExpense', cell: { kind: 'figure', text: '' } },
    { key: 'sn-akt-3', field: 'serviceArea', cell: { kind: 'text', text: 'Stöd, vård och omsorg' } },
    { key: 'sn-akt-6', field: 'description', cell: { kind: 'rich', html: '<p>Plan för heltid som norm</p>' } },
  ] as const)('$key $field', ({ key, field, cell }) => {
    expect(printedCell(byKey(key), field)).toEqual(cell);
  });

  it('keeps an amount exactly as typed, trimmed', () => {
    expect(printedCell({ ...byKey('sn-akt-1'), incomeCost: ' -1 200 ' }, 'incomeCost')).toEqual({ kind: 'figure', text: '-1 200' });
  });
});

describe('readFigure: the live feedback under a figure field', () => {
  it.each([
    { text: 'Egen tid', reading: { kind: 'text' } },
    { text: '', reading: { kind: 'missing' } },
    { text: '-', reading: { kind: 'missing' } },
    { text: '250', reading: { kind: 'number', value: '250' } },
    { text: '−68 851', reading: { kind: 'number', value: '-68 851' } },
    { text: '1200', reading: { kind: 'number', value: '1 200' } },
    { text: '5,3', reading: { kind: 'number', value: '5,3' } },
    { text: '194(-9)', reading: { kind: 'annotated', value: '194', annotation: '(-9)' } },
    { text: '90 + 45', reading: { kind: 'sum', value: '135', parts: ['90', '45'] } },
  ])('"$text"', ({ text, reading }) => {
    expect(readFigure(text)).toEqual(reading);
  });
});

describe('small helpers', () => {
  it('labels goals by their printed number, an unnumbered one by its text', () => {
    const goals = [...sn.goals, { key: 'sn-mal', text: 'Socialnämndens eget mål' }];
    expect(goalLabels({ goals: ['kf-1:5', 'kf-3:2', 'sn-mal', 'borta'] }, goals)).toEqual(['1:5', '3:2', 'Socialnämndens eget mål', 'borta']);
  });

  it('finds a free key for a new activity in a table', () => {
    expect(nextActivityKey('sn-aktiviteter', keys(sn.activities))).toBe('sn-aktiviteter-1');
    expect(nextActivityKey('sn-aktiviteter', ['sn-aktiviteter-1', 'sn-aktiviteter-2'])).toBe('sn-aktiviteter-3');
  });

  it.each([
    ['$.name', 'name'],
    ['$.activities[3].goals[0]', 'goals'],
    ['$.activities[7].node', 'node'],
    ['headers:if-match', null],
  ])('reads the field of the problem at %s', (path, field) => {
    expect(fieldOfProblem(path)).toBe(field);
  });
});

describe('the edit form draft', () => {
  const lifeCare = byKey('sn-akt-4');

  it('gives back the stored activity unchanged when nothing was typed', () => {
    expect(applyDraft(lifeCare, draftOf(lifeCare), false)).toEqual(lifeCare);
    expect(sameActivity(applyDraft(lifeCare, draftOf(lifeCare), false), lifeCare)).toBe(true);
  });

  it('trims what was typed, leaves emptied fields out, and keeps a field typed back to its stored text exactly', () => {
    const draft = { ...draftOf(lifeCare), name: ' LifeCare i hela förvaltningen ', serviceArea: '', costEstimate: ' 250 ', status: 'ongoing' as const, goals: ['kf-1:5'], description: `${lifeCare.description} ` };
    const { serviceArea: _dropped, ...rest } = lifeCare;
    expect(applyDraft(lifeCare, draft, false)).toEqual({ ...rest, name: 'LifeCare i hela förvaltningen', costEstimate: '250', status: 'ongoing', goals: ['kf-1:5'] });
  });

  it('takes only the status from the draft on an adopted plan', () => {
    const draft = { ...draftOf(lifeCare), name: 'Något annat', costEstimate: '999', status: 'done' as const };
    expect(applyDraft(lifeCare, draft, true)).toEqual({ ...lifeCare, status: 'done' });
    expect(applyDraft({ ...lifeCare, status: 'done' }, { ...draftOf(lifeCare), status: '' }, true)).toEqual(lifeCare);
  });

  it('lists the fields in which two versions differ, for the conflict view', () => {
    const mine = { ...lifeCare, name: 'LifeCare 2.0', costEstimate: 'Egen tid' };
    const theirs = { ...lifeCare, costEstimate: '300', status: 'ongoing' as const, goals: [] };
    expect(differingFields(mine, theirs)).toEqual(['name', 'costEstimate', 'status']);
    expect(differingFields({ ...lifeCare, goals: ['a', 'b'] }, { ...lifeCare, goals: ['b', 'a'] })).toEqual([]);
  });

  it('starts a new activity empty, in its table', () => {
    expect(newActivity('sn-aktiviteter-1', 'sn-aktiviteter')).toEqual({ key: 'sn-aktiviteter-1', table: 'sn-aktiviteter', name: '', goals: [] });
  });
});
