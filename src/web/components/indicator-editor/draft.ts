/** The editor's draft of an indicator's targets and outcomes, and how it becomes an indicator again. */
import { comparePeriods, readPeriod } from '../../../domain/period.ts';
import type { Indicator, PlanFile } from '../../api.ts';

type ActualEntry = Indicator['actuals'][number];

export interface Draft {
  targets: Record<number, string>;
  actuals: string[];
  newPeriod: string;
  newText: string;
}

export function draftOf(indicator: Indicator): Draft {
  return {
    targets: Object.fromEntries(indicator.targets.map((target) => [target.year, target.text])),
    actuals: indicator.actuals.map((actual) => actual.text),
    newPeriod: '',
    newText: '',
  };
}

export function yearsOf(plan: PlanFile['plan'], indicator: Indicator): number[] {
  const years = new Set<number>(indicator.targets.map((target) => target.year));
  for (let year = plan.periodStart; year <= plan.periodEnd; year += 1) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** What is wrong with the new outcome's period, if anything. */
export function newPeriodProblems(base: Indicator, draft: Draft): { invalid: boolean; duplicate: boolean } {
  const typed = draft.newPeriod.trim();
  const period = readPeriod(typed);
  return {
    invalid: typed !== '' && period === null,
    duplicate: period !== null && base.actuals.some((actual) => actual.period === period),
  };
}

/** The indicator as the reader wants it: `base` with the draft's targets and outcomes. */
export function applyDraft(base: Indicator, draft: Draft, frozen: boolean): Indicator {
  const targets = frozen
    ? base.targets
    : Object.entries(draft.targets)
        .map(([year, text]) => {
          const before = base.targets.find((target) => target.year === Number(year));
          // What a target carries beside its text (its own letter, "A)") stays with it.
          if (before && before.text.trim() === text.trim()) return before;
          return { ...before, year: Number(year), text: text.trim() };
        })
        .filter((target) => target.text !== '')
        .sort((a, b) => a.year - b.year);
  const actuals: ActualEntry[] = [];
  base.actuals.forEach((actual, i) => {
    const text = draft.actuals[i] ?? actual.text;
    if (text.trim() === '') return;
    actuals.push(text.trim() === actual.text.trim() ? actual : { ...actual, text: text.trim() });
  });
  const period = readPeriod(draft.newPeriod);
  if (period !== null && draft.newText.trim()) actuals.push({ period, text: draft.newText.trim() });
  actuals.sort((a, b) => comparePeriods(a.period, b.period));
  return { ...base, targets, actuals };
}

export const sameFollowUp = (a: Indicator, b: Indicator) => JSON.stringify([a.targets, a.actuals]) === JSON.stringify([b.targets, b.actuals]);
