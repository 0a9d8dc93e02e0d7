/**
 * What a plan's status allows (draft → submitted → adopted → archived), the one rule for the
 * server, the documents and the browser: before adoption everything may change; an adopted plan
 * is frozen except its follow-up — actuals, forecasts, analyses and the status of activities
 * (decision 0004; which changes count as follow-up is follow-up-changes.ts, which table columns
 * figure-table.ts); an archived plan takes nothing. Only a draft may be deleted or replaced as a
 * whole (a submitted plan is reopened first), and the public reads adopted plans.
 */
import { StyrkortError } from './errors.ts';

export type PlanStatus = 'draft' | 'submitted' | 'adopted' | 'archived';

/** What a plan in a status takes: every change, its follow-up only, or nothing. */
export type ChangeScope = 'all' | 'follow-up' | 'none';

const scopes: Record<PlanStatus, ChangeScope> = { draft: 'all', submitted: 'all', adopted: 'follow-up', archived: 'none' };

/** The changes a plan in this status takes (an unknown status takes nothing). */
export function changeScope(status: string): ChangeScope {
  return scopes[status as PlanStatus] ?? 'none';
}

/** Whether the plan's content is frozen (adopted or archived; decision 0004). */
export function isFrozen(status: string): boolean {
  return changeScope(status) !== 'all';
}

/** Whether the plan's content (goals, targets, budget, texts) may change: a draft or submitted plan. */
export function mayChangeContent(status: string): boolean {
  return changeScope(status) === 'all';
}

/** Whether the plan still takes follow-up (actuals, forecasts, analyses, activity status): not when archived. */
export function mayChangeFollowUp(status: string): boolean {
  return changeScope(status) !== 'none';
}

/** Whether a plan in this status may be deleted or replaced as a whole (by a replace-import). */
export function mayReplaceOrDelete(status: string): boolean {
  return status === 'draft';
}

/** Whether anyone, logged in or not, may read a plan in this status: an adopted plan is public. */
export function isPublic(status: string): boolean {
  return status === 'adopted';
}

/** Whether a plan's documents are built from its adoption snapshot rather than as it stands. */
export function isBuiltFromSnapshot(status: string): boolean {
  return isFrozen(status);
}

/** Whether a change may be made to a plan in this status; `followUp` says whether it touches follow-up only. */
export function mayChange(status: string, followUp: boolean): boolean {
  const scope = changeScope(status);
  return scope === 'all' || (scope === 'follow-up' && followUp);
}

/** Refuses (409 frozen, in Swedish) a change the plan's status does not take. */
export function assertChangeable(plan: { key: string; status: string }, followUp: boolean): void {
  if (mayChange(plan.status, followUp)) return;
  throw new StyrkortError(
    'frozen',
    plan.status === 'adopted'
      ? `Planen ${plan.key} är fastställd och kan inte ändras; bara uppföljning (utfall, prognoser, analyser) kan läggas till`
      : `Planen ${plan.key} är arkiverad och kan inte ändras`,
  );
}

/**
 * Whether a plan in this status follows a change to a shared goal or organisation node (it shows
 * the new current version): drafts and submitted plans do; adopted and archived plans keep showing
 * what they were adopted with.
 */
export function followsSharedChanges(status: string): boolean {
  return !isFrozen(status);
}
