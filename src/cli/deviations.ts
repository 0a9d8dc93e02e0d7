/** `styrkort deviations PLAN [--period ÅÅÅÅ|ÅÅÅÅ-MM]`: everything off plan, worst first, with the period's analyses. */
import { findDeviations, type DeviationList } from '../domain/deviations.ts';
import { formatPeriod } from '../domain/format.ts';
import { plainText } from '../domain/rich-text-blocks.ts';
import { statusWord } from '../domain/status-band.ts';
import { latestFollowUpPeriod } from '../domain/status.ts';
import { exportPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { checkPeriod } from './status.ts';

export async function deviationsCommand(planKey: string, options: GlobalOptions & { period?: string }): Promise<void> {
  const period = checkPeriod(options.period);
  const plan = await withDatabase(options, 'styrkort deviations', ({ db }) => exportPlan(db, planKey));
  for (const line of formatDeviations(findDeviations(plan, { period: period ?? latestFollowUpPeriod(plan) }))) console.log(line);
}

const KINDS = { indicator: 'styrtal', volume: 'volym', budget: 'budget' } as const;

export function formatDeviations(list: DeviationList): string[] {
  const { volumePercent, budgetPercent } = list.tolerances;
  const lines = [
    `Avvikelser för ${list.planKey}, ${formatPeriod(list.period)}: ${list.deviations.length} st`,
    `(tolerans: styrtal enligt styrtalet, volymer ${volumePercent} %, budget ${budgetPercent} %; mer än dubbla toleransen är rött)`,
  ];
  for (const d of list.deviations) {
    const favourable = d.favourable === true ? ' (positiv)' : '';
    lines.push('', `${statusWord(d.severity)}${favourable}\t${KINDS[d.kind]}\t${d.label}\t${d.explanation}${d.responsible ? `\tAnsvarig: ${d.responsible}` : ''}`);
    const current = d.analysis.current;
    lines.push(current ? `  Analys ${formatPeriod(current.period)}: ${plainText(current.text, { listMarkers: false })}` : `  Analys ${formatPeriod(d.period)}: saknas (skrivs som ${d.analysis.key})`);
    for (const earlier of d.analysis.earlier) lines.push(`  Tidigare, ${formatPeriod(earlier.period)}: ${plainText(earlier.text, { listMarkers: false })}`);
  }
  return lines;
}
