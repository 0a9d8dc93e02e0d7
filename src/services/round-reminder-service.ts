/**
 * Carries out the reminders the domain says are due (reminders.ts): for every open round, each
 * due message is logged once (a unique row, so two servers never send it twice), noticed in the
 * app, and mailed when mail is on and the recipient has an address. A failed mailing is kept with
 * its error on the log row; the notice stands.
 */
import { reportTitle } from '../documents/report-view-model.ts';
import { roundPaths } from '../domain/rounds/addresses.ts';
import { messageText, type MessageAssignment } from '../domain/rounds/messages.ts';
import { dueMessages, type RoundMessage, type MessageKind } from '../domain/rounds/reminders.ts';
import type { RoundStatus } from '../domain/rounds/lifecycle.ts';
import type { Db } from '../db/connection.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { claimMessage, findMailAddresses, listMessages, listOpenRounds, recordMailing } from '../db/round-repository.ts';
import { todayOf, type Clock } from './round-clock.ts';
import { personNames } from './round-context.ts';
import type { Mailer } from './round-mail.ts';
import { addNotices } from './round-notice-service.ts';
import { overviews } from './round-service.ts';
import { inRoundTransaction } from './round-transaction.ts';

export interface ReminderOptions {
  clock: Clock;
  /** null: mail is off; the notices still go. */
  mailer: Mailer | null;
  /** The address links start with, e.g. https://styrkort.kommun.se */
  publicUrl: string;
}

export interface SentMessage extends RoundMessage {
  planKey: string;
  period: string;
  subject: string;
  /** The address it was mailed to, or null (mail off, no address, or the mailing failed). */
  mailedTo: string | null;
  error: string | null;
}

/** Sends every reminder and summary that is due now; returns what went. */
export async function sendDueReminders(db: Db, options: ReminderOptions): Promise<SentMessage[]> {
  const today = todayOf(options.clock);
  const rounds = await listOpenRounds(db);
  if (rounds.length === 0) return [];
  const people = await personNames(db);
  const sent: SentMessage[] = [];
  for (const overview of await overviews(db, rounds, options.clock)) {
    const { round } = overview;
    const previously = (await listMessages(db, round.id)).map((row) => ({ kind: row.kind as MessageKind, node: row.nodeKey, recipient: row.recipient }));
    const due = dueMessages({
      round: { status: round.status as RoundStatus, deadline: round.deadline, reminderDays: round.reminderDays, owner: round.owner },
      assignments: overview.assignments.map((entry) => ({ node: entry.assignment.nodeKey, responsible: entry.assignment.responsible, status: entry.status })),
      sent: previously,
      today,
    });
    if (due.length === 0) continue;
    const planTitle = (await findPlanSummary(db, round.planKey))?.title ?? round.planKey;
    const assignments: MessageAssignment[] = overview.assignments.map((entry) => ({
      nodeName: entry.nodeName,
      status: entry.status,
      overdue: entry.overdue,
      items: entry.progress.length,
      missing: entry.missing,
      responsibleName: entry.assignment.responsible ? (people.get(entry.assignment.responsible) ?? entry.assignment.responsible) : null,
      link: options.publicUrl + roundPaths.assignment(round.planKey, round.period, entry.assignment.nodeKey),
    }));
    const addresses = await findMailAddresses(db, [...new Set(due.map((message) => message.recipient))]);
    for (const message of due) {
      const index = overview.assignments.findIndex((entry) => entry.assignment.nodeKey === message.node);
      const text = messageText({ kind: message.kind, title: reportTitle(round.period), planTitle, deadline: round.deadline, today, assignment: assignments[index], assignments, roundLink: options.publicUrl + roundPaths.round(round.planKey, round.period) });
      const address = options.mailer ? (addresses.get(message.recipient) ?? null) : null;
      const logged = await inRoundTransaction(db, async (tx) => {
        const row = await claimMessage(tx, { roundId: round.id, kind: message.kind, nodeKey: message.node, recipient: message.recipient, address, createdAt: options.clock.now() });
        if (row) await addNotices(tx, [{ username: message.recipient, roundId: round.id, nodeKey: message.node, kind: message.kind, message: text.subject }]);
        return row;
      });
      if (!logged) continue;
      let error: string | null = null;
      if (address && options.mailer) {
        try {
          await options.mailer.send({ to: address, subject: text.subject, text: text.text });
        } catch (caught) {
          error = caught instanceof Error ? caught.message : String(caught);
        }
        await recordMailing(db, logged.id, { mailedAt: error ? null : options.clock.now(), mailError: error });
      }
      sent.push({ ...message, planKey: round.planKey, period: round.period, subject: text.subject, mailedTo: address && !error ? address : null, error });
    }
  }
  return sent;
}
