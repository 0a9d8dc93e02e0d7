/**
 * The words of reminders and summaries (påminnelser, sammanställning), for e-mail and in-app
 * notices alike: one pure function from what is due and where things stand to a subject and text.
 */
import { assignmentStatusNames, type AssignmentStatus } from './assignment-status.ts';
import { describeDate } from './dates.ts';
import type { MessageKind } from './reminders.ts';

export interface MessageAssignment {
  nodeName: string;
  status: AssignmentStatus;
  overdue: boolean;
  items: number;
  missing: number;
  responsibleName: string | null;
  /** Where the assignment is written, a full address. */
  link: string;
}

export interface MessageInput {
  kind: MessageKind;
  /** "Delårsrapport januari–augusti 2017" */
  title: string;
  planTitle: string;
  deadline: string;
  today: string;
  /** The assignment a reminder is about; the summaries use `assignments`. */
  assignment?: MessageAssignment;
  assignments: MessageAssignment[];
  /** The round's overview page, a full address. */
  roundLink: string;
}

export interface MessageText {
  subject: string;
  text: string;
}

const signature = '\n\nDet här meddelandet kommer från Styrkort.';

function missingLine(assignment: MessageAssignment): string {
  if (assignment.missing === 0) return 'Allt som efterfrågas är skrivet; markera uppdraget som klart när du är nöjd.';
  return `Det saknas fortfarande ${assignment.missing} av ${assignment.items} delar.`;
}

/** The subject and text of a reminder or summary. */
export function messageText(input: MessageInput): MessageText {
  const deadline = describeDate(input.deadline);
  const about = `${input.title} (${input.planTitle})`;
  const assignment = input.assignment;
  switch (input.kind) {
    case 'before-deadline':
      return {
        subject: `Påminnelse: uppföljningen för ${assignment!.nodeName} senast ${deadline}`,
        text: `Du är ansvarig för uppföljningen av ${assignment!.nodeName} i ${about}. Sista dag är ${deadline}. ${missingLine(assignment!)}\n\nSkriv i Styrkort: ${assignment!.link}${signature}`,
      };
    case 'at-deadline': {
      const when = input.today === input.deadline ? `I dag, ${deadline}, är sista dag` : `Sista dag var ${deadline} och uppföljningen är inte klar`;
      return {
        subject: input.today === input.deadline ? `Sista dag i dag: uppföljningen för ${assignment!.nodeName}` : `Försenad: uppföljningen för ${assignment!.nodeName}`,
        text: `${when} för uppföljningen av ${assignment!.nodeName} i ${about}. ${missingLine(assignment!)}\n\nSkriv i Styrkort: ${assignment!.link}${signature}`,
      };
    }
    case 'summary-deadline':
    case 'summary-done': {
      const done = input.assignments.filter((entry) => entry.status === 'done').length;
      const lines = input.assignments.map(
        (entry) => `- ${entry.nodeName}: ${assignmentStatusNames[entry.status].toLowerCase()}${entry.overdue ? ', försenad' : ''}${entry.missing > 0 ? `, ${entry.missing} av ${entry.items} delar saknas` : ''}${entry.responsibleName ? ` (${entry.responsibleName})` : ' (ingen ansvarig)'}`,
      );
      const head = input.kind === 'summary-done' ? `Alla ${input.assignments.length} uppdrag i ${about} är klara. Rapporten kan sammanställas och lämnas in.` : `Sista dag för ${about} är ${deadline}. ${done} av ${input.assignments.length} uppdrag är klara.`;
      return {
        subject: input.kind === 'summary-done' ? `Alla uppdrag klara: ${input.title}` : `Sammanställning vid sista dag: ${input.title}`,
        text: `${head}\n\n${lines.join('\n')}\n\nÖversikten i Styrkort: ${input.roundLink}${signature}`,
      };
    }
  }
}
