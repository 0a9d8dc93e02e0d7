/**
 * The pure rules of follow-up rounds on the demo plans: which periods a plan follows up, what a
 * round asks of each node (the IFO plan's delårsrapport 2017-08), who answers by default, where an
 * assignment stands, which reminders are due on which day, what carries forward, and who may act.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access.ts';
import { describeYears, followedUpYears, followUpPeriodProblem } from '../../src/domain/follow-up-periods.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { assignmentStatus, countStatuses, doneProblems, isOverdue, itemProgress } from '../../src/domain/rounds/assignment-status.ts';
import { carriedForward, type EarlierContribution } from '../../src/domain/rounds/carry-forward.ts';
import { contributionProblems, missingOf, paragraphsOf } from '../../src/domain/rounds/contributions.ts';
import { addDays, daysBetween, describeDate, isIsoDate } from '../../src/domain/rounds/dates.ts';
import { assignmentItems } from '../../src/domain/rounds/items.ts';
import { stepProblem, writeProblem } from '../../src/domain/rounds/lifecycle.ts';
import { openingProblems } from '../../src/domain/rounds/opening.ts';
import { dueMessages, type ReminderAssignment } from '../../src/domain/rounds/reminders.ts';
import { defaultResponsible } from '../../src/domain/rounds/responsible.ts';
import { mayManageRound, mayReviewAssignment, mayWriteAssignment } from '../../src/domain/rounds/round-access.ts';
import { defaultTemplate } from '../../src/domain/rounds/template.ts';
import { readDemoPlan } from '../../src/services/demo.ts';

const ifo = PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json'));
const sn = PlanFile.parse(readDemoPlan('timra-sn-2020-2022.json'));

describe('periods a plan follows up', () => {
  it('are the plan period and the years its figures name', () => {
    // The 2018–2020 IFO plan prints Bokslut 2015 and 2016, Plan 2017, the 2017 months and the 2017 forecast.
    expect(followedUpYears(ifo)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(describeYears(followedUpYears(ifo))).toBe('2015–2020');
    expect(describeYears([2015, 2016, 2017, 2020])).toBe('2015–2017, 2020');
  });

  it.each([
    ['2017-08', null],
    ['2017', null],
    ['2020-T2', null],
    ['2030-T1', 'Perioden 2030-T1 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020'],
    ['2014-12', 'Perioden 2014-12 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020'],
    ['2017-13', 'Perioden "2017-13" anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM'],
  ])('IFO %s → %s', (period, problem) => {
    expect(followUpPeriodProblem(ifo, period)).toBe(problem);
  });
});

describe('what a round asks of each node', () => {
  const nodes = assignmentItems(ifo, { period: '2017-08', template: defaultTemplate('2017-08') });
  const byNode = new Map(nodes.map((entry) => [entry.node, entry.items]));

  it('gives the delårsrapport 2017-08 one assignment per node that owns a deviation, goal or activity', () => {
    // IFO owns the volume table, its own budget total, its goals and activities; each cost centre its budget table.
    // Öppenvård o mottagning has no deviation in August 2017 and so no assignment.
    expect(nodes.map((entry) => entry.node)).toEqual(['ifo', 'ifo-barn-o-familj', 'ifo-vuxna', 'forsorjningsstod-utbetaln', 'ekb']);
  });

  it('asks IFO Vuxna for the analysis of its budget deviation and the two free sections', () => {
    expect(byNode.get('ifo-vuxna')).toEqual([
      { key: 'analysis:rr-ifo-vuxna', kind: 'analysis', subject: 'rr-ifo-vuxna', label: 'IFO, Vuxna' },
      { key: 'section:viktiga-handelser', kind: 'section', subject: 'viktiga-handelser', label: 'Viktiga händelser' },
      { key: 'section:framtid', kind: 'section', subject: 'framtid', label: 'Framtid' },
    ]);
  });

  it('asks IFO for seven volume analyses, its budget, 19 goals, 12 activities and the sections', () => {
    const items = byNode.get('ifo')!;
    const count = (kind: string) => items.filter((item) => item.kind === kind).length;
    expect([count('analysis'), count('goal'), count('activity'), count('section')]).toEqual([8, 19, 12, 2]);
    expect(items[0]).toEqual({ key: 'analysis:ensamkommande-barn-egen-regi', kind: 'analysis', subject: 'ensamkommande-barn-egen-regi', label: 'Antal ensamkommande barn i egen regi' });
    // Municipal goals without indicators in the plan are the council's, not IFO's to assess.
    expect(items.some((item) => item.subject === 'kf-1:1')).toBe(false);
  });

  it('asks for a qualitative target assessment where the year target is qualitative (SN 2020)', () => {
    const snNodes = assignmentItems(sn, { period: '2020', template: defaultTemplate('2020') });
    const qualitative = snNodes.flatMap((entry) => entry.items.filter((item) => item.kind === 'indicator').map((item) => `${entry.node} ${item.subject}`));
    // "4 gröna blommor. Blad: …" and "100% på samtliga nivåer …" are set by hand with a justification.
    expect(qualitative).toEqual(['sn st-1.5.2', 'sn st-3.2.1']);
  });

  it('asks a monthly round for analyses only', () => {
    expect(defaultTemplate('2017-05')).toEqual({ parts: ['deviation-analyses'], sections: [] });
    expect(defaultTemplate('2025-T2').sections.map((section) => section.heading)).toEqual(['Viktiga händelser', 'Framtid']);
    expect(defaultTemplate('2025').parts).toContain('outcome-tables');
  });
});

describe('who answers for a node by default', () => {
  const parents = new Map(ifo.organisation.map((node) => [node.key, node.parent]));
  const accounts = [
    { username: 'ledning', role: 'ledning', unitKey: 'sn' },
    { username: 'redaktor', role: 'redaktör', unitKey: 'ifo' },
    { username: 'ekonom-ifo', role: 'ekonom', unitKey: 'ifo' },
    { username: 'vuxna', role: 'redaktör', unitKey: 'ifo-vuxna' },
    { username: 'lasare-vuxna', role: 'läsare', unitKey: 'ifo-vuxna' },
  ] as const;
  it.each([
    ['ifo-vuxna', 'vuxna'],
    ['ekb', 'redaktor'], // nobody in EKB: the nearest node above, redaktör before ekonom
    ['ifo', 'redaktor'],
  ])('%s → %s', (node, username) => {
    expect(defaultResponsible({ node, ownerNode: 'ifo', parents, accounts: [...accounts] })).toBe(username);
  });
  it('looks no higher than the plan owner', () => {
    expect(defaultResponsible({ node: 'ekb', ownerNode: 'ifo', parents, accounts: [accounts[0]] })).toBeNull();
  });
});

describe('an assignment\'s course', () => {
  const items = assignmentItems(ifo, { period: '2017-08', template: defaultTemplate('2017-08') }).find((entry) => entry.node === 'ifo-vuxna')!.items;

  it('is not started, in progress, done or sent back', () => {
    const none = itemProgress(items, new Map());
    const some = itemProgress(items, new Map([['analysis:rr-ifo-vuxna', { text: 'Fler placeringar än budgeterat.', assessment: null }]]));
    expect(assignmentStatus('open', none)).toBe('not-started');
    expect(assignmentStatus('open', some)).toBe('in-progress');
    expect(assignmentStatus('sent-back', some)).toBe('sent-back');
    expect(assignmentStatus('done', some)).toBe('done');
    expect(countStatuses(['done', 'done', 'sent-back'])).toEqual({ 'not-started': 0, 'in-progress': 0, done: 2, 'sent-back': 1 });
  });

  it('is done only when everything asked is written, and says what is missing', () => {
    const some = itemProgress(items, new Map([['analysis:rr-ifo-vuxna', { text: 'Fler placeringar än budgeterat.', assessment: null }]]));
    expect(doneProblems(some)).toEqual([
      { path: '$.items.section:viktiga-handelser', message: 'Viktiga händelser: text saknas' },
      { path: '$.items.section:framtid', message: 'Framtid: text saknas' },
    ]);
    expect(missingOf('goal', { text: 'Bra', assessment: null })).toEqual(['Bedömning saknas']);
    expect(missingOf('activity', { text: '', assessment: 'ongoing' })).toEqual([]);
    expect(contributionProblems('analysis', { text: 'x', assessment: 'green' })[0]!.message).toBe('Analys har ingen bedömning; lämna den tom');
    expect(contributionProblems('goal', { text: 'x', assessment: 'lila' })[0]!.message).toBe('Bedömningen ska vara en av: green, yellow, red, not-measured');
  });

  it.each([
    ['2017-09-15', '2017-09-15', 'in-progress', false],
    ['2017-09-15', '2017-09-16', 'in-progress', true],
    ['2017-09-15', '2017-09-20', 'done', false],
  ] as const)('deadline %s, today %s, %s → overdue %s', (deadline, today, status, overdue) => {
    expect(isOverdue({ deadline, today, status })).toBe(overdue);
  });

  it('keeps paragraphs apart by blank lines', () => {
    expect(paragraphsOf('Första stycket\nsamma stycke.\n\n  Andra stycket. \r\n\r\n')).toEqual(['Första stycket\nsamma stycke.', 'Andra stycket.']);
  });
});

describe('dates', () => {
  it.each([
    ['2017-09-15', true],
    ['2017-02-29', false],
    ['2020-02-29', true],
    ['15/9 2017', false],
  ])('%s is a date: %s', (text, valid) => expect(isIsoDate(text)).toBe(valid));
  it('adds days over month ends and says dates in Swedish', () => {
    expect(addDays('2017-09-02', -3)).toBe('2017-08-30');
    expect(daysBetween('2017-09-12', '2017-09-15')).toBe(3);
    expect(describeDate('2017-09-15')).toBe('15 september 2017');
  });
});

describe('opening a round', () => {
  const request = { period: '2017-08', deadline: '2017-09-15', reminderDays: 3 };
  it('accepts the delårsrapport 2017-08 with a deadline ahead', () => {
    expect(openingProblems(ifo, request, '2017-09-01')).toEqual([]);
    expect(openingProblems(ifo, request, '2017-09-15')).toEqual([]);
  });
  it('refuses a deadline in the past, a period outside the plan, a date that is none', () => {
    expect(openingProblems(ifo, request, '2017-09-16')).toEqual([{ path: '$.deadline', message: 'Sista dag 15 september 2017 har redan passerat (i dag är det 16 september 2017)' }]);
    expect(openingProblems(ifo, { ...request, period: '2030-T1' }, '2017-09-01')).toEqual([{ path: '$.period', message: 'Perioden 2030-T1 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020' }]);
    expect(openingProblems(ifo, { ...request, deadline: '2017-09-31', reminderDays: 90 }, '2017-09-01').map((problem) => problem.path)).toEqual(['$.deadline', '$.reminderDays']);
    const draft = { ...ifo, plan: { ...ifo.plan, status: 'draft' as const } };
    expect(openingProblems(draft, request, '2017-09-01')[0]!.message).toBe('Planen timra-ifo-2018-2020 är inte fastställd; bara en fastställd plan följs upp');
  });
});

describe('reminders due', () => {
  const round = { status: 'open' as const, deadline: '2017-09-15', reminderDays: 3, owner: 'ledning' };
  const assignments: ReminderAssignment[] = [
    { node: 'ifo-vuxna', responsible: 'vuxna', status: 'in-progress' },
    { node: 'ifo-barn-o-familj', responsible: 'barnfamilj', status: 'done' },
    { node: 'ekb', responsible: null, status: 'not-started' },
  ];
  it.each([
    ['2017-09-11', []],
    ['2017-09-12', ['before-deadline|ifo-vuxna|vuxna']],
    ['2017-09-15', ['at-deadline|ifo-vuxna|vuxna', 'summary-deadline||ledning']],
    ['2017-09-20', ['at-deadline|ifo-vuxna|vuxna', 'summary-deadline||ledning']],
  ])('on %s', (today, due) => {
    expect(dueMessages({ round, assignments, sent: [], today }).map((m) => `${m.kind}|${m.node}|${m.recipient}`)).toEqual(due);
  });
  it('sends each message once, and the summary when all is done', () => {
    const sent = dueMessages({ round, assignments, sent: [], today: '2017-09-12' });
    expect(dueMessages({ round, assignments, sent, today: '2017-09-13' })).toEqual([]);
    const allDone = assignments.map((assignment) => ({ ...assignment, status: 'done' as const }));
    expect(dueMessages({ round, assignments: allDone, sent, today: '2017-09-13' })).toEqual([{ kind: 'summary-done', node: '', recipient: 'ledning' }]);
    expect(dueMessages({ round: { ...round, status: 'submitted' }, assignments, sent: [], today: '2017-09-20' })).toEqual([]);
  });
});

describe('carry forward', () => {
  const written = (period: string, text: string): EarlierContribution => ({ period, node: 'ifo-vuxna', itemKey: 'analysis:rr-ifo-vuxna', writtenBy: 'vuxna', text, assessment: null });
  const earlier = [written('2017-T1', 'T1'), written('2017-08', 'Delår'), written('2017-T3', 'T3'), written('2016', 'År 2016')];
  it('shows the next round what the node wrote last time', () => {
    expect(carriedForward({ period: '2017-T3', node: 'ifo-vuxna', itemKey: 'analysis:rr-ifo-vuxna', earlier }).previous?.text).toBe('Delår');
    expect(carriedForward({ period: '2017-T1', node: 'ifo-vuxna', itemKey: 'analysis:rr-ifo-vuxna', earlier }).previous?.text).toBe('År 2016');
    expect(carriedForward({ period: '2017-T1', node: 'ekb', itemKey: 'analysis:rr-ifo-vuxna', earlier }).previous).toBeNull();
  });
  it('gathers a year\'s shorter rounds for the annual round', () => {
    const forward = carriedForward({ period: '2017', node: 'ifo-vuxna', itemKey: 'analysis:rr-ifo-vuxna', earlier });
    expect(forward.withinYear.map((entry) => entry.text)).toEqual(['T1', 'Delår', 'T3']);
    expect(forward.previous?.text).toBe('T3');
  });
});

describe('the round\'s steps and grants', () => {
  const actor = (username: string, role: Actor['role'], unitKey: string | null): Actor => ({ username, role, unitKey });
  it('takes submit → adopt, reopen from submitted, and writes only while open', () => {
    expect(stepProblem('submit', 'open')).toBeNull();
    expect(stepProblem('adopt', 'open')).toBe('Omgången är öppen; steget "adopt" kan bara tas när den är inlämnad');
    expect(writeProblem('adopted')).toBe('Omgången är fastställd och kan inte ändras');
  });
  it('lets the responsible write, a controller review, ledning manage', () => {
    const assignment = { nodeName: 'IFO, Vuxna', responsible: 'vuxna' };
    expect(mayWriteAssignment(actor('vuxna', 'redaktör', 'ifo-vuxna'), assignment)).toEqual({ allowed: true });
    expect(mayWriteAssignment(actor('barnfamilj', 'redaktör', 'ifo-barn-o-familj'), assignment)).toEqual({
      allowed: false,
      reason: 'forbidden',
      message: 'Uppdraget för IFO, Vuxna är vuxnas; bara den ansvarige kan skriva i det eller markera det som klart',
    });
    expect(mayReviewAssignment(actor('ekonom', 'ekonom', 'sn'), true).allowed).toBe(true);
    expect(mayReviewAssignment(actor('redaktor', 'redaktör', 'ifo'), true).allowed).toBe(false);
    expect(mayReviewAssignment(actor('ekonom', 'ekonom', 'ifo-vuxna'), false).allowed).toBe(false);
    expect(mayManageRound(actor('ledning', 'ledning', 'sn'), true).allowed).toBe(true);
    expect(mayManageRound(actor('redaktor', 'redaktör', 'ifo'), true).allowed).toBe(false);
  });
});
