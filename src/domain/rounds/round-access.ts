/**
 * Who may do what in a follow-up round. Opening a round, changing it and taking it through
 * submit → adopt are the plan workflow's grants on the plan's owner node (ledning, admin). An
 * assignment is written and marked done by its responsible account only. A controller — admin,
 * or ledning or ekonom whose subtree holds the node — sends an assignment back or names another
 * responsible. Reading a round needs an account until it is adopted; then it is public.
 */
import { decide, type Actor, type Decision } from '../access.ts';

const refused = (message: string): Decision => ({ allowed: false, reason: 'forbidden', message });

/** Opening a round, changing its deadline, submitting and reopening it (as submitting a plan). */
export function mayManageRound(actor: Actor | null, ownerInSubtree: boolean): Decision {
  return decide(actor, 'submit', { inSubtree: ownerInSubtree });
}

/** Adopting a round's report (as adopting a plan). */
export function mayAdoptRound(actor: Actor | null, ownerInSubtree: boolean): Decision {
  return decide(actor, 'adopt', { inSubtree: ownerInSubtree });
}

/** Writing in an assignment and marking it done: its responsible only. */
export function mayWriteAssignment(actor: Actor | null, assignment: { nodeName: string; responsible: string | null }): Decision {
  if (!actor) return { allowed: false, reason: 'unauthenticated', message: 'Du behöver logga in' };
  if (assignment.responsible === actor.username) return { allowed: true };
  if (assignment.responsible === null) return refused(`Uppdraget för ${assignment.nodeName} har ingen ansvarig ännu; ledningen kan utse en`);
  return refused(`Uppdraget för ${assignment.nodeName} är ${assignment.responsible}s; bara den ansvarige kan skriva i det eller markera det som klart`);
}

/** Sending an assignment back and naming its responsible: a controller over the node. */
export function mayReviewAssignment(actor: Actor | null, nodeInSubtree: boolean): Decision {
  if (!actor) return { allowed: false, reason: 'unauthenticated', message: 'Du behöver logga in' };
  if (actor.role === 'admin') return { allowed: true };
  if (actor.role !== 'ledning' && actor.role !== 'ekonom') return refused(`Rollen ${actor.role} får inte granska uppföljningsuppdrag; det gör ledning, ekonom eller administratör`);
  if (!nodeInSubtree) return refused('Du får bara granska uppdrag inom din egen del av organisationen');
  return { allowed: true };
}
