/**
 * Opening a follow-up round (öppna en uppföljningsomgång) and reading where it stands: one
 * assignment per organisation node for what the node owns, each with a responsible account; the
 * overview per node (not started, in progress, done, sent back; overdue).
 */
import { reportTitle } from '../documents/report-view-model.ts';
import type { Actor } from '../domain/access.ts';
import { StyrkortError, type Problem } from '../domain/errors.ts';
import { describePeriod } from '../domain/period.ts';
import { countStatuses, isOverdue } from '../domain/rounds/assignment-status.ts';
import { describeDate } from '../domain/rounds/dates.ts';
import { assignmentItems } from '../domain/rounds/items.ts';
import type { RoundStatus } from '../domain/rounds/lifecycle.ts';
import { deadlineProblem, openingProblems } from '../domain/rounds/opening.ts';
import { defaultResponsible } from '../domain/rounds/responsible.ts';
import { mayManageRound } from '../domain/rounds/round-access.ts';
import { defaultTemplate, type RoundTemplate } from '../domain/rounds/template.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { findRound, insertAssignments, insertRound, listAssignments, listRounds, lockRound, updateRound, type RoundRow } from '../db/round-repository.ts';
import { loadOrgParents } from '../db/organisation-repository.ts';
import { assertVersion } from './plan-items-service.ts';
import { exportPlan } from './plan-service.ts';
import { todayOf, type Clock } from './round-clock.ts';
import { activeAccounts, enforce, inActorSubtree, nodeNames, personNames, requireRound, withProgress, type AssignmentProgress } from './round-context.ts';
import { addNotices } from './round-notice-service.ts';
import { inRoundTransaction } from './round-transaction.ts';

export interface OpenRoundOptions {
  planKey: string;
  period: string;
  deadline: string;
  reminderDays?: number;
  template?: RoundTemplate;
  /** Responsible accounts by node, where the default is not wanted. */
  responsible?: Record<string, string>;
  actor: Actor | null;
  clock: Clock;
  reason?: string | null;
}

/** Opens a round: checks everything first, then writes the round and its assignments in one transaction. */
export async function openRound(db: Db, options: OpenRoundOptions): Promise<RoundOverview> {
  const summary = await findPlanSummary(db, options.planKey);
  if (!summary) throw new StyrkortError('not-found', `Planen ${options.planKey} finns inte`);
  enforce(mayManageRound(options.actor, await inActorSubtree(db, options.actor, summary.ownerNodeKey)));
  const actor = options.actor!;
  const plan = await exportPlan(db, options.planKey);
  const today = todayOf(options.clock);
  const reminderDays = options.reminderDays ?? 3;
  const problems = openingProblems(plan, { period: options.period, deadline: options.deadline, reminderDays }, today);
  if (problems.length > 0) throw new StyrkortError('validation', `Omgången kan inte öppnas (${problems.length} fel); ingenting har sparats`, problems);
  const template = options.template ?? defaultTemplate(options.period);
  const nodes = assignmentItems(plan, { period: options.period, template });
  if (nodes.length === 0) {
    throw new StyrkortError('validation', `Det finns inget att följa upp i ${describePeriod(options.period)} med den mallen; ingenting har sparats`, [{ path: '$.template', message: 'Mallen frågar inte efter något planen har' }]);
  }
  const accounts = await activeAccounts(db, summary.municipalityCode);
  const parents = await loadOrgParents(db, summary.municipalityCode);
  const responsible = new Map(nodes.map(({ node }) => [node, defaultResponsible({ node, ownerNode: plan.plan.ownerNode, parents, accounts })]));
  const chosenProblems: Problem[] = [];
  for (const [node, username] of Object.entries(options.responsible ?? {})) {
    if (!responsible.has(node)) chosenProblems.push({ path: `$.responsible.${node}`, message: `${node} har inget uppdrag i omgången` });
    else if (!accounts.some((account) => account.username === username)) chosenProblems.push({ path: `$.responsible.${node}`, message: `Kontot ${username} finns inte eller är avstängt` });
    else responsible.set(node, username);
  }
  if (chosenProblems.length > 0) throw new StyrkortError('validation', 'Ansvariga kan inte utses så; ingenting har sparats', chosenProblems);
  const names = await nodeNames(db);

  const round = await inRoundTransaction(db, async (tx) => {
    if (await findRound(tx, options.planKey, options.period)) {
      throw new StyrkortError('conflict', `Planen ${options.planKey} har redan en uppföljningsomgång för ${describePeriod(options.period)}; ingenting har sparats`, [{ path: '$.period', message: 'Omgången finns redan' }]);
    }
    const row = await insertRound(tx, { planKey: options.planKey, period: options.period, deadline: options.deadline, reminderDays, template, owner: actor.username, openedAt: options.clock.now() });
    await insertAssignments(tx, nodes.map(({ node, items }) => ({ roundId: row.id, nodeKey: node, responsible: responsible.get(node) ?? null, items })));
    await appendAudit(tx, {
      actor: actor.username,
      action: 'open',
      planKey: options.planKey,
      entityType: 'follow-up-round',
      entityKey: options.period,
      before: null,
      after: { deadline: options.deadline, reminderDays, template, assignments: Object.fromEntries(responsible) },
      reason: options.reason,
    });
    await addNotices(
      tx,
      nodes.flatMap(({ node, items }) => {
        const username = responsible.get(node);
        return username ? [{ username, roundId: row.id, nodeKey: node, kind: 'assigned', message: `Du är ansvarig för uppföljningen av ${names.get(node) ?? node} i ${describePeriod(options.period)} (${items.length} delar), senast ${describeDate(options.deadline)}.` }] : [];
      }),
    );
    return row;
  });
  return roundOverview(db, { planKey: round.planKey, period: round.period, clock: options.clock });
}

export interface AssignmentSummary extends AssignmentProgress {
  nodeName: string;
  overdue: boolean;
  missing: number;
}

export interface RoundOverview {
  round: RoundRow;
  /** "Delårsrapport januari–augusti 2017" */
  title: string;
  today: string;
  /** Display names by user name. */
  people: Map<string, string>;
  assignments: AssignmentSummary[];
  counts: ReturnType<typeof countStatuses>;
  overdue: number;
}

/** A round with every assignment's status, what is missing and whether it is late. */
export async function roundOverview(db: Db, options: { planKey: string; period: string; clock: Clock }): Promise<RoundOverview> {
  const round = await requireRound(db, options.planKey, options.period);
  return (await overviews(db, [round], options.clock))[0]!;
}

/** Overviews of several rounds at once (a plan's list of rounds). */
export async function overviews(db: Db, rounds: RoundRow[], clock: Clock): Promise<RoundOverview[]> {
  const today = todayOf(clock);
  const names = await nodeNames(db);
  const people = await personNames(db);
  const all = await withProgress(db, await listAssignments(db, rounds.map((round) => round.id)));
  return rounds.map((round) => {
    const assignments = all
      .filter((entry) => entry.assignment.roundId === round.id)
      .map((entry) => ({
        ...entry,
        nodeName: names.get(entry.assignment.nodeKey) ?? entry.assignment.nodeKey,
        overdue: round.status === 'open' && isOverdue({ deadline: round.deadline, today, status: entry.status }),
        missing: entry.progress.filter((item) => item.missing.length > 0).length,
      }));
    return { round, title: reportTitle(round.period), today, people, assignments, counts: countStatuses(assignments.map((entry) => entry.status)), overdue: assignments.filter((entry) => entry.overdue).length };
  });
}

/** A plan's rounds, latest first; the public sees adopted rounds only. */
export async function planRounds(db: Db, options: { planKey: string; actor: Actor | null; clock: Clock }): Promise<RoundOverview[]> {
  if (!(await findPlanSummary(db, options.planKey))) throw new StyrkortError('not-found', `Planen ${options.planKey} finns inte`);
  const rounds = (await listRounds(db, options.planKey)).filter((round) => options.actor !== null || round.status === 'adopted');
  return overviews(db, rounds, options.clock);
}

/** Moves a round's deadline or reminder days (If-Match: the round's version); audited. */
export async function changeRound(db: Db, options: { planKey: string; period: string; deadline?: string; reminderDays?: number; ifMatch: number | null; actor: Actor | null; clock: Clock; reason?: string | null }): Promise<RoundOverview> {
  const summary = await findPlanSummary(db, options.planKey);
  if (!summary) throw new StyrkortError('not-found', `Planen ${options.planKey} finns inte`);
  enforce(mayManageRound(options.actor, await inActorSubtree(db, options.actor, summary.ownerNodeKey)));
  const today = todayOf(options.clock);
  await inRoundTransaction(db, async (tx) => {
    const round = await lockRound(tx, options.planKey, options.period);
    if (!round) throw new StyrkortError('not-found', `Planen ${options.planKey} har ingen uppföljningsomgång för ${options.period}`);
    assertVersion(options.ifMatch, { version: round.version });
    if ((round.status as RoundStatus) !== 'open') throw new StyrkortError('conflict', 'Bara en öppen omgång kan få ny sista dag');
    const problems: Problem[] = [];
    const deadline = options.deadline === undefined ? null : deadlineProblem(options.deadline, today);
    if (deadline) problems.push({ path: '$.deadline', message: deadline });
    if (options.reminderDays !== undefined && (!Number.isInteger(options.reminderDays) || options.reminderDays < 0 || options.reminderDays > 60)) problems.push({ path: '$.reminderDays', message: 'Påminnelsen går 0–60 dagar före sista dag' });
    if (problems.length > 0) throw new StyrkortError('validation', `${problems.map((p) => p.message).join('; ')}. Ingenting har ändrats.`, problems);
    const after = { deadline: options.deadline ?? round.deadline, reminderDays: options.reminderDays ?? round.reminderDays };
    await updateRound(tx, round.id, { ...after, version: round.version + 1 });
    await appendAudit(tx, { actor: options.actor!.username, action: 'update', planKey: options.planKey, entityType: 'follow-up-round', entityKey: options.period, before: { deadline: round.deadline, reminderDays: round.reminderDays }, after, reason: options.reason });
  });
  return roundOverview(db, options);
}

/** A round as a reader sees it: the public reads adopted rounds only. */
export async function readRound(db: Db, options: { planKey: string; period: string; actor: Actor | null; clock: Clock }): Promise<RoundOverview> {
  const round = await requireRound(db, options.planKey, options.period);
  if (round.status !== 'adopted' && !options.actor) throw new StyrkortError('unauthenticated', 'Omgången är inte fastställd än; logga in för att se den');
  return roundOverview(db, options);
}
