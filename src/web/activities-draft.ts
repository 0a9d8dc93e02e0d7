/**
 * The edit form's draft of an activity (every field as typed), how it becomes an activity again,
 * and the field-by-field comparison the conflict view shows. On an adopted plan only the status
 * leaves the draft: everything else is the adopted activity as it stands (decision 0004).
 */
import type { Activity, ActivityStatus } from './activities-view.ts';

export interface ActivityDraft {
  name: string;
  description: string;
  serviceArea: string;
  node: string;
  costEstimate: string;
  investmentExpense: string;
  incomeCost: string;
  phase: string;
  status: ActivityStatus | '';
  owner: string;
  goals: string[];
}

/** The optional text fields: an empty one is left out of the activity. */
const textFields = ['description', 'serviceArea', 'node', 'costEstimate', 'investmentExpense', 'incomeCost', 'phase', 'owner'] as const;

export function draftOf(activity: Activity): ActivityDraft {
  return {
    name: activity.name,
    description: activity.description ?? '',
    serviceArea: activity.serviceArea ?? '',
    node: activity.node ?? '',
    costEstimate: activity.costEstimate ?? '',
    investmentExpense: activity.investmentExpense ?? '',
    incomeCost: activity.incomeCost ?? '',
    phase: activity.phase ?? '',
    status: activity.status ?? '',
    owner: activity.owner ?? '',
    goals: [...activity.goals],
  };
}

/** A new, empty activity in a table. */
export function newActivity(key: string, table: string): Activity {
  return { key, table, name: '', goals: [] };
}

/**
 * The activity as the reader wants it: `base` with the draft applied. A field typed back to what it
 * was keeps its stored text exactly (so an untouched field never counts as changed).
 */
export function applyDraft(base: Activity, draft: ActivityDraft, frozen: boolean): Activity {
  const { status: _status, ...rest } = base;
  if (frozen) return draft.status === '' ? rest : { ...rest, status: draft.status };
  const next: Activity = { key: base.key, table: base.table, name: keep(base.name, draft.name), goals: base.goals };
  for (const field of textFields) {
    const before = base[field];
    const text = keep(before ?? '', draft[field]);
    if (text !== '') next[field] = text;
  }
  if (draft.status !== '') next.status = draft.status;
  const goals = sameSet(base.goals, draft.goals) ? base.goals : draft.goals;
  return { ...next, goals };
}

function keep(before: string, typed: string): string {
  return typed.trim() === before.trim() ? before : typed.trim();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((entry) => b.includes(entry));
}

/** The fields of an activity in the order the form and the conflict view show them. */
export const comparedFields = ['name', 'description', 'serviceArea', 'node', 'costEstimate', 'investmentExpense', 'incomeCost', 'phase', 'status', 'owner', 'goals'] as const;
export type ComparedField = (typeof comparedFields)[number];

/** Whether two versions of an activity are the same. */
export const sameActivity = (a: Activity, b: Activity) => comparedFields.every((field) => !fieldDiffers(a, b, field));

export function fieldDiffers(a: Activity, b: Activity, field: ComparedField): boolean {
  if (field === 'goals') return !sameSet(a.goals, b.goals);
  return (a[field] ?? '') !== (b[field] ?? '');
}

/** The fields in which the reader's version and the saved one differ. */
export function differingFields(mine: Activity, theirs: Activity): ComparedField[] {
  return comparedFields.filter((field) => fieldDiffers(mine, theirs, field));
}
