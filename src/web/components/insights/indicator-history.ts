/**
 * An indicator's history against its targets (styrtalets historik), built from the plan file: per
 * year its target (a number to draw as a marker when the target is one value or a bound, else
 * words), its outcomes (the year and any months in it) and its status for the year by the domain's
 * own status rule (evaluateIndicator), so the chart says what the scorecard says.
 */
import { figureValue } from '../../../domain/figure.ts';
import { comparePeriods, yearOf } from '../../../domain/period.ts';
import type { Indicator } from '../../../domain/plan.ts';
import { evaluateIndicator, type IndicatorStatus, type StatusRule } from '../../../domain/status.ts';
import { describeTarget, parseTarget } from '../../../domain/target.ts';

export interface HistoryOutcome {
  period: string;
  /** As printed. */
  text: string;
  value: number | null;
}

export interface HistoryYear {
  year: number;
  /** The year's target as printed, its number when it has one to draw, and its meaning in words. */
  target: { text: string; value: number | null; words: string } | null;
  outcomes: HistoryOutcome[];
  /** The outcome the year is judged by: the year's own, else its latest month; null without one. */
  judged: HistoryOutcome | null;
  status: IndicatorStatus;
}

export interface IndicatorHistory {
  years: HistoryYear[];
  /** Whether anything can be drawn: a numeric outcome or a numeric target. */
  drawable: boolean;
}

const hasText = (text: string) => text.trim() !== '' && text.trim() !== '-';

function targetOf(indicator: Indicator, year: number): HistoryYear['target'] {
  const entry = indicator.targets.find((target) => target.year === year);
  if (!entry) return null;
  const parsed = parseTarget(entry.text);
  const value = parsed.kind === 'value' || parsed.kind === 'comparison' ? parsed.amount.value.toNumber() : null;
  return { text: entry.text, value, words: describeTarget(parsed) };
}

/** Every year with a target or an outcome, oldest first, judged by the plan's status rule. */
export function indicatorHistory(indicator: Indicator, rule?: StatusRule): IndicatorHistory {
  const years = new Set<number>(indicator.targets.map((target) => target.year));
  for (const actual of indicator.actuals) years.add(yearOf(actual.period));
  const list = [...years].sort((a, b) => a - b).map((year): HistoryYear => {
    const outcomes = indicator.actuals
      .filter((actual) => yearOf(actual.period) === year && hasText(actual.text))
      .map((actual) => ({ period: actual.period, text: actual.text.trim(), value: figureValue(actual.text)?.toNumber() ?? null }))
      .sort((a, b) => comparePeriods(a.period, b.period));
    const judged = outcomes.find((outcome) => outcome.period === String(year)) ?? outcomes.at(-1) ?? null;
    return { year, target: targetOf(indicator, year), outcomes, judged, status: evaluateIndicator(indicator, judged?.period ?? String(year), rule ? { rule } : {}) };
  });
  const drawable = list.some((year) => year.target?.value != null || year.outcomes.some((outcome) => outcome.value !== null));
  return { years: list, drawable };
}
