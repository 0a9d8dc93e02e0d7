/**
 * The importer says everything at once (issue 12, point 10): schema problems and reference
 * problems in one run, a bad date with the format it expects, and no reference reported missing
 * only because the item it names has a schema problem of its own.
 */
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import type { PlanFileInput } from './plan.ts';
import { validatePlanFile } from './validate-plan.ts';

function problemsOf(mutate: (plan: PlanFileInput) => void): Array<{ path: string; message: string }> {
  const plan = structuredClone(aPlan());
  mutate(plan);
  const result = validatePlanFile(plan);
  return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));
}

describe('one run reports every problem', () => {
  it('reports a schema problem and a reference problem together', () => {
    const problems = problemsOf((plan) => {
      plan.goals![0]!.text = ''; // schema: empty label
      plan.plan.ownerNode = 'ks'; // reference: unknown owner
      plan.organisation![1]!.parent = 'kf'; // reference: unknown parent
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.goals[0].text', message: 'Får inte vara tom' },
        { path: '$.plan.ownerNode', message: 'Planens ägare "ks" finns inte i organisationen' },
        { path: '$.organisation[1].parent', message: 'Överordnad nod "kf" finns inte i organisationen' },
      ]),
    );
  });

  it('does not report a reference to an item set aside for its own schema problem', () => {
    // The goal is refused (empty text); the indicator that names it is not reported as pointing nowhere.
    const problems = problemsOf((plan) => {
      plan.goals![0]!.text = '';
      plan.indicators![0]!.goal = plan.goals![0]!.key;
      plan.indicators!.push({ ...plan.indicators![0]!, key: 'st-9', goal: 'kf-saknas' });
    });
    expect(problems).toContainEqual({ path: '$.goals[0].text', message: 'Får inte vara tom' });
    expect(problems.filter((problem) => problem.message.includes('"kf-1:2"'))).toEqual([]);
    expect(problems).toContainEqual({ path: '$.indicators[1].goal', message: 'Målet "kf-saknas" finns inte i planen' });
  });

  it('checks references past an unknown field and a bad date', () => {
    const problems = problemsOf((plan) => {
      (plan.plan as Record<string, unknown>).titel = 'x';
      plan.plan.decision = { date: '15/3/2024' };
      plan.indicators![0]!.goal = 'kf-9:9';
    });
    expect(problems).toEqual([
      { path: '$.plan.decision.date', message: 'Datum anges som ÅÅÅÅ-MM-DD, t.ex. 2024-03-15' },
      { path: '$.plan', message: 'Okänt fält: "titel" (stavfel, eller hör fältet hemma någon annanstans?)' },
      { path: '$.indicators[0].goal', message: 'Målet "kf-9:9" finns inte i planen' },
    ]);
  });

  it('gives the schema problems alone when the plan head itself is missing what the checks need', () => {
    const problems = problemsOf((plan) => {
      delete (plan.plan as Record<string, unknown>).ownerNode;
      plan.indicators![0]!.goal = 'kf-9:9';
    });
    expect(problems).toEqual([{ path: '$.plan.ownerNode', message: 'Obligatoriskt fält saknas' }]);
  });
});
