/**
 * What the logged-in account may do with a plan, by the same rule the server applies
 * (src/domain/access.ts `decide` with the organisation subtree): a plan's writes are checked
 * against its owner node (or an item's own node), so a redaktör scoped to IFO may edit the IFO
 * plan but not the SN plan. Pure, so it is tested without a browser; the hook is use-permissions.ts.
 */
import { decideOn, type Action, type Actor } from '../domain/access.ts';
import { editActionOf, owningNode } from '../domain/item-ownership.ts';
import type { EditGroup } from '../domain/item-ownership.ts';
import type { PlanFile } from '../domain/plan.ts';

/** Behörigheter: what the account may do with one plan (role and organisation scope, not plan status). */
export interface PlanPermissions {
  /** Edit content: goals, indicators, activities, volumes, texts (ändra innehåll). */
  content: boolean;
  /** Edit budgets and investment budgets (ändra ekonomi). */
  economy: boolean;
  /** Take workflow steps: submit, reopen, adopt, archive (arbetsflöde). */
  workflow: boolean;
  /** Create plans, e.g. roll this one over into a new period (skapa plan). */
  createPlan: boolean;
}

export const noPermissions: PlanPermissions = { content: false, economy: false, workflow: false, createPlan: false };

/** The plan's organisation tree as child → parent, the shape isInSubtree walks. */
export function organisationParents(organisation: PlanFile['organisation']): Map<string, string | null> {
  return new Map(organisation.map((node) => [node.key, node.parent]));
}

/**
 * Whether the actor may take the action on something owned by `nodeKey` in this organisation, of
 * the municipality `municipality` (an account scoped to another municipality may not).
 */
export function mayAct(actor: Actor | null, action: Action, parents: ReadonlyMap<string, string | null>, nodeKey: string, municipality?: string): boolean {
  return decideOn(actor, action, { municipality: municipality ?? actor?.municipality ?? '', nodes: [nodeKey] }, parents).allowed;
}

/**
 * The permissions of an actor on a plan. `nodeKey` narrows to one part (a volume table's own node);
 * by default the plan's owner node, as the workflow and plan routes check.
 */
export function planPermissions(actor: Actor | null, plan: Pick<PlanFile, 'plan' | 'organisation'> & Partial<Pick<PlanFile, 'municipality'>> | null, nodeKey?: string): PlanPermissions {
  if (!actor || !plan) return noPermissions;
  const parents = organisationParents(plan.organisation);
  const node = nodeKey ?? plan.plan.ownerNode;
  const may = (action: Action) => mayAct(actor, action, parents, node, plan.municipality?.code);
  return {
    content: may('edit-content'),
    economy: may('edit-economy'),
    workflow: may('submit') || may('adopt') || may('archive'),
    createPlan: may('create-plan'),
  };
}

/**
 * Whether the actor may change an item of the plan (a table, an activity, a goal …): the action its
 * edit group needs (content or economy) on the node that owns it — the server's rule
 * (domain/item-ownership.ts). The plan's status is a rule of its own (domain/plan-lifecycle.ts).
 */
export function mayEditItem(actor: Actor | null, plan: (Pick<PlanFile, 'plan' | 'organisation'> & Partial<Pick<PlanFile, 'municipality'>>) | null, group: EditGroup, item: unknown): boolean {
  if (!actor || !plan) return false;
  return mayAct(actor, editActionOf(group), organisationParents(plan.organisation), owningNode(item, plan.plan.ownerNode), plan.municipality?.code);
}
