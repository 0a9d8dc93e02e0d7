/**
 * A round's report through its life, like a plan's (workflow-service.ts): compiled from what the
 * units wrote, submitted (all assignments done, or the owner decides), adopted with the decision
 * (date, body, paragraph, case number) into a frozen snapshot; its documents built from that
 * snapshot once adopted, and from the live data before as a marked draft.
 */
import type { Actor } from '../domain/access.ts';
import { StyrkortError } from '../domain/errors.ts';
import { describePeriod } from '../domain/period.ts';
import { assignmentStatusNames } from '../domain/rounds/assignment-status.ts';
import { roundSteps, stepProblem, type RoundStatus, type RoundStep } from '../domain/rounds/lifecycle.ts';
import type { AdoptedDecision, RoundReportContent as Content } from '../domain/rounds/report-content.ts';
import { mayAdoptRound, mayManageRound } from '../domain/rounds/round-access.ts';
import type { RoundTemplate } from '../domain/rounds/template.ts';
import { PlanFile } from '../domain/plan.ts';
import { issuesToProblems, swedishErrorMap } from '../domain/swedish-issues.ts';
import { RoundDecision, RoundReportContent } from '../contract/rounds.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { insertRoundSnapshot, latestRoundSnapshot, listAssignments, lockRound, updateRound, type RoundRow } from '../db/round-repository.ts';
import { renderView, type DocumentFormat, type RenderedDocument } from './document-service.ts';
import { assertVersion } from './plan-items-service.ts';
import { exportPlan } from './plan-service.ts';
import type { Clock } from './round-clock.ts';
import { enforce, inActorSubtree, itemsOf, nodeNames, personNames, requireRound, withProgress } from './round-context.ts';
import { addNotices } from './round-notice-service.ts';
import { inRoundTransaction } from './round-transaction.ts';

export interface RoundStepOptions {
  planKey: string;
  period: string;
  step: RoundStep;
  decision?: unknown;
  includeUnfinished?: boolean;
  ifMatch: number | null;
  actor: Actor | null;
  clock: Clock;
  reason?: string | null;
}

/** Takes a round one step; adopting records the decision and freezes the report's content. */
export async function takeRoundStep(db: Db, options: RoundStepOptions): Promise<{ status: RoundStatus; version: number }> {
  const summary = await findPlanSummary(db, options.planKey);
  if (!summary) throw new StyrkortError('not-found', `Planen ${options.planKey} finns inte`);
  const inScope = await inActorSubtree(db, options.actor, summary.ownerNodeKey);
  enforce(options.step === 'adopt' ? mayAdoptRound(options.actor, inScope) : mayManageRound(options.actor, inScope));
  const username = options.actor!.username;
  return inRoundTransaction(db, async (tx) => {
    const round = await lockRound(tx, options.planKey, options.period);
    if (!round) throw new StyrkortError('not-found', `Planen ${options.planKey} har ingen uppföljningsomgång för ${describePeriod(options.period)}`);
    assertVersion(options.ifMatch, { version: round.version });
    const problem = stepProblem(options.step, round.status as RoundStatus);
    if (problem) throw new StyrkortError(round.status === 'adopted' ? 'frozen' : 'conflict', problem);
    if (options.step === 'submit' && !options.includeUnfinished) await assertAllDone(tx, round);
    const decision = options.step === 'adopt' ? parseDecision(options.decision) : null;
    const to = roundSteps[options.step].to;
    const version = round.version + 1;
    await updateRound(tx, round.id, { status: to, version, ...(decision ? { decision } : {}) });
    await appendAudit(tx, { actor: username, action: options.step, planKey: options.planKey, entityType: 'follow-up-round', entityKey: options.period, field: 'status', before: round.status, after: to, reason: options.reason });
    if (decision) {
      await appendAudit(tx, { actor: username, action: 'adopt', planKey: options.planKey, entityType: 'follow-up-round', entityKey: options.period, field: 'decision', before: null, after: decision, reason: options.reason });
      const content = await compileRound(tx, { ...round, status: to, decision });
      await insertRoundSnapshot(tx, { roundId: round.id, takenBy: username, content });
      const responsibles = new Set((await listAssignments(tx, [round.id])).flatMap((assignment) => (assignment.responsible ? [assignment.responsible] : [])));
      await addNotices(tx, [...responsibles].map((responsible) => ({ username: responsible, roundId: round.id, kind: 'adopted', message: `Uppföljningen för ${describePeriod(round.period)} är fastställd (${decision.body} ${decision.paragraph}).` })));
    }
    return { status: to, version };
  });
}

async function assertAllDone(tx: Db, round: RoundRow): Promise<void> {
  const names = await nodeNames(tx);
  const open = (await withProgress(tx, await listAssignments(tx, [round.id]))).filter((entry) => entry.status !== 'done');
  if (open.length === 0) return;
  throw new StyrkortError(
    'conflict',
    `${open.length} ${open.length === 1 ? 'uppdrag är' : 'uppdrag är'} inte klara; lämna in ändå bara om rapporten ska sammanställas utan dem (includeUnfinished). Ingenting har ändrats.`,
    open.map((entry) => ({ path: `$.assignments.${entry.assignment.nodeKey}`, message: `${names.get(entry.assignment.nodeKey) ?? entry.assignment.nodeKey}: ${assignmentStatusNames[entry.status].toLowerCase()}` })),
  );
}

function parseDecision(input: unknown): AdoptedDecision {
  const parsed = RoundDecision.safeParse(input ?? {}, { error: swedishErrorMap });
  if (!parsed.success) throw new StyrkortError('validation', 'Beslutet är ofullständigt; ingenting har ändrats', issuesToProblems(parsed.error.issues).map((p) => ({ ...p, path: p.path.replace('$', '$.decision') })));
  return parsed.data;
}

/** The report's content from the live data: the plan now, the round, and everything written. */
export async function compileRound(db: Db, round: RoundRow): Promise<Content> {
  const names = await nodeNames(db);
  const people = await personNames(db);
  const entries = await withProgress(db, await listAssignments(db, [round.id]));
  return {
    format: 'styrkort-round',
    formatVersion: 1,
    round: { planKey: round.planKey, period: round.period, deadline: round.deadline, status: round.status as RoundStatus, template: round.template as RoundTemplate, owner: round.owner, decision: (round.decision as AdoptedDecision | null) ?? null },
    plan: await exportPlan(db, round.planKey),
    assignments: entries.map(({ assignment, contributions }) => {
      const byKey = new Map(contributions.map((row) => [row.itemKey, row]));
      return {
        node: assignment.nodeKey,
        nodeName: names.get(assignment.nodeKey) ?? assignment.nodeKey,
        responsible: assignment.responsible,
        doneAt: assignment.doneAt?.toISOString() ?? null,
        contributions: itemsOf(assignment).flatMap((item) => {
          const row = byKey.get(item.key);
          return row ? [{ ...item, text: row.text, assessment: row.assessment, writtenBy: people.get(row.writtenBy) ?? row.writtenBy, writtenAt: row.writtenAt.toISOString() }] : [];
        }),
      };
    }),
  };
}

/**
 * The content a round's report is built from: the adopted snapshot, or — before adoption, for
 * accounts only — the live compilation. The public reads adopted rounds only.
 */
export async function roundReportContent(db: Db, options: { planKey: string; period: string; actor: Actor | null }): Promise<Content> {
  const round = await requireRound(db, options.planKey, options.period);
  if (round.status === 'adopted') {
    const snapshot = await latestRoundSnapshot(db, round.id);
    if (!snapshot) throw new StyrkortError('not-found', `Omgången ${describePeriod(round.period)} saknar ögonblicksbild`);
    // A snapshot's plan is read as any plan file is: one written in an older format version is upgraded.
    return RoundReportContent.extend({ plan: PlanFile }).parse(snapshot.content);
  }
  if (!options.actor) throw new StyrkortError('unauthenticated', 'Rapporten är inte fastställd än; logga in för att se utkastet');
  return compileRound(db, round);
}

/** The round's report in a format. */
export async function renderRoundReport(db: Db, options: { planKey: string; period: string; actor: Actor | null; format: DocumentFormat }): Promise<RenderedDocument> {
  const content = await roundReportContent(db, options);
  const { buildRoundReport } = await import('../documents/round-report.ts');
  return renderView(buildRoundReport(content), options.format);
}
