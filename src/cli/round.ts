/**
 * `styrkort round open PLAN --period 2025-T2 --deadline 2025-09-15` opens a follow-up round;
 * `styrkort round status PLAN --period 2025-T2` prints where each node's assignment stands.
 * The command line works with the database's full rights, as other commands do; `--owner` names
 * the account that owns the round (its summaries go there). STYRKORT_NOW sets the clock.
 */
import { StyrkortError } from '../domain/errors.ts';
import { describeDate } from '../domain/rounds/dates.ts';
import { assignmentStatusNames } from '../domain/rounds/assignment-status.ts';
import { roundStatusNames, type RoundStatus } from '../domain/rounds/lifecycle.ts';
import { findUser } from '../db/user-repository.ts';
import { clockFromEnv } from '../services/round-clock.ts';
import { openRound, readRound, type RoundOverview } from '../services/round-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { checkPeriod } from './status.ts';

export async function roundOpenCommand(planKey: string, options: GlobalOptions & { period: string; deadline: string; reminderDays?: string; owner?: string; reason?: string }): Promise<void> {
  const period = checkPeriod(options.period)!;
  const reminderDays = options.reminderDays === undefined ? undefined : Number(options.reminderDays);
  if (reminderDays !== undefined && !Number.isInteger(reminderDays)) throw new StyrkortError('usage', `--reminder-days "${options.reminderDays}" är inget heltal`);
  const overview = await withDatabase(options, 'styrkort round open', async ({ db }) => {
    if (options.owner && !(await findUser(db, options.owner))) throw new StyrkortError('usage', `--owner: kontot ${options.owner} finns inte`);
    const actor = { username: options.owner ?? process.env.USER ?? 'cli', role: 'admin' as const, unitKey: null };
    return openRound(db, { planKey, period, deadline: options.deadline, reminderDays, actor, clock: clockFromEnv(), reason: options.reason });
  });
  console.log(`Omgången är öppnad: ${overview.title}, sista dag ${describeDate(overview.round.deadline)}, ${overview.assignments.length} uppdrag.`);
  for (const line of formatRound(overview).slice(2)) console.log(line);
}

export async function roundStatusCommand(planKey: string, options: GlobalOptions & { period: string }): Promise<void> {
  const period = checkPeriod(options.period)!;
  const overview = await withDatabase(options, 'styrkort round status', ({ db }) => readRound(db, { planKey, period, actor: { username: 'cli', role: 'admin', unitKey: null }, clock: clockFromEnv() }));
  for (const line of formatRound(overview)) console.log(line);
}

/** A round as tab-separated lines: the head, then one line per node. */
export function formatRound(overview: RoundOverview): string[] {
  const { round } = overview;
  const lines = [
    `${overview.title} – ${round.planKey}: ${roundStatusNames[round.status as RoundStatus].toLowerCase()}, sista dag ${describeDate(round.deadline)} (i dag ${describeDate(overview.today)}); ${overview.counts.done} av ${overview.assignments.length} klara${overview.overdue > 0 ? `, ${overview.overdue} försenade` : ''}`,
    '',
    'Nod\tAnsvarig\tStatus\tSaknas',
  ];
  for (const entry of overview.assignments) {
    const who = entry.assignment.responsible ? (overview.people.get(entry.assignment.responsible) ?? entry.assignment.responsible) : '(ingen ansvarig)';
    const status = `${assignmentStatusNames[entry.status]}${entry.overdue ? ' – FÖRSENAD' : ''}`;
    lines.push(`${entry.nodeName}\t${who}\t${status}\t${entry.missing} av ${entry.progress.length}`);
  }
  return lines;
}
