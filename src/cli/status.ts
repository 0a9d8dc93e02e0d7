/** `styrkort status PLAN [--period ÅÅÅÅ|ÅÅÅÅ-MM]`: the scorecard — indicator, target, outcome, status, explanation. */
import { StyrkortError } from '../domain/errors.ts';
import { formatPeriod } from '../domain/format.ts';
import { isPeriod, PERIOD_FORMS } from '../domain/period.ts';
import { statusCount, statusWord } from '../domain/status-band.ts';
import { latestFollowUpPeriod, scorecard, type Scorecard } from '../domain/status.ts';
import { exportPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function statusCommand(planKey: string, options: GlobalOptions & { period?: string }): Promise<void> {
  const period = checkPeriod(options.period);
  const plan = await withDatabase(options, 'styrkort status', ({ db }) => exportPlan(db, planKey));
  for (const line of formatScorecard(scorecard(plan, { period: period ?? latestFollowUpPeriod(plan) }))) console.log(line);
}

/** A period option as given, or a usage error (exit code 2) that shows the format. */
export function checkPeriod(period: string | undefined, option = '--period'): string | undefined {
  if (period !== undefined && !isPeriod(period)) {
    throw new StyrkortError('usage', `${option} "${period}" är ingen period; ange ${PERIOD_FORMS}, t.ex. 2020, 2020-T2 eller 2020-08`);
  }
  return period;
}

/** The scorecard as tab-separated lines: indicators (with tuple parts), then goals, then a count. */
export function formatScorecard(card: Scorecard): string[] {
  const dash = (text: string | null) => text ?? '–';
  const lines = [`Styrkort för ${card.planKey}, ${formatPeriod(card.period)} (mål: ${card.ruleText})`, '', 'Styrtal\tNamn\tMålvärde\tUtfall\tStatus\tFörklaring'];
  for (const s of card.indicators) {
    const status = s.manual ? `${statusWord(s.status)} (manuell)` : statusWord(s.status);
    lines.push(`${s.number}\t${s.name}\t${dash(s.target)}\t${dash(s.actual)}\t${status}\t${s.explanation}`);
    for (const part of s.parts ?? []) lines.push(`\t  ${part.label}\t${part.target}\t${dash(part.actual)}\t${statusWord(part.status)}\t${part.explanation}`);
  }
  lines.push('', 'Mål\tText\tStatus\tFörklaring');
  for (const goal of card.goals) lines.push(`${goal.number ?? goal.goalKey}\t${goal.text}\t${statusWord(goal.status)}\t${goal.explanation}`);
  const count = (status: string) => card.indicators.filter((s) => s.status === status).length;
  // The statuses issue 12 added are counted only when they occur, so the line stays as before otherwise.
  const others = (['no-direction', 'no-measure', 'not-followed-up', 'reported'] as const).filter((status) => count(status) > 0).map((status) => `, ${statusCount(status, count(status))}`);
  lines.push('', `Styrtal: ${count('green')} gröna, ${count('yellow')} gula, ${count('red')} röda, ${count('not-measured')} inte mätta${others.join('')}`);
  return lines;
}
