/**
 * Whose a part of a plan is, and which action changing it needs — the one rule the API authorises
 * writes by and the browser shows edit controls by: an item belongs to its own organisation node
 * (a table's, an activity's, a goal's, an outlook's), else to the plan's owner; a budget table or
 * investment budget is economy (ekonom), everything else content (redaktör).
 */
import type { Action } from './access.ts';

/** Who edits a part of a plan: content (redaktör) or economy (ekonom). */
export type EditGroup = 'content' | 'economy';

const economySegments: ReadonlySet<string> = new Set(['budget-tables', 'capital-budgets']);

/** The edit group of a plan part by its API segment: budget tables and investment budgets are economy, the rest content. */
export function editGroupOf(segment: string): EditGroup {
  return economySegments.has(segment) ? 'economy' : 'content';
}

/** The node that owns a part of a plan: the item's own node, else the plan's owner. */
export function owningNode(item: unknown, planOwner: string): string {
  const node = item !== null && typeof item === 'object' && 'node' in item ? item.node : undefined;
  return typeof node === 'string' ? node : planOwner;
}

/** The action a write to a part of a plan needs: its edit group's (content: redaktör, economy: ekonom). */
export function editActionOf(group: EditGroup): Action {
  return group === 'economy' ? 'edit-economy' : 'edit-content';
}

/**
 * The nodes a write must be allowed on: the owner of every version it touches (the item as it
 * was and as it will be), so moving an item out of one's subtree is refused as well as into it.
 */
export function writeNodes(items: readonly unknown[], planOwner: string): string[] {
  return [...new Set(items.map((item) => owningNode(item, planOwner)))];
}
