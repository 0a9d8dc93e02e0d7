/**
 * A follow-up report as a document view model: a monthly follow-up ('YYYY-MM'), the interim
 * report after August (delårsrapport), the year's report ('YYYY', verksamhetsberättelse) or the
 * follow-up of a half-year, tertial or quarter ('2025-T2'), each as of the period's last month.
 * Indicators with target, outcome, status and its explanation; goals; deviations; volumes and the
 * operating budget against plan with forecast and deviation; activities; the period's analyses.
 * Statuses, forecasts and deviations come from the domain (status.ts, forecast-plan.ts,
 * deviations.ts), the same functions the web app shows.
 */
import { findDeviations } from '../domain/deviations.ts';
import { forecastPlan } from '../domain/forecast-plan.ts';
import { formatPeriod, formatYearRange, monthName } from '../domain/format.ts';
import { describePeriod, firstMonth, isMonthPeriod, isYearPeriod, lastMonth, monthOf, periodProblem, yearOf } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import { statusCounts } from '../domain/status-band.ts';
import { scorecard } from '../domain/status.ts';
import { StyrkortError } from '../domain/errors.ts';
import type { ReferenceLookup } from '../domain/status-context.ts';
import { koladaComparisonBlocks, type KoladaReportRow } from './kolada-section.ts';
import { assessmentSummary } from '../domain/goal-assessment.ts';
import { activityTable, analysisBlocks, budgetTable, deviationTable, goalTable, indicatorTable, volumeTables } from './report-sections.ts';
import { withUniqueIds, type Block, type DocumentView } from './view-model.ts';

/** What kind of report a period gives, and its title. */
export function reportTitle(period: string): string {
  const year = yearOf(period);
  const month = monthOf(period);
  if (isYearPeriod(period)) return `Verksamhetsberättelse ${year}`;
  if (month === null) return `Uppföljning ${describePeriod(period)}`;
  if (month === 8) return `Delårsrapport januari–augusti ${year}`;
  return `Månadsuppföljning ${monthName(month)} ${year}`;
}

/** Kolada in a report: the linked measures' comparisons, and reference values for targets against the group or the country. */
export interface KoladaReport {
  rows: KoladaReportRow[];
  references?: ReferenceLookup;
}

/** Builds the follow-up report of a plan for a period of any kind ('2017', '2017-08', '2025-T2'). */
export function buildReportDocument(plan: PlanFile, options: { period: string; kolada?: KoladaReport }): DocumentView {
  const { period } = options;
  const problem = periodProblem(period);
  if (problem) throw new StyrkortError('validation', `${problem}, t.ex. 2017-08`);
  const references = options.kolada?.references;
  const card = scorecard(plan, { period, ...(references ? { references } : {}) });
  const deviations = findDeviations(plan, { period });
  const forecast = forecastPlan(plan, { asOf: lastMonth(period) });
  const owner = plan.organisation.find((node) => node.key === plan.plan.ownerNode)?.name ?? '';
  const title = reportTitle(period);

  const sections: Array<[string, string, Block[]]> = [
    ['sammanfattning', 'Sammanfattning', [{ kind: 'text', content: summary(card, deviations.deviations.length).map((text) => ({ kind: 'paragraph', runs: [{ text }] })) }]],
    ['styrtal', 'Styrtal', indicatorTable(card)],
    ['mal', 'Mål', goalTable(card, plan.plan.goalAssessment)],
    ['avvikelser', 'Avvikelser', deviationTable(deviations)],
    ['volymer', 'Volymer', volumeTables(plan, period, deviations)],
    ['jamforelse', 'Jämförelse med andra kommuner', koladaComparisonBlocks(options.kolada?.rows ?? [])],
    ['driftbudget', 'Driftbudget och prognos', budgetTable(plan, forecast, deviations, period)],
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
    // A running header only where the plan has one: no municipality name is invented for it.
    letterhead: plan.plan.letterhead,
    footer: plan.municipality.name,
    filename: `${plan.plan.key}-uppfoljning-${period}`,
    titlePage: {
      municipality: plan.municipality.name,
      organisation: owner,
      title,
      subtitle: plan.plan.title,
      period: `Uppföljningsperiod: ${followUpSpan(period)}`,
      status: `Uppföljning av planen för ${formatYearRange(plan.plan.periodStart, plan.plan.periodEnd)}`,
    },
    toc: blocks.flatMap((block) => (block.kind === 'heading' && block.toc ? [{ id: block.id, text: block.text, level: block.level }] : [])),
    blocks,
    newPagePerSection: false,
    colophon: `Rapporten är skapad med Styrkort ur planens data (${plan.plan.key}) för ${formatPeriod(period)}. Status: ${card.ruleText}.`,
  };
}

/** The months a report covers, in words: "januari–augusti 2017" for a month (the year so far), "maj–augusti 2025" for a tertial, "2017" for a year. */
function followUpSpan(period: string): string {
  if (isYearPeriod(period)) return period;
  const from = isMonthPeriod(period) ? 1 : monthOf(firstMonth(period))!;
  return `${monthName(from)}–${monthName(monthOf(lastMonth(period))!)} ${yearOf(period)}`;
}

function summary(card: ReturnType<typeof scorecard>, deviationCount: number): string[] {
  const lines: string[] = [];
  if (card.indicators.length > 0) {
    const counts = statusCounts(card.indicators.map((indicator) => indicator.status));
    lines.push(`${card.indicators.length} styrtal följs upp för ${formatPeriod(card.period)}: ${counts}.`);
  } else {
    lines.push('Planen har inga styrtal att följa upp.');
  }
  lines.push(deviationCount === 0 ? 'Inga avvikelser utöver toleranserna.' : `${deviationCount} ${deviationCount === 1 ? 'avvikelse' : 'avvikelser'} utöver toleranserna, se Avvikelser.`);
  // Goals, assignments and prioritised areas counted apart, as Västervik's annual report does.
  if (card.assessments) lines.push(...assessmentSummary(card.assessments));
  return lines;
}

