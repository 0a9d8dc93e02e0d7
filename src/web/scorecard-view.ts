/**
 * What the scorecard page shows, built by a pure function from a plan and a period: perspectives,
 * the municipal goals in each with their indicators and statuses, and the committee goals beneath
 * them. Status and explanations come from the domain's scorecard() (src/domain/status.ts), the
 * same function the documents and the CLI use.
 */
import { isInSubtree } from '../domain/access.ts';
import { figureValue } from '../domain/figure.ts';
import { assessmentSummary, type GoalAssessment } from '../domain/goal-assessment.ts';
import { contributionSentence } from '../domain/goal-links.ts';
import { withMeasureOutcomes } from '../domain/measures.ts';
import { comparePeriods, periodBegunBy, yearOf } from '../domain/period.ts';
import type { Breakdown, Goal, Indicator, PlanFile } from '../domain/plan.ts';
import { allStatuses } from '../domain/status-band.ts';
import { statusLegend, type LegendEntry } from '../domain/status-rule.ts';
import { scorecard, type GoalStatus, type IndicatorStatus, type Status, type StatusRule } from '../domain/status.ts';

export interface TrendPoint {
  period: string;
  text: string;
  value: number;
}

export interface IndicatorView {
  indicator: Indicator;
  status: IndicatorStatus;
  /** The most recent outcome up to and including the period, as printed, with its breakdown (kön, regi, ålder). */
  latest: { period: string; text: string; breakdown?: Breakdown[] } | null;
  /** Numeric outcomes up to the period, oldest first. */
  trend: TrendPoint[];
  /** The plan's own letter of the period's target ("A)", as Kungsör prints it), printed before it. */
  targetLabel?: string;
  /** The measure the indicator refers to (its outcomes come from it), by the name the municipality gives it. */
  measure?: { key: string; name: string };
  /** The plan's status rule, so the indicator's history is judged as the scorecard is. */
  rule?: StatusRule;
}

export interface GoalView {
  goal: Goal;
  /** Rolled up from indicators and sub-goals; null when nothing below it is followed up. */
  status: GoalStatus | null;
  /** The goal's assessment (måluppfyllelse) for the period, where the plan assesses its goals. */
  assessment?: GoalAssessment;
  /** "Bidrar till mål 1:2 (indirekt).": the goals above it the goal contributes to besides its parent. */
  contributions: string | null;
  /** The goal's analyses for the period (rich text), as written. */
  analyses: Array<{ text: string; author?: string }>;
  indicators: IndicatorView[];
  subgoals: GoalView[];
}

export interface PerspectiveView {
  number: number | null;
  name: string | null;
  /** The plan prints the perspective's number ("1 Medborgare"). */
  numbered: boolean;
  goals: GoalView[];
}

export interface ScorecardView {
  period: string;
  /** Periods one may choose: the plan's years and every year with a target or an outcome. */
  periods: string[];
  ruleText: string;
  /** What each status means under the plan's rule, with the statuses without a judgement that occur. */
  legend: LegendEntry[];
  perspectives: PerspectiveView[];
  /** Indicators that belong to no goal of the plan. */
  unattached: IndicatorView[];
  counts: Record<Status, number>;
  /** One sentence per kind where the plan assesses its goals: "Av 23 bedömda mål är 21 uppfyllda." */
  assessmentSummary: string[];
}

/** The years the scorecard can be shown for, oldest first. */
export function scorecardPeriods(planFile: PlanFile): string[] {
  const plan = withMeasureOutcomes(planFile);
  const years = new Set<number>();
  for (let year = plan.plan.periodStart; year <= plan.plan.periodEnd; year += 1) years.add(year);
  for (const indicator of plan.indicators) {
    for (const target of indicator.targets) years.add(target.year);
    for (const actual of indicator.actuals) years.add(yearOf(actual.period));
  }
  return [...years].sort((a, b) => a - b).map(String);
}

/**
 * The period shown when none is asked for: the latest year of the plan period that has begun and
 * has a target or an outcome; else the plan's first year.
 */
export function defaultPeriod(planFile: PlanFile, today: Date): string {
  // Outcomes of indicators that refer to a measure come from the measure (domain/measures.ts).
  const plan = withMeasureOutcomes(planFile);
  const current = today.getFullYear();
  const followed = (year: number) => plan.indicators.some((i) => i.targets.some((t) => t.year === year) || i.actuals.some((a) => yearOf(a.period) === year));
  for (let year = Math.min(plan.plan.periodEnd, current); year >= plan.plan.periodStart; year -= 1) {
    if (followed(year)) return String(year);
  }
  return String(plan.plan.periodStart);
}

/** Whether an outcome's period is not after the period shown: a month counts in its year. */
function notAfter(actualPeriod: string, period: string): boolean {
  return periodBegunBy(actualPeriod, period);
}

function latestActual(indicator: Indicator, period: string): IndicatorView['latest'] {
  const upTo = indicator.actuals.filter((actual) => notAfter(actual.period, period) && actual.text.trim() !== '' && actual.text.trim() !== '-');
  const latest = upTo.sort((a, b) => comparePeriods(a.period, b.period)).at(-1);
  if (!latest) return null;
  return latest.breakdown ? { period: latest.period, text: latest.text, breakdown: latest.breakdown } : { period: latest.period, text: latest.text };
}

function trendOf(indicator: Indicator, period: string): TrendPoint[] {
  return indicator.actuals
    .filter((actual) => notAfter(actual.period, period))
    .map((actual) => ({ period: actual.period, text: actual.text, value: figureValue(actual.text) }))
    .filter((point): point is { period: string; text: string; value: NonNullable<typeof point.value> } => point.value !== null)
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((point) => ({ period: point.period, text: point.text, value: point.value.toNumber() }));
}

function targetLabelOf(indicator: Indicator, period: string): { targetLabel?: string } {
  const label = indicator.targets.find((target) => target.year === yearOf(period))?.label;
  return label ? { targetLabel: label } : {};
}

/** The scorecard of a plan for a period ('YYYY' or 'YYYY-MM'), laid out for the page. */
export function buildScorecardView(planFile: PlanFile, period: string): ScorecardView {
  // The history and latest outcome follow a measure across plans and years, as the status does.
  const plan = withMeasureOutcomes(planFile);
  const card = scorecard(plan, { period });
  const assessmentOf = new Map((card.assessments ?? []).map((assessment) => [assessment.goalKey, assessment]));
  const statusOf = new Map(card.indicators.map((status) => [status.indicatorKey, status]));
  const goalStatusOf = new Map(card.goals.map((status) => [status.goalKey, status]));
  const goalKeys = new Set(plan.goals.map((goal) => goal.key));
  const rule = plan.plan.statusRule;
  const measureOf = new Map((plan.measures ?? []).map((measure) => [measure.key, { key: measure.key, name: measure.name }]));
  const goalOf = new Map(plan.goals.map((goal) => [goal.key, goal]));
  const indicatorView = (indicator: Indicator): IndicatorView => ({
    indicator,
    status: statusOf.get(indicator.key)!,
    latest: latestActual(indicator, period),
    trend: trendOf(indicator, period),
    ...targetLabelOf(indicator, period),
    ...(indicator.measure && measureOf.has(indicator.measure) ? { measure: measureOf.get(indicator.measure)! } : {}),
    ...(rule ? { rule } : {}),
  });
  const goalView = (goal: Goal, path: Set<string>): GoalView => ({
    goal,
    status: goalStatusOf.get(goal.key) ?? null,
    ...(assessmentOf.has(goal.key) ? { assessment: assessmentOf.get(goal.key)! } : {}),
    contributions: contributionSentence(goal, goalOf),
    analyses: plan.analyses
      .filter((analysis) => analysis.subject === goal.key && analysis.period === period)
      .map((analysis) => (analysis.author ? { text: analysis.text, author: analysis.author } : { text: analysis.text })),
    indicators: plan.indicators.filter((indicator) => indicator.goal === goal.key).map(indicatorView),
    subgoals: plan.goals.filter((child) => child.parent === goal.key && !path.has(child.key)).map((child) => goalView(child, new Set([...path, goal.key]))),
  });
  const topGoals = plan.goals.filter((goal) => goal.parent === null || !goalKeys.has(goal.parent)).map((goal) => goalView(goal, new Set()));
  const perspectives: PerspectiveView[] = plan.perspectives
    .map((p) => ({ number: p.number, name: p.name, numbered: p.numbered === true, goals: topGoals.filter((view) => view.goal.perspective === p.number) }))
    .filter((p) => p.goals.length > 0);
  const placed = new Set(perspectives.map((p) => p.number));
  const others = topGoals.filter((view) => view.goal.perspective === undefined || !placed.has(view.goal.perspective));
  if (others.length > 0) perspectives.push({ number: null, name: null, numbered: false, goals: others });
  const counts = countStatuses(card.indicators.map((status) => status.status));
  return {
    period,
    periods: scorecardPeriods(plan),
    ruleText: card.ruleText,
    legend: statusLegend(rule, card.indicators.map((status) => status.status)),
    perspectives,
    unattached: plan.indicators.filter((indicator) => indicator.goal === null || !goalKeys.has(indicator.goal)).map(indicatorView),
    counts,
    assessmentSummary: card.assessments ? assessmentSummary(card.assessments) : [],
  };
}

/* ---------- Filter by organisation node (enhet) ---------- */

/** One choice of the organisation filter: a node of the plan, with its depth for indenting. */
export interface OrganisationOption {
  key: string;
  name: string;
  depth: number;
}

/** The plan's organisation nodes in tree order (each node followed by its children), with depth. */
export function organisationOptions(plan: Pick<PlanFile, 'organisation'>): OrganisationOption[] {
  const keys = new Set(plan.organisation.map((node) => node.key));
  const options: OrganisationOption[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    for (const node of plan.organisation) {
      const isChild = parent === null ? node.parent === null || !keys.has(node.parent) : node.parent === parent;
      if (!isChild || seen.has(node.key)) continue;
      seen.add(node.key);
      options.push({ key: node.key, name: node.name, depth });
      visit(node.key, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}

/** The node a goal belongs to: its own node; a municipal goal the top of the tree; else the plan's owner. */
export function goalNode(plan: PlanFile, goal: Goal): string {
  if (goal.node) return goal.node;
  const root = plan.organisation.find((node) => node.parent === null)?.key;
  return goal.level === 'municipal' && root ? root : plan.plan.ownerNode;
}

/**
 * The node an indicator belongs to: the node its "Gäller" names (key, short name or name, as
 * "SN"); "Samtliga" (all committees) and the like the top of the tree; without one, its goal's node.
 */
export function indicatorNode(plan: PlanFile, indicator: Indicator): string {
  const applies = indicator.appliesTo?.trim().toLocaleLowerCase('sv');
  if (applies) {
    const named = plan.organisation.find((node) => [node.key, node.shortName, node.name].some((name) => name?.toLocaleLowerCase('sv') === applies));
    if (named) return named.key;
    const root = plan.organisation.find((node) => node.parent === null)?.key;
    if (root) return root;
  }
  const goal = plan.goals.find((g) => g.key === indicator.goal);
  return goal ? goalNode(plan, goal) : plan.plan.ownerNode;
}

export interface FilteredScorecard {
  view: ScorecardView;
  /** Indicators shown and in the plan. */
  shown: number;
  total: number;
}

/**
 * The scorecard narrowed to a node's subtree: indicators whose node lies in it, and goals whose
 * node lies in it or that hold such an indicator or goal below them (shown as the context).
 * Status counts are recounted for what is shown.
 */
export function filterScorecardView(plan: PlanFile, view: ScorecardView, nodeKey: string | null): FilteredScorecard {
  const total = plan.indicators.length;
  if (!nodeKey) return { view, shown: total, total };
  const parents = new Map(plan.organisation.map((node) => [node.key, node.parent]));
  const inside = (key: string) => isInSubtree(parents, nodeKey, key);
  const keepIndicator = (row: IndicatorView) => inside(indicatorNode(plan, row.indicator));
  const keepGoal = (goal: GoalView): GoalView | null => {
    const indicators = goal.indicators.filter(keepIndicator);
    const subgoals = goal.subgoals.map(keepGoal).filter((child): child is GoalView => child !== null);
    if (!inside(goalNode(plan, goal.goal)) && indicators.length === 0 && subgoals.length === 0) return null;
    return { ...goal, indicators, subgoals };
  };
  const perspectives = view.perspectives
    .map((p) => ({ ...p, goals: p.goals.map(keepGoal).filter((goal): goal is GoalView => goal !== null) }))
    .filter((p) => p.goals.length > 0);
  const unattached = view.unattached.filter(keepIndicator);
  const shownRows = [...perspectives.flatMap((p) => p.goals.flatMap(indicatorsBelow)), ...unattached];
  const counts = countStatuses(shownRows.map((row) => row.status.status));
  return { view: { ...view, perspectives, unattached, counts }, shown: shownRows.length, total };
}

/** How many indicators have each status; every status is a key, most are 0. */
export function countStatuses(statuses: readonly Status[]): Record<Status, number> {
  const counts = Object.fromEntries(allStatuses.map((status) => [status, 0])) as Record<Status, number>;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

function indicatorsBelow(goal: GoalView): IndicatorView[] {
  return [...goal.indicators, ...goal.subgoals.flatMap(indicatorsBelow)];
}
