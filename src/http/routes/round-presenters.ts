/** Round responses as the API shapes them (src/contract/rounds.ts): no database row leaks out. */
import type { z } from 'zod';
import type { AssignmentItemView, AssignmentSummary, AssignmentView, MyAssignmentList, NoticeList, RoundView } from '../../contract/rounds.ts';
import type { RoundStatus } from '../../domain/rounds/lifecycle.ts';
import type { AdoptedDecision } from '../../domain/rounds/report-content.ts';
import type { RoundTemplate } from '../../domain/rounds/template.ts';
import type { AssignmentDetail, MyAssignment } from '../../services/round-assignment-service.ts';
import type { AssignmentProgress } from '../../services/round-context.ts';
import type { RoundOverview } from '../../services/round-service.ts';

type Summary = z.infer<typeof AssignmentSummary>;

function presentSummary(entry: AssignmentProgress & { nodeName: string; overdue: boolean }, people: Map<string, string>): Summary {
  const { assignment } = entry;
  return {
    node: assignment.nodeKey,
    nodeName: entry.nodeName,
    responsible: assignment.responsible,
    responsibleName: assignment.responsible ? (people.get(assignment.responsible) ?? assignment.responsible) : null,
    status: entry.status,
    overdue: entry.overdue,
    items: entry.progress.length,
    missing: entry.progress.filter((item) => item.missing.length > 0).length,
    doneAt: assignment.doneAt?.toISOString() ?? null,
    sentBack: assignment.state === 'sent-back' && assignment.sentBackAt ? { at: assignment.sentBackAt.toISOString(), by: assignment.sentBackBy ?? '', comment: assignment.sentBackComment ?? '' } : null,
    version: assignment.version,
  };
}

export function presentRound(overview: RoundOverview): z.infer<typeof RoundView> {
  const { round } = overview;
  return {
    plan: round.planKey,
    period: round.period,
    title: overview.title,
    status: round.status as RoundStatus,
    deadline: round.deadline,
    reminderDays: round.reminderDays,
    template: round.template as RoundTemplate,
    owner: round.owner,
    openedAt: round.openedAt.toISOString(),
    decision: (round.decision as AdoptedDecision | null) ?? null,
    version: round.version,
    today: overview.today,
    counts: overview.counts,
    overdue: overview.overdue,
    assignments: overview.assignments.map((entry) => presentSummary(entry, overview.people)),
  };
}

export function presentAssignment(detail: AssignmentDetail): z.infer<typeof AssignmentView> {
  const earlier = (entry: { period: string; text: string; assessment: string | null; writtenBy: string }) => ({ period: entry.period, text: entry.text, assessment: entry.assessment, writtenBy: detail.people.get(entry.writtenBy) ?? entry.writtenBy });
  const items: Array<z.infer<typeof AssignmentItemView>> = detail.progress.map(({ item, value, missing }) => {
    const written = detail.written.get(item.key);
    const carried = detail.carried.get(item.key);
    return {
      ...item,
      text: value?.text ?? '',
      assessment: value?.assessment ?? null,
      version: written?.version ?? 0,
      writtenBy: written ? (detail.people.get(written.writtenBy) ?? written.writtenBy) : null,
      writtenAt: written?.writtenAt.toISOString() ?? null,
      missing,
      previous: carried?.previous ? earlier(carried.previous) : null,
      withinYear: carried?.withinYear.map(earlier) ?? [],
    };
  });
  return {
    ...presentSummary(detail, detail.people),
    plan: detail.round.planKey,
    period: detail.round.period,
    title: detail.title,
    roundStatus: detail.round.status as RoundStatus,
    deadline: detail.round.deadline,
    today: detail.today,
    items,
    may: detail.may,
  };
}

export function presentMyAssignments(list: MyAssignment[]): z.infer<typeof MyAssignmentList> {
  return {
    assignments: list.map((entry) => ({
      ...presentSummary(entry, entry.people),
      plan: entry.round.planKey,
      planTitle: entry.planTitle,
      period: entry.round.period,
      title: entry.title,
      roundStatus: entry.round.status as RoundStatus,
      deadline: entry.round.deadline,
    })),
  };
}

export function presentNotices(list: { unread: number; notices: Array<{ id: number; kind: string; message: string; planKey: string; period: string; nodeKey: string; createdAt: Date; readAt: Date | null }> }): z.infer<typeof NoticeList> {
  return {
    unread: list.unread,
    notices: list.notices.map((notice) => ({ id: notice.id, kind: notice.kind, message: notice.message, plan: notice.planKey, period: notice.period, node: notice.nodeKey, createdAt: notice.createdAt.toISOString(), read: notice.readAt !== null })),
  };
}
