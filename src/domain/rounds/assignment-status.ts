/**
 * Where an assignment stands (status per uppdrag): not started, in progress, done, or sent back
 * by a controller; overdue when its deadline has passed before it was done. What is still missing,
 * and whether it may be marked done ("Markera som klar"), follow from its items and what is written.
 */
import { isStarted, missingOf, type ContributionValue } from './contributions.ts';
import type { AssignmentItem } from './items.ts';

export const assignmentStatuses = ['not-started', 'in-progress', 'done', 'sent-back'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** What is stored of an assignment's course: marked done, sent back, or neither ('open'). */
export type AssignmentState = 'open' | 'done' | 'sent-back';

export const assignmentStatusNames: Record<AssignmentStatus, string> = {
  'not-started': 'Inte påbörjad',
  'in-progress': 'Pågår',
  done: 'Klar',
  'sent-back': 'Skickad tillbaka',
};

/** An item with what is written for it and what is missing. */
export interface ItemProgress {
  item: AssignmentItem;
  value: ContributionValue | null;
  missing: string[];
}

/** Each item with its value and what is missing. */
export function itemProgress(items: AssignmentItem[], values: ReadonlyMap<string, ContributionValue>): ItemProgress[] {
  return items.map((item) => {
    const value = values.get(item.key) ?? null;
    return { item, value, missing: missingOf(item.kind, value) };
  });
}

/** The status an assignment shows. */
export function assignmentStatus(state: AssignmentState, progress: ItemProgress[]): AssignmentStatus {
  if (state === 'done') return 'done';
  if (state === 'sent-back') return 'sent-back';
  return progress.some((entry) => isStarted(entry.value)) ? 'in-progress' : 'not-started';
}

/** Whether an assignment is late: its deadline (a date) is before today and it is not done. */
export function isOverdue(options: { deadline: string; today: string; status: AssignmentStatus }): boolean {
  return options.status !== 'done' && options.deadline < options.today;
}

/**
 * Why an assignment cannot be marked done, in Swedish (one problem per missing item), or an empty
 * list when everything asked is written.
 */
export function doneProblems(progress: ItemProgress[]): Array<{ path: string; message: string }> {
  return progress.filter((entry) => entry.missing.length > 0).map((entry) => ({ path: `$.items.${entry.item.key}`, message: `${entry.item.label}: ${entry.missing.join(', ').toLowerCase()}` }));
}

/** Count per status, for a round's overview: every status present, zero when none. */
export function countStatuses(statuses: AssignmentStatus[]): Record<AssignmentStatus, number> {
  const counts = Object.fromEntries(assignmentStatuses.map((status) => [status, 0])) as Record<AssignmentStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}
