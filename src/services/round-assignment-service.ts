/**
 * Doing an assignment (uppdrag): reading it with what carries forward, writing an item in place
 * (If-Match per item), "Markera som klar", a controller sending it back with a comment or naming
 * another responsible, and an account's own assignments ("Min uppföljning"). Every change is
 * audited, and bad input or a stale version changes nothing.
 */
import { reportTitle } from '../documents/report-view-model.ts';
import type { Actor } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { describePeriod, formatPeriod } from '../domain/period.ts';
import { doneProblems, isOverdue } from '../domain/rounds/assignment-status.ts';
import { carriedForward, type CarriedForward, type EarlierContribution } from '../domain/rounds/carry-forward.ts';
import { contributionProblems, type ContributionValue } from '../domain/rounds/contributions.ts';
import { writeProblem, type RoundStatus } from '../domain/rounds/lifecycle.ts';
import { mayManageRound, mayReviewAssignment, mayWriteAssignment } from '../domain/rounds/round-access.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import {
  insertContribution,
  listAssignments,
  listAssignmentsOf,
  listContributions,
  listRounds,
  lockAssignment,
  lockContribution,
  lockRound,
  updateAssignment,
  updateContribution,
  type AssignmentRow,
  type RoundRow,
} from '../db/round-repository.ts';
import { followUpRounds } from '../db/round-schema.ts';
import { assertVersion } from './plan-items-service.ts';
import { todayOf, type Clock } from './round-clock.ts';
import { activeAccounts, enforce, inActorSubtree, itemsOf, nodeNames, personNames, requireAssignment, requireRound, valueOf, withProgress, type AssignmentProgress } from './round-context.ts';
import { addNotices } from './round-notice-service.ts';
import { inRoundTransaction } from './round-transaction.ts';

interface Where {
  planKey: string;
  period: string;
  node: string;
}

export interface AssignmentDetail extends AssignmentProgress {
  round: RoundRow;
  title: string;
  nodeName: string;
  today: string;
  overdue: boolean;
  /** Per item key: what the node wrote for it before. */
  carried: Map<string, CarriedForward>;
  /** Per item key: the version of what is written (0: nothing yet) and who wrote it. */
  written: Map<string, { version: number; writtenBy: string; writtenAt: Date }>;
  people: Map<string, string>;
  may: { write: boolean; review: boolean; manage: boolean };
}

/** One assignment with its items, what is written, what is missing and what carries forward. */
export async function getAssignment(db: Db, options: Where & { actor: Actor | null; clock: Clock }): Promise<AssignmentDetail> {
  if (!options.actor) throw new StyrkortError('unauthenticated', 'Du behöver logga in för att se uppföljningsuppdrag');
  const round = await requireRound(db, options.planKey, options.period);
  const names = await nodeNames(db);
  const assignment = await requireAssignment(db, round, options.node, names);
  const [entry] = await withProgress(db, [assignment]);
  const today = todayOf(options.clock);
  const earlier = await earlierContributions(db, round, options.node);
  const carried = new Map(itemsOf(assignment).map((item) => [item.key, carriedForward({ period: round.period, node: options.node, itemKey: item.key, earlier })]));
  const summary = await findPlanSummary(db, round.planKey);
  const nodeName = names.get(options.node) ?? options.node;
  return {
    ...entry!,
    round,
    title: reportTitle(round.period),
    nodeName,
    today,
    overdue: round.status === 'open' && isOverdue({ deadline: round.deadline, today, status: entry!.status }),
    carried,
    written: new Map(entry!.contributions.map((row) => [row.itemKey, { version: row.version, writtenBy: row.writtenBy, writtenAt: row.writtenAt }])),
    people: await personNames(db),
    may: {
      write: round.status === 'open' && mayWriteAssignment(options.actor, { nodeName, responsible: assignment.responsible }).allowed,
      review: round.status === 'open' && mayReviewAssignment(options.actor, await inActorSubtree(db, options.actor, options.node)).allowed,
      manage: mayManageRound(options.actor, summary ? await inActorSubtree(db, options.actor, summary.ownerNodeKey) : false).allowed,
    },
  };
}

/** What the node wrote in the plan's other rounds. */
async function earlierContributions(db: Db, round: RoundRow, node: string): Promise<EarlierContribution[]> {
  const rounds = (await listRounds(db, round.planKey)).filter((other) => other.id !== round.id);
  const assignments = (await listAssignments(db, rounds.map((other) => other.id))).filter((assignment) => assignment.nodeKey === node);
  const periods = new Map(rounds.map((other) => [other.id, other.period]));
  const byAssignment = new Map(assignments.map((assignment) => [assignment.id, periods.get(assignment.roundId)!]));
  return (await listContributions(db, [...byAssignment.keys()])).map((row) => ({ ...valueOf(row), period: byAssignment.get(row.assignmentId)!, node, itemKey: row.itemKey, writtenBy: row.writtenBy }));
}

/** Locks the round (open) and the assignment, for a change. */
async function lockForChange(tx: Db, where: Where): Promise<{ round: RoundRow; assignment: AssignmentRow; nodeName: string }> {
  const round = await lockRound(tx, where.planKey, where.period);
  if (!round) throw new StyrkortError('not-found', `Planen ${where.planKey} har ingen uppföljningsomgång för ${formatPeriod(where.period)}`);
  const names = await nodeNames(tx);
  const assignment = await lockAssignment(tx, round.id, where.node);
  if (!assignment) throw new StyrkortError('not-found', `Omgången ${formatPeriod(round.period)} har inget uppdrag för ${names.get(where.node) ?? where.node}`);
  const problem = writeProblem(round.status as RoundStatus);
  if (problem) throw new StyrkortError(round.status === 'adopted' ? 'frozen' : 'conflict', problem);
  return { round, assignment, nodeName: names.get(where.node) ?? where.node };
}

const entityKey = (where: Where, item?: string) => [where.period, where.node, item].filter(Boolean).join('/');

/** Writes one item of an assignment (If-Match: the item's version, "0" before anything is written). */
export async function writeItem(db: Db, options: Where & { itemKey: string; value: ContributionValue; ifMatch: number | null; actor: Actor | null; clock: Clock; reason?: string | null }) {
  return inRoundTransaction(db, async (tx) => {
    const { assignment, nodeName } = await lockForChange(tx, options);
    enforce(mayWriteAssignment(options.actor, { nodeName, responsible: assignment.responsible }));
    const username = options.actor!.username;
    if (assignment.state === 'done') throw new StyrkortError('conflict', `Uppdraget för ${nodeName} är markerat som klart; en granskare kan skicka tillbaka det om något ska ändras`);
    const item = itemsOf(assignment).find((candidate) => candidate.key === options.itemKey);
    if (!item) throw new StyrkortError('not-found', `Uppdraget för ${nodeName} frågar inte efter "${options.itemKey}"`);
    const problems = contributionProblems(item.kind, options.value);
    if (problems.length > 0) throw new StyrkortError('validation', `${item.label}: ${problems.map((p) => p.message).join('; ')}. Ingenting har sparats.`, problems);
    const current = await lockContribution(tx, assignment.id, item.key);
    assertVersion(options.ifMatch, { version: current?.version ?? 0, item: current ? valueOf(current) : null });
    const value = { text: options.value.text.replace(/\r\n?/g, '\n'), assessment: options.value.assessment };
    const before = current ? valueOf(current) : null;
    if (before && before.text === value.text && before.assessment === value.assessment) return { value: before, version: current!.version };
    const at = options.clock.now();
    const row = current
      ? await updateContribution(tx, current.id, { ...value, writtenBy: username, writtenAt: at, version: current.version + 1 })
      : await insertContribution(tx, { assignmentId: assignment.id, itemKey: item.key, ...value, writtenBy: username, writtenAt: at });
    await appendAudit(tx, { actor: username, action: current ? 'update' : 'create', planKey: options.planKey, entityType: 'round-contribution', entityKey: entityKey(options, item.key), before, after: value, reason: options.reason });
    return { value: valueOf(row), version: row.version };
  });
}

/** "Markera som klar" (If-Match: the assignment's version): refused while anything asked is missing. */
export async function markDone(db: Db, options: Where & { ifMatch: number | null; actor: Actor | null; clock: Clock; reason?: string | null }): Promise<void> {
  await inRoundTransaction(db, async (tx) => {
    const { round, assignment, nodeName } = await lockForChange(tx, options);
    enforce(mayWriteAssignment(options.actor, { nodeName, responsible: assignment.responsible }));
    assertVersion(options.ifMatch, { version: assignment.version });
    if (assignment.state === 'done') throw new StyrkortError('conflict', `Uppdraget för ${nodeName} är redan markerat som klart`);
    const [entry] = await withProgress(tx, [assignment]);
    const problems = doneProblems(entry!.progress);
    if (problems.length > 0) throw new StyrkortError('validation', `Uppdraget för ${nodeName} kan inte markeras som klart: ${problems.length} ${problems.length === 1 ? 'del saknas' : 'delar saknas'}. Ingenting har ändrats.`, problems);
    const username = options.actor!.username;
    await updateAssignment(tx, assignment.id, { state: 'done', doneAt: options.clock.now(), doneBy: username, version: assignment.version + 1 });
    await appendAudit(tx, { actor: username, action: 'done', planKey: options.planKey, entityType: 'round-assignment', entityKey: entityKey(options), field: 'state', before: assignment.state, after: 'done', reason: options.reason });
    await addNotices(tx, [{ username: round.owner, roundId: round.id, nodeKey: options.node, kind: 'done', message: `${nodeName} har markerat sin uppföljning för ${describePeriod(round.period)} som klar.` }]);
  });
}

/** A controller sends a done assignment back with a comment (If-Match: the assignment's version). */
export async function sendBack(db: Db, options: Where & { comment: string; ifMatch: number | null; actor: Actor | null; clock: Clock; reason?: string | null }): Promise<void> {
  const comment = options.comment.trim();
  await inRoundTransaction(db, async (tx) => {
    const { round, assignment, nodeName } = await lockForChange(tx, options);
    enforce(mayReviewAssignment(options.actor, await inActorSubtree(tx, options.actor, options.node)));
    assertVersion(options.ifMatch, { version: assignment.version });
    if (!comment) throw new StyrkortError('validation', 'Skriv vad som behöver göras innan uppdraget skickas tillbaka; ingenting har ändrats', [{ path: '$.comment', message: 'Kommentar saknas' }]);
    if (assignment.state !== 'done') throw new StyrkortError('conflict', `Uppdraget för ${nodeName} är inte markerat som klart; bara ett klart uppdrag kan skickas tillbaka`);
    const username = options.actor!.username;
    await updateAssignment(tx, assignment.id, { state: 'sent-back', sentBackAt: options.clock.now(), sentBackBy: username, sentBackComment: comment, doneAt: null, doneBy: null, version: assignment.version + 1 });
    await appendAudit(tx, { actor: username, action: 'send-back', planKey: options.planKey, entityType: 'round-assignment', entityKey: entityKey(options), field: 'state', before: assignment.state, after: { state: 'sent-back', comment }, reason: options.reason });
    if (assignment.responsible) {
      await addNotices(tx, [{ username: assignment.responsible, roundId: round.id, nodeKey: options.node, kind: 'sent-back', message: `Uppföljningen för ${nodeName} i ${describePeriod(round.period)} har skickats tillbaka: ${comment}` }]);
    }
  });
}

/** Names another responsible account for an assignment (a controller; If-Match: the assignment's version). */
export async function setResponsible(db: Db, options: Where & { responsible: string; ifMatch: number | null; actor: Actor | null; clock: Clock; reason?: string | null }): Promise<void> {
  const accounts = await activeAccounts(db);
  await inRoundTransaction(db, async (tx) => {
    const { round, assignment, nodeName } = await lockForChange(tx, options);
    enforce(mayReviewAssignment(options.actor, await inActorSubtree(tx, options.actor, options.node)));
    assertVersion(options.ifMatch, { version: assignment.version });
    if (!accounts.some((account) => account.username === options.responsible)) {
      throw new StyrkortError('validation', `Kontot ${options.responsible} finns inte eller är avstängt; ingenting har ändrats`, [{ path: '$.responsible', message: 'Okänt konto' }]);
    }
    if (assignment.responsible === options.responsible) return;
    await updateAssignment(tx, assignment.id, { responsible: options.responsible, version: assignment.version + 1 });
    await appendAudit(tx, { actor: options.actor!.username, action: 'update', planKey: options.planKey, entityType: 'round-assignment', entityKey: entityKey(options), field: 'responsible', before: assignment.responsible, after: options.responsible, reason: options.reason });
    await addNotices(tx, [{ username: options.responsible, roundId: round.id, nodeKey: options.node, kind: 'assigned', message: `Du är ansvarig för uppföljningen av ${nodeName} i ${describePeriod(round.period)}, senast ${round.deadline}.` }]);
  });
}

export interface MyAssignment extends AssignmentProgress {
  round: typeof followUpRounds.$inferSelect;
  title: string;
  planTitle: string;
  people: Map<string, string>;
  nodeName: string;
  overdue: boolean;
  missing: number;
}

/** The assignments an account answers for, open rounds first, then by deadline. */
export async function myAssignments(db: Db, options: { actor: Actor | null; clock: Clock }): Promise<MyAssignment[]> {
  if (!options.actor) throw new StyrkortError('unauthenticated', 'Du behöver logga in');
  const assignments = await listAssignmentsOf(db, options.actor.username);
  const rounds = new Map((await listRounds(db)).map((round) => [round.id, round]));
  const names = await nodeNames(db);
  const today = todayOf(options.clock);
  const people = await personNames(db);
  const titles = new Map<string, string>();
  for (const round of rounds.values()) if (!titles.has(round.planKey)) titles.set(round.planKey, (await findPlanSummary(db, round.planKey))?.title ?? round.planKey);
  const order = { open: 0, submitted: 1, adopted: 2 } as Record<string, number>;
  return (await withProgress(db, assignments))
    .map((entry) => {
      const round = rounds.get(entry.assignment.roundId)!;
      return {
        ...entry,
        round,
        title: reportTitle(round.period),
        planTitle: titles.get(round.planKey)!,
        people,
        nodeName: names.get(entry.assignment.nodeKey) ?? entry.assignment.nodeKey,
        overdue: round.status === 'open' && isOverdue({ deadline: round.deadline, today, status: entry.status }),
        missing: entry.progress.filter((item) => item.missing.length > 0).length,
      };
    })
    .sort((a, b) => (order[a.round.status] ?? 3) - (order[b.round.status] ?? 3) || a.round.deadline.localeCompare(b.round.deadline) || a.nodeName.localeCompare(b.nodeName, 'sv'));
}
