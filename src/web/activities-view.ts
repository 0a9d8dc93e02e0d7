/**
 * The activities page's view model, as pure functions: activities grouped by status for the
 * status board, the filters (status, organisation node, service area), each table cell as the plan
 * prints it, and what a printed figure reads as. The page and its tests share these.
 */
import type { z } from 'zod';
import { formatAmount, formatCell } from '../domain/format.ts';
import { parseFigure } from '../domain/figure.ts';
import { activityFieldText, isActivityTextField } from '../domain/activity-links.ts';
import type { Activity as ActivitySchema, ActivityTable as ActivityTableSchema, Goal, OrgNode, PlanFile, activityFields } from '../domain/plan.ts';

export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityTable = z.infer<typeof ActivityTableSchema>;
export type ActivityField = (typeof activityFields)[number];
export type ActivityStatus = NonNullable<Activity['status']>;

/** The statuses in the order work goes (ej påbörjad → pågår → klar), then the side tracks. */
export const activityStatuses: readonly ActivityStatus[] = ['not-started', 'ongoing', 'done', 'paused', 'cancelled'];
/** A board column: a status, or 'none' for activities whose status is not given yet (ej angiven). */
export type StatusSlot = ActivityStatus | 'none';
export const statusSlots: readonly StatusSlot[] = ['none', ...activityStatuses];

export const slotOf = (activity: Pick<Activity, 'status'>): StatusSlot => activity.status ?? 'none';

/** One board column per status, in order, each with its activities in the plan's order. */
export function groupByStatus<T extends Pick<Activity, 'status'>>(activities: readonly T[]): Array<{ slot: StatusSlot; items: T[] }> {
  return statusSlots.map((slot) => ({ slot, items: activities.filter((activity) => slotOf(activity) === slot) }));
}

/** The reader's filters; '' means "all". `node` '-' means "no organisation node". */
export interface Filters {
  status: StatusSlot | '';
  node: string;
  serviceArea: string;
}

export const noFilters: Filters = { status: '', node: '', serviceArea: '' };
export const withoutNode = '-';

/** The activities the filters let through, in the order given. */
export function filterActivities<T extends Pick<Activity, 'status' | 'node' | 'serviceArea'>>(activities: readonly T[], filters: Filters): T[] {
  return activities.filter(
    (activity) =>
      (filters.status === '' || slotOf(activity) === filters.status) &&
      (filters.node === '' || (filters.node === withoutNode ? activity.node === undefined : activity.node === filters.node)) &&
      (filters.serviceArea === '' || (activity.serviceArea ?? '') === filters.serviceArea),
  );
}

type Node = z.infer<typeof OrgNode>;

/** What the node and service-area filters offer: the nodes and printed service areas the activities use. */
export function filterOptions(activities: readonly Activity[], organisation: readonly Node[]): { nodes: Array<{ key: string; name: string }>; withoutNode: boolean; serviceAreas: string[] } {
  const used = new Set(activities.map((activity) => activity.node).filter((node): node is string => node !== undefined));
  const nodes = organisation.filter((node) => used.has(node.key)).map((node) => ({ key: node.key, name: node.name }));
  const serviceAreas = [...new Set(activities.map((activity) => activity.serviceArea).filter((area): area is string => !!area))].sort((a, b) => a.localeCompare(b, 'sv'));
  return { nodes, withoutNode: activities.some((activity) => activity.node === undefined), serviceAreas };
}

/** The figure fields of an activity: printed cells ("Egen tid", "250", "-1 200"). */
export const figureFields = ['costEstimate', 'investmentExpense', 'incomeCost'] as const;
export type FigureField = (typeof figureFields)[number];
export const isFigureField = (field: ActivityField): field is FigureField => (figureFields as readonly string[]).includes(field);

/** One cell of an activity table as the plan document prints it. */
export type PrintedActivityCell = { kind: 'rich'; html: string } | { kind: 'text'; text: string } | { kind: 'figure'; text: string };

export function printedCell(activity: Activity, field: ActivityField, plan: Pick<PlanFile, 'indicators' | 'goals'> = { indicators: [], goals: [] }): PrintedActivityCell {
  if (field === 'description') return { kind: 'rich', html: activity.description ?? '' };
  if (isActivityTextField(field)) return { kind: 'text', text: activityFieldText(activity, field, plan) };
  // As the document prints a figure (documents/view-model.ts figureCell): its text, trimmed, right-aligned.
  return { kind: 'figure', text: formatCell(activity[field]).text.trim() };
}

/** The goals an activity serves, as the plan numbers them ("1:5"); an unnumbered goal by its text. */
export function goalLabels(activity: Pick<Activity, 'goals'>, goals: ReadonlyArray<Pick<z.infer<typeof Goal>, 'key' | 'number' | 'text'>>): string[] {
  return activity.goals.map((key) => {
    const goal = goals.find((candidate) => candidate.key === key);
    return goal ? (goal.number ?? goal.text) : key;
  });
}

/** A free key for a new activity in a table: "<table>-1", "<table>-2" … */
export function nextActivityKey(tableKey: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  for (let n = 1; ; n += 1) {
    const key = `${tableKey}-${n}`;
    if (!taken.has(key)) return key;
  }
}

/** What a printed figure reads as, for the live feedback under a figure field. */
export type FigureReading =
  | { kind: 'missing' }
  | { kind: 'number'; value: string }
  | { kind: 'annotated'; value: string; annotation: string }
  | { kind: 'sum'; value: string; parts: string[] }
  | { kind: 'text' };

export function readFigure(text: string): FigureReading {
  const figure = parseFigure(text);
  const value = figure.value === null ? '' : formatAmount(figure.value) + (figure.percent ? ' %' : '');
  switch (figure.form) {
    case 'missing':
      return { kind: 'missing' };
    case 'number':
      return { kind: 'number', value };
    case 'annotated':
      return { kind: 'annotated', value, annotation: figure.annotation ?? '' };
    case 'sum':
      return { kind: 'sum', value, parts: (figure.parts ?? []).map((part) => formatAmount(part)) };
    default:
      return { kind: 'text' };
  }
}

/** The field of an activity a server problem is about ("$.name", "$.activities[3].goals[0]" → name, goals). */
export function fieldOfProblem(path: string): string | null {
  const match = /\.([A-Za-z]+)(?:\[\d+\])*$/.exec(path);
  return match ? match[1]! : null;
}
