/**
 * A follow-up report as a document view model: a monthly follow-up ('YYYY-MM'), the interim
 * report after August (delårsrapport) or the year's report ('YYYY', verksamhetsberättelse).
 * Indicators with target, outcome, status and its explanation; goals; deviations; volumes and the
 * operating budget against plan with forecast and deviation; activities; the period's analyses.
 * Statuses, forecasts and deviations come from the domain (status.ts, forecast-plan.ts,
 * deviations.ts), the same functions the web app shows.
 */
import { findDeviations } from '../domain/deviations.ts';
import { forecastPlan } from '../domain/forecast-plan.ts';
import { formatPeriod, formatYearRange, monthName } from '../domain/format.ts';
import { isMonthPeriod, monthOf, monthPeriod, yearOf } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import { statusWord } from '../domain/status-band.ts';
import { scorecard } from '../domain/status.ts';
import { StyrkortError } from '../domain/errors.ts';
import { activityTable, analysisBlocks, budgetTable, deviationTable, goalTable, indicatorTable, volumeTables } from './report-sections.ts';
import { withUniqueIds, type Block, type DocumentView } from './view-model.ts';

/** What kind of report a period gives, and its title. */
export function reportTitle(period: string): string {
  const year = yearOf(period);
  const month = monthOf(period);
  if (month === null) return `Verksamhetsberättelse ${year}`;
  if (month === 8) return `Delårsrapport januari–augusti ${year}`;
  return `Månadsuppföljning ${monthName(month)} ${year}`;
}

/** Builds the follow-up report of a plan for a period ('YYYY' or 'YYYY-MM'). */
export function buildReportDocument(plan: PlanFile, options: { period: string }): DocumentView {
  const { period } = options;
  if (!/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period)) throw new StyrkortError('validation', `Perioden "${period}" anges som ÅÅÅÅ eller ÅÅÅÅ-MM, t.ex. 2017-08`);
  const card = scorecard(plan, { period });
  const deviations = findDeviations(plan, { period });
  const forecast = forecastPlan(plan, { asOf: isMonthPeriod(period) ? period : monthPeriod(yearOf(period), 12) });
  const owner = plan.organisation.find((node) => node.key === plan.plan.ownerNode)?.name ?? '';
  const title = reportTitle(period);

  const sections: Array<[string, string, Block[]]> = [
    ['sammanfattning', 'Sammanfattning', [{ kind: 'text', content: summary(card, deviations.deviations.length).map((text) => ({ kind: 'paragraph', runs: [{ text }] })) }]],
    ['styrtal', 'Styrtal', indicatorTable(card)],
    ['mal', 'Mål', goalTable(card)],
    ['avvikelser', 'Avvikelser', deviationTable(deviations)],
    ['volymer', 'Volymer', volumeTables(plan, period, deviations)],
    ['driftbudget', 'Driftbudget och prognos', budgetTable(plan, forecast, deviations)],
    ['aktiviteter', 'Aktiviteter', activityTable(plan)],
    ['analyser', 'Analyser', analysisBlocks(plan, period)],
  ];
  const blocks: Block[] = withUniqueIds(
    sections
      .filter(([, , content]) => content.length > 0)
      .flatMap(([id, heading, content]) => [{ kind: 'heading' as const, id, text: heading, level: 1, toc: true }, ...content.map((block) => (block.kind === 'heading' ? { ...block, level: 2 } : block))]),
  );

  return {
    lang: 'sv-SE',
    title: `${title} – ${plan.plan.title}${plan.plan.title.includes(owner) ? '' : ` – ${owner}`}`,
    author: plan.municipality.name,
    subject: `Uppföljning ${formatPeriod(period)} av ${plan.plan.title}`,
    keywords: ['uppföljning', formatPeriod(period), plan.municipality.name, owner].filter(Boolean),
    letterhead: plan.plan.letterhead.length > 0 ? plan.plan.letterhead : [plan.municipality.name.toUpperCase()],
    footer: plan.municipality.name,
    filename: `${plan.plan.key}-uppfoljning-${period}`,
    titlePage: {
      municipality: plan.municipality.name,
      organisation: owner,
      title,
      subtitle: plan.plan.title,
      period: `Uppföljningsperiod: ${isMonthPeriod(period) ? `januari–${monthName(monthOf(period)!)} ${yearOf(period)}` : String(period)}`,
      status: `Uppföljning av planen för ${formatYearRange(plan.plan.periodStart, plan.plan.periodEnd)}`,
    },
    toc: blocks.flatMap((block) => (block.kind === 'heading' && block.toc ? [{ id: block.id, text: block.text, level: block.level }] : [])),
    blocks,
    newPagePerSection: false,
    colophon: `Rapporten är skapad med Styrkort ur planens data (${plan.plan.key}) för ${formatPeriod(period)}. Status: ${card.ruleText}.`,
  };
}

const plural = { green: 'gröna', yellow: 'gula', red: 'röda', 'not-measured': 'inte mätta' } as const;

function summary(card: ReturnType<typeof scorecard>, deviationCount: number): string[] {
  const lines: string[] = [];
  if (card.indicators.length > 0) {
    const counts = (['green', 'yellow', 'red', 'not-measured'] as const)
      .map((status) => ({ status, n: card.indicators.filter((indicator) => indicator.status === status).length }))
      .filter(({ n }) => n > 0)
      .map(({ status, n }) => `${n} ${n === 1 ? statusWord(status) : plural[status]}`);
    lines.push(`${card.indicators.length} styrtal följs upp för ${formatPeriod(card.period)}: ${counts.join(', ')}.`);
  } else {
    lines.push('Planen har inga styrtal att följa upp.');
  }
  lines.push(deviationCount === 0 ? 'Inga avvikelser utöver toleranserna.' : `${deviationCount} ${deviationCount === 1 ? 'avvikelse' : 'avvikelser'} utöver toleranserna, se Avvikelser.`);
  return lines;
}
