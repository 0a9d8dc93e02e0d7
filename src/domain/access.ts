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
  | 'read-audit'
  | 'manage-users'
  | 'manage-kolada'; // see the Kolada sync's runs and schedule

export interface Actor {
  username: string;
  role: Role;
  /** The org node whose subtree the account works in; null means the whole municipality. */
  unitKey: string | null;
}

/** Per role: what it may do, and whether that needs the target inside its subtree. */
const grants: Record<Role, Partial<Record<Action, 'anywhere' | 'subtree'>>> = {
  admin: { 'read-plan': 'anywhere', 'edit-content': 'anywhere', 'edit-economy': 'anywhere', 'create-plan': 'anywhere', submit: 'anywhere', adopt: 'anywhere', archive: 'anywhere', 'read-audit': 'anywhere', 'manage-users': 'anywhere', 'manage-kolada': 'anywhere' },
  ledning: { 'read-plan': 'anywhere', submit: 'subtree', adopt: 'subtree', archive: 'subtree', 'create-plan': 'subtree', 'read-audit': 'anywhere' },
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
  'read-audit': 'läsa ändringsloggen',
  'manage-users': 'hantera användare',
  'manage-kolada': 'se och styra Kolada-synken',
};

/**
 * Whether an actor (null: not logged in) may take an action on a target whose organisation node
 * is `isInScope` of the actor's subtree.
 */
export function decide(actor: Actor | null, action: Action, target: { inSubtree: boolean } = { inSubtree: true }): Decision {
  if (!actor) return { allowed: false, reason: 'unauthenticated', message: 'Du behöver logga in' };
  const grant = grants[actor.role][action];
  if (!grant) return { allowed: false, reason: 'forbidden', message: `Rollen ${actor.role} får inte ${actionNames[action]}` };
  if (grant === 'subtree' && !target.inSubtree) {
    return { allowed: false, reason: 'forbidden', message: `Du får bara ${actionNames[action]} inom din egen del av organisationen` };
  }
  return { allowed: true };
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

/** Workflow: which status a step leads to from which, and which action it needs. */
export const workflowSteps = {
  submit: { from: ['draft'], to: 'submitted', action: 'submit' },
  reopen: { from: ['submitted'], to: 'draft', action: 'submit' },
  adopt: { from: ['submitted'], to: 'adopted', action: 'adopt' },
  archive: { from: ['adopted'], to: 'archived', action: 'archive' },
} as const satisfies Record<string, { from: readonly string[]; to: string; action: Action }>;

export type WorkflowStep = keyof typeof workflowSteps;
