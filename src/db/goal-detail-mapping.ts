/**
 * What a plan says of its goals beyond their shared identity and wording (issue 12, point 4):
 * kind, description, contributions and assessments per period. They are the plan's own, so they
 * are stored as the plan's items (plan_items, type 'goal-detail', keyed by the goal), never on the
 * shared goal row: a change in one plan cannot reach another plan's goals. Pure, like plan-mapping.
 */
import type { Goal } from '../domain/plan.ts';

/** A stored item as plan-mapping.ts's ItemRow has it. */
interface ItemRow {
  itemType: string;
  key: string;
  position: number;
  data: Record<string, unknown>;
}

export const GOAL_DETAIL = 'goal-detail';

const fields = ['kind', 'description', 'contributesTo', 'assessments'] as const;

/** The plan-local part of a goal, or null when it has none. */
export function goalDetail(goal: Goal): Record<string, unknown> | null {
  const data = Object.fromEntries(fields.filter((field) => goal[field] !== undefined).map((field) => [field, goal[field]]));
  return Object.keys(data).length > 0 ? data : null;
}

/** One item per goal that has a plan-local part, in the plan's goal order. */
export function goalDetailItems(goals: readonly Goal[]): ItemRow[] {
  return goals.flatMap((goal, position) => {
    const data = goalDetail(goal);
    return data ? [{ itemType: GOAL_DETAIL, key: goal.key, position, data }] : [];
  });
}

/** The goals read from the shared tables with their plan-local parts put back. */
export function withGoalDetails<T extends { key: string }>(goals: T[], items: readonly ItemRow[]): T[] {
  const details = new Map(items.filter((item) => item.itemType === GOAL_DETAIL).map((item) => [item.key, item.data]));
  return goals.map((goal) => ({ ...goal, ...(details.get(goal.key) ?? {}) }));
}
