/**
 * Whether a round may be opened for a plan and period with a deadline (öppna en omgång): the plan
 * is adopted, the period is one the plan follows up (follow-up-periods.ts), the deadline is a date
 * that has not passed. Every problem is listed in Swedish with the field it concerns.
 */
import type { Problem } from '../errors.ts';
import { followUpPeriodProblem } from '../follow-up-periods.ts';
import type { PlanFile } from '../plan.ts';
import { describeDate, isIsoDate } from './dates.ts';

export interface OpeningRequest {
  period: string;
  deadline: string;
  reminderDays: number;
}

/** Every problem with opening a round, or an empty list. `today` is the municipality's date now. */
export function openingProblems(plan: PlanFile, request: OpeningRequest, today: string): Problem[] {
  const problems: Problem[] = [];
  if (plan.plan.status !== 'adopted') problems.push({ path: '$.plan', message: `Planen ${plan.plan.key} är inte fastställd; bara en fastställd plan följs upp` });
  const period = followUpPeriodProblem(plan, request.period);
  if (period) problems.push({ path: '$.period', message: period });
  const deadline = deadlineProblem(request.deadline, today);
  if (deadline) problems.push({ path: '$.deadline', message: deadline });
  if (!Number.isInteger(request.reminderDays) || request.reminderDays < 0 || request.reminderDays > 60) problems.push({ path: '$.reminderDays', message: 'Påminnelsen går 0–60 dagar före sista dag' });
  return problems;
}

/** Why a deadline cannot be changed to a date (Swedish), or null. */
export function deadlineProblem(deadline: string, today: string): string | null {
  if (!isIsoDate(deadline)) return `Sista dag anges som ÅÅÅÅ-MM-DD, t.ex. 2017-09-15 (inte "${deadline}")`;
  if (deadline < today) return `Sista dag ${describeDate(deadline)} har redan passerat (i dag är det ${describeDate(today)})`;
  return null;
}
