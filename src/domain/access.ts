/**
 * Who may do what. Roles are held by accounts; a scope is an organisation subtree. The public
 * (no account) reads adopted plans only. One table, so the rule the API applies is visible here.
 */
export const roles = ['admin', 'ledning', 'redaktör', 'ekonom', 'läsare'] as const;
export type Role = (typeof roles)[number];

export type Action =
  | 'read-plan' // read a plan that is not adopted (adopted plans are public)
  | 'edit-content' // texts, goals, indicators, activities, volumes, footnotes, sections
  | 'edit-economy' // budgets, investment budgets, economic actuals
  | 'create-plan' // import or roll over into a new plan
  | 'submit' // draft → submitted, submitted → draft
  | 'adopt' // submitted → adopted
  | 'archive' // adopted → archived
  | 'edit-municipal-goals' // the municipality's own goals (no owner node): number, perspective, parent
  | 'read-audit'
  | 'manage-users'
  | 'manage-kolada'; // see the Kolada sync's runs and schedule

export interface Actor {
  username: string;
  role: Role;
  /** The org node whose subtree the account works in; null means the whole municipality. */
  unitKey: string | null;
  /**
   * The municipality (kommunkod) the account works in; its unitKey is a node of this municipality.
   * null or absent: every municipality (an account of the installation, e.g. its administrator).
   */
  municipality?: string | null;
}

/** The local operator (the command line, the demo loader, tests): everything, in every municipality. */
export function localOperator(username: string): Actor {
  return { username, role: 'admin', unitKey: null, municipality: null };
}

/** Per role: what it may do, and whether that needs the target inside its subtree. */
const grants: Record<Role, Partial<Record<Action, 'anywhere' | 'subtree'>>> = {
  admin: { 'read-plan': 'anywhere', 'edit-content': 'anywhere', 'edit-economy': 'anywhere', 'create-plan': 'anywhere', submit: 'anywhere', adopt: 'anywhere', archive: 'anywhere', 'edit-municipal-goals': 'anywhere', 'read-audit': 'anywhere', 'manage-users': 'anywhere', 'manage-kolada': 'anywhere' },
  ledning: { 'read-plan': 'anywhere', submit: 'subtree', adopt: 'subtree', archive: 'subtree', 'create-plan': 'subtree', 'edit-municipal-goals': 'subtree', 'read-audit': 'anywhere' },
  redaktör: { 'read-plan': 'anywhere', 'edit-content': 'subtree', 'read-audit': 'anywhere' },
  ekonom: { 'read-plan': 'anywhere', 'edit-economy': 'subtree', 'read-audit': 'anywhere' },
  läsare: { 'read-plan': 'anywhere', 'read-audit': 'anywhere' },
};

export type Decision = { allowed: true } | { allowed: false; reason: 'unauthenticated' | 'forbidden'; message: string };

const actionNames: Record<Action, string> = {
  'read-plan': 'läsa planer som inte är fastställda',
  'edit-content': 'ändra planens innehåll',
  'edit-economy': 'ändra budget och ekonomiska utfall',
  'create-plan': 'skapa planer',
  submit: 'lämna in planer',
  adopt: 'fastställa planer',
  archive: 'arkivera planer',
  'edit-municipal-goals': 'ändra kommunens gemensamma mål',
  'read-audit': 'läsa ändringsloggen',
  'manage-users': 'hantera användare',
  'manage-kolada': 'se och styra Kolada-synken',
};

/**
 * Whether an actor (null: not logged in) may take an action on a target whose organisation node
 * is `isInScope` of the actor's subtree.
 */
export function decide(actor: Actor | null, action: Action, target: { inSubtree: boolean; inMunicipality?: boolean } = { inSubtree: true }): Decision {
  if (!actor) return { allowed: false, reason: 'unauthenticated', message: 'Du behöver logga in' };
  const grant = grants[actor.role][action];
  if (!grant) return { allowed: false, reason: 'forbidden', message: `Rollen ${actor.role} får inte ${actionNames[action]}` };
  if (target.inMunicipality === false) {
    return { allowed: false, reason: 'forbidden', message: `Du får bara ${actionNames[action]} i din egen kommun` };
  }
  if (grant === 'subtree' && !target.inSubtree) {
    return { allowed: false, reason: 'forbidden', message: `Du får bara ${actionNames[action]} inom din egen del av organisationen` };
  }
  return { allowed: true };
}

/** A municipality's organisation as child → parent: read once per request or transaction. */
export type OrgParents = ReadonlyMap<string, string | null>;

/** What an action is taken on: its municipality and the organisation nodes that own it (none: the plan or municipality as a whole). */
export interface Target {
  municipality: string;
  nodes: readonly string[];
}

/**
 * Whether an actor may take an action on a target of a municipality whose organisation is
 * `parents`: the actor's municipality must be the target's, and every owning node must lie in
 * the actor's subtree where the grant is by subtree. Node keys are looked up in that
 * municipality's tree only, so another municipality's "ifo" is another node.
 */
export function decideOn(actor: Actor | null, action: Action, target: Target, parents: OrgParents): Decision {
  const inMunicipality = !actor?.municipality || actor.municipality === target.municipality;
  const unit = actor?.unitKey ?? null;
  const inSubtree = inMunicipality && target.nodes.every((node) => isInSubtree(parents, unit, node));
  return decide(actor, action, { inSubtree, inMunicipality });
}

/** Stands for "the top of the tree" in scope checks: never inside a subtree, so only unscoped accounts may place a node there. */
export const topOfTree = '\u0000toppen';

/** Whether `nodeKey` lies in the subtree rooted at `rootKey` (null root: everything). */
export function isInSubtree(parents: ReadonlyMap<string, string | null>, rootKey: string | null, nodeKey: string): boolean {
  if (rootKey === null) return true;
  const seen = new Set<string>();
  for (let key: string | null | undefined = nodeKey; key; key = parents.get(key)) {
    if (key === rootKey) return true;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return false;
}

/**
 * What changing a shared goal needs, where it is owned before and after the change: a goal with an
 * owner node is its node's (edit-content in that subtree); a municipal goal without one is the
 * whole municipality's (ledning or admin over all of it). Moving a goal needs both places, so no
 * one gains rights over a goal by moving it.
 */
export function sharedGoalChecks(before: { node?: string | null }, after: { node?: string | null }): Array<{ action: Action; node: string }> {
  return [before, after].map((goal) => (goal.node ? { action: 'edit-content', node: goal.node } : { action: 'edit-municipal-goals', node: topOfTree }));
}

/** Workflow: which status a step leads to from which, and which action it needs. */
export const workflowSteps = {
  submit: { from: ['draft'], to: 'submitted', action: 'submit' },
  reopen: { from: ['submitted'], to: 'draft', action: 'submit' },
  adopt: { from: ['submitted'], to: 'adopted', action: 'adopt' },
  archive: { from: ['adopted'], to: 'archived', action: 'archive' },
} as const satisfies Record<string, { from: readonly string[]; to: string; action: Action }>;

export type WorkflowStep = keyof typeof workflowSteps;
