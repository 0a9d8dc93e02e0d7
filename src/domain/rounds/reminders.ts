/**
 * Which reminders are due now (påminnelser), decided from the round, its assignments, what was
 * sent already and today's date — nothing else, so the scheduler only carries out what this says.
 * Before the deadline (from `reminderDays` days before it) each responsible whose assignment is
 * not done gets one reminder; from the deadline day one more; the round's owner gets a summary at
 * the deadline, and one when every assignment is done. Each message goes once.
 */
import { addDays } from './dates.ts';
import type { AssignmentStatus } from './assignment-status.ts';

export const messageKinds = ['before-deadline', 'at-deadline', 'summary-deadline', 'summary-done'] as const;
export type MessageKind = (typeof messageKinds)[number];

export interface ReminderRound {
  status: 'open' | 'submitted' | 'adopted';
  deadline: string;
  /** Days before the deadline from which the first reminder goes; 0 sends none before. */
  reminderDays: number;
  owner: string;
}

export interface ReminderAssignment {
  node: string;
  responsible: string | null;
  status: AssignmentStatus;
}

/** A message that went (or is due): its kind, the node it concerns ('' for the owner's summaries) and to whom. */
export interface RoundMessage {
  kind: MessageKind;
  node: string;
  recipient: string;
}

/** The identity of a message, for "sent already": the same kind, node and recipient go once. */
export function messageId(message: RoundMessage): string {
  return `${message.kind}|${message.node}|${message.recipient}`;
}

/** The messages due today that have not been sent. */
export function dueMessages(options: { round: ReminderRound; assignments: ReminderAssignment[]; sent: RoundMessage[]; today: string }): RoundMessage[] {
  const { round, assignments, today } = options;
  if (round.status !== 'open') return [];
  const sent = new Set(options.sent.map(messageId));
  const due: RoundMessage[] = [];
  const want = (message: RoundMessage) => {
    if (!sent.has(messageId(message))) due.push(message);
  };
  const reached = today >= round.deadline;
  const remindFrom = addDays(round.deadline, -round.reminderDays);
  for (const assignment of assignments) {
    if (!assignment.responsible || assignment.status === 'done') continue;
    if (reached) want({ kind: 'at-deadline', node: assignment.node, recipient: assignment.responsible });
    else if (round.reminderDays > 0 && today >= remindFrom) want({ kind: 'before-deadline', node: assignment.node, recipient: assignment.responsible });
  }
  const allDone = assignments.length > 0 && assignments.every((assignment) => assignment.status === 'done');
  if (allDone) want({ kind: 'summary-done', node: '', recipient: round.owner });
  else if (reached) want({ kind: 'summary-deadline', node: '', recipient: round.owner });
  return due;
}
