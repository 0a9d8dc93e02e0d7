/** The adoption decision rule (issue 10, defect 8), with the demo's stand-in and real-looking decisions. */
import { describe, expect, it } from 'vitest';
import { checkDecision, needsDecision } from './adoption.ts';

describe('needsDecision', () => {
  it.each([
    ['draft', false],
    ['submitted', false],
    ['adopted', true],
    ['archived', true],
  ])('%s → %s', (status, needed) => {
    expect(needsDecision(status)).toBe(needed);
  });
});

describe('checkDecision', () => {
  it.each([
    [{ date: '2019-12-11', body: 'Socialnämnden', paragraph: 'SN § 145' }],
    [{ date: '2017-12-31', body: 'Socialnämnden', paragraph: 'uppgift saknas i källan' }],
    [{ date: '2024-11-27', body: 'Kommunfullmäktige', paragraph: 'KF § 112', caseNumber: 'KS 2024/311' }],
  ])('takes a complete decision: %j', (decision) => {
    expect(checkDecision(decision, '$.plan.decision')).toMatchObject({ ok: true, decision });
  });

  it.each([
    [{}, ['$.plan.decision.date', '$.plan.decision.body', '$.plan.decision.paragraph']],
    [null, ['$.plan.decision.date', '$.plan.decision.body', '$.plan.decision.paragraph']],
    [{ date: '2019-13-01', body: 'Socialnämnden', paragraph: 'SN § 1' }, ['$.plan.decision.date']],
    [{ date: '2019-12-11', body: '', paragraph: 'SN § 1' }, ['$.plan.decision.body']],
  ])('refuses %j with the path of each missing part', (decision, paths) => {
    const checked = checkDecision(decision, '$.plan.decision');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => problem.path)).toEqual(paths);
    for (const problem of checked.problems) expect(problem.message).toMatch(/[a-zåäö]/);
  });
});
