/**
 * The web addresses of rounds, in Swedish like the app's others: the web app's router and the
 * links in reminder e-mail take them from here, so a link in a message always leads somewhere.
 */
const encode = encodeURIComponent;

export const roundPaths = {
  /** The account's own assignments and notices. */
  mine: () => '/min-uppfoljning',
  /** A plan's rounds, and opening a new one. */
  rounds: (planKey: string) => `/planer/${encode(planKey)}/omgangar`,
  /** One round's overview per node, its report and decision. */
  round: (planKey: string, period: string) => `/planer/${encode(planKey)}/omgangar/${encode(period)}`,
  /** One node's assignment, written in place. */
  assignment: (planKey: string, period: string, node: string) => `/planer/${encode(planKey)}/omgangar/${encode(period)}/${encode(node)}`,
};
