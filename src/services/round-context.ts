/**
 * What the round services share: finding a round or its assignment (404 in Swedish), node names
 * and the organisation's parents for scope checks, the accounts, an actor's grant turned into an
 * error, and the status of assignments from what is written.
 */
import { isInSubtree, roles, type Actor, type Decision, type Role } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { formatPeriod } from '../domain/period.ts';
import { assignmentStatus, itemProgress, type AssignmentState, type ItemProgress, type AssignmentStatus } from '../domain/rounds/assignment-status.ts';
import type { ContributionValue } from '../domain/rounds/contributions.ts';
import type { AssignmentItem } from '../domain/rounds/items.ts';
import type { Db } from '../db/connection.ts';
import { findAssignment, findRound, listContributions, type AssignmentRow, type ContributionRow, type RoundRow } from '../db/round-repository.ts';
import { listCurrentNodes } from '../db/org-node-repository.ts';
import { loadOrgParents } from '../db/organisation-repository.ts';
import { listUsers } from '../db/user-repository.ts';

export type { Actor };

/** The round of a plan and period, or 404. */
export async function requireRound(db: Db, planKey: string, period: string): Promise<RoundRow> {
  const round = await findRound(db, planKey, period);
  if (!round) throw new StyrkortError('not-found', `Planen ${planKey} har ingen uppföljningsomgång för ${formatPeriod(period)}`);
  return round;
}

/** A round's assignment for a node, or 404. */
export async function requireAssignment(db: Db, round: RoundRow, node: string, names?: Map<string, string>): Promise<AssignmentRow> {
  const assignment = await findAssignment(db, round.id, node);
  if (!assignment) throw new StyrkortError('not-found', `Omgången ${formatPeriod(round.period)} har inget uppdrag för ${names?.get(node) ?? node}`);
  return assignment;
}

/** Throws the grant's refusal (401/403) unless it allows. */
export function enforce(decision: Decision): void {
  if (!decision.allowed) throw new StyrkortError(decision.reason, decision.message);
}

/** Every organisation node's name (as it is now) by key. */
export async function nodeNames(db: Db): Promise<Map<string, string>> {
  return new Map((await listCurrentNodes(db)).map((node) => [node.key, node.current.name]));
}

/**
 * Whether a node lies in the actor's subtree (an unscoped actor reaches everything), looked up in
 * the actor's municipality's tree: node keys are per municipality.
 */
export async function inActorSubtree(db: Db, actor: Actor | null, node: string): Promise<boolean> {
  if (!actor?.unitKey) return true;
  if (!actor.municipality) return false;
  return isInSubtree(await loadOrgParents(db, actor.municipality), actor.unitKey, node);
}

function isRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}

export interface Account {
  username: string;
  displayName: string | null;
  role: Role;
  unitKey: string | null;
  /** The municipality the account works in (null: every municipality); its unitKey is a node of it. */
  municipality: string | null;
}

/** The accounts that are not disabled (of one municipality, with those of every municipality, when given). */
export async function activeAccounts(db: Db, municipality?: string): Promise<Account[]> {
  return (await listUsers(db)).flatMap((row) =>
    row.disabledAt === null && isRole(row.role) && (!municipality || !row.municipalityCode || row.municipalityCode === municipality)
      ? [{ username: row.username, displayName: row.displayName, role: row.role, unitKey: row.unitKey, municipality: row.municipalityCode }]
      : [],
  );
}

/** How a person is named in reports and notices: the display name, else the user name. */
export async function personNames(db: Db): Promise<Map<string, string>> {
  return new Map((await listUsers(db)).map((row) => [row.username, row.displayName ?? row.username]));
}

/** The items an assignment asks for, as stored at opening. */
export function itemsOf(assignment: AssignmentRow): AssignmentItem[] {
  return assignment.items as AssignmentItem[];
}

export function valueOf(row: ContributionRow): ContributionValue {
  return { text: row.text, assessment: row.assessment };
}

export function stateOf(assignment: AssignmentRow): AssignmentState {
  return assignment.state === 'done' || assignment.state === 'sent-back' ? assignment.state : 'open';
}

export interface AssignmentProgress {
  assignment: AssignmentRow;
  contributions: ContributionRow[];
  progress: ItemProgress[];
  status: AssignmentStatus;
}

/** Assignments with what is written in them, their progress and status. */
export async function withProgress(db: Db, assignments: AssignmentRow[]): Promise<AssignmentProgress[]> {
  const contributions = await listContributions(db, assignments.map((assignment) => assignment.id));
  return assignments.map((assignment) => {
    const own = contributions.filter((row) => row.assignmentId === assignment.id);
    const progress = itemProgress(itemsOf(assignment), new Map(own.map((row) => [row.itemKey, valueOf(row)])));
    return { assignment, contributions: own, progress, status: assignmentStatus(stateOf(assignment), progress) };
  });
}
