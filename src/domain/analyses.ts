/**
 * The responsible's analyses (analyser) of follow-up subjects: one text per subject (indicator,
 * volume row, budget table) and period, read together with the texts of earlier periods.
 */
import { comparePeriodEnds, periodKeyPart } from './period.ts';
import type { Analysis, PlanFile } from './plan.ts';

export interface SubjectAnalyses {
  /** The key of the period's analysis, or the key to create it under. */
  key: string;
  current: Analysis | null;
  /** Analyses of the same subject for earlier periods, latest first. */
  earlier: Analysis[];
}

/** The analysis of a subject for a period and those of earlier periods (latest first). */
export function analysesFor(plan: PlanFile, subject: string, period: string): SubjectAnalyses {
  const own = plan.analyses.filter((analysis) => analysis.subject === subject);
  const current = own.find((analysis) => analysis.period === period) ?? null;
  // A year's analysis is written when the year is over: after its December, before next January.
  const earlier = own.filter((analysis) => comparePeriodEnds(analysis.period, period) < 0).sort((a, b) => comparePeriodEnds(b.period, a.period));
  return { key: current?.key ?? analysisKey(subject, period), current, earlier };
}

/** The key a new analysis of a subject for a period gets: "analys-st-1.2.1-2020-08". */
export function analysisKey(subject: string, period: string): string {
  return `analys-${subject}-${periodKeyPart(period)}`;
}
