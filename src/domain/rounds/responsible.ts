/**
 * Who answers for a node's assignment unless the opener names someone (ansvarig): the account that
 * works in the node itself, else in the nearest node above it up to the plan's owner, preferring
 * the roles that write follow-up (redaktör, ekonom) over ledning; läsare never. Ties go by name.
 */
import type { Role } from '../access.ts';

export interface AccountScope {
  username: string;
  role: Role;
  unitKey: string | null;
}

const preference: Partial<Record<Role, number>> = { redaktör: 0, ekonom: 1, ledning: 2 };

/** The account to make responsible for a node's assignment, or null when nobody works there. */
export function defaultResponsible(options: { node: string; ownerNode: string; parents: ReadonlyMap<string, string | null>; accounts: AccountScope[] }): string | null {
  const seen = new Set<string>();
  for (let key: string | null | undefined = options.node; key && !seen.has(key); key = options.parents.get(key)) {
    seen.add(key);
    const here = options.accounts
      .filter((account) => account.unitKey === key && preference[account.role] !== undefined)
      .sort((a, b) => preference[a.role]! - preference[b.role]! || a.username.localeCompare(b.username, 'sv'));
    if (here[0]) return here[0].username;
    if (key === options.ownerNode) break;
  }
  return null;
}
