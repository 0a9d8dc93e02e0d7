/**
 * The scorecard (styrkort) of a plan for a period: every indicator's status green / yellow / red /
 * not measured, computed from its target and outcome with a one-sentence Swedish explanation, or
 * set by hand with a justification; and each goal's status rolled up by the plan's rule.
 * Pure: the web app, the documents and the CLI call the same function (docs/follow-up.md).
 */
import { StyrkortError } from './errors.ts';
import { parseFigure } from './figure.ts';
import { formatPeriod } from './format.ts';
import { comparePeriods, periodProblem, yearOf } from './period.ts';
import { assessGoals, type GoalAssessment } from './goal-assessment.ts';
import { withMeasureOutcomes } from './measures.ts';
import type { ActualEntry, Goal, Indicator, PlanFile } from './plan.ts';
import { isJudged, statusWord, type Status } from './status-band.ts';
import type { EvaluationOptions, ReferenceLookup, ReferenceQuery } from './status-context.ts';
import { evaluateTarget, notMeasured, type Evaluation } from './status-kinds.ts';
import { describeRule, rollUp, type RollupMember, type RollupRule } from './status-rollup.ts';
import type { StatusRule } from './status-rule.ts';
import type { PartStatus } from './status-tuple.ts';
import { isMachineReadable, parseTarget, type Target } from './target.ts';

export type { EvaluationOptions, PartStatus, ReferenceLookup, ReferenceQuery, RollupRule, Status, StatusRule };

export interface IndicatorStatus {
  indicatorKey: string;
  number: string;
  name: string;
  goalKey: string | null;
  period: string;
  /** The target of the period's year as printed ("80%"), or null. */
  target: string | null;
  targetKind: Target['kind'] | null;
  /** The outcome as printed ("84"), or null. */
  actual: string | null;
  status: Status;
  explanation: string;
  /** Set by hand (qualitative targets, or an override with justification). */
  manual: boolean;
  /** What the rule computed, when a manual status stands in its place. */
  computed?: Status;
  justification?: string;
  /** Tuple targets: every number evaluated on its own. */
  parts?: PartStatus[];
}

export interface GoalStatus {
  goalKey: string;
  number: string | null;
  level: Goal['level'];
  text: string;
  status: Status;
  explanation: string;
  indicators: IndicatorStatus[];
  /** Sub-goals whose status counts in this goal's: its children and the goals contributing to it directly. */
  subgoals: string[];
}

export interface Scorecard {
  planKey: string;
  period: string;
  /** The plan's status rule for indicators; absent: the tolerance rule. */
  statusRule?: StatusRule;
  rule: RollupRule;
  /** The rule in words: "sämsta status avgör". */
  ruleText: string;
  goals: GoalStatus[];
  indicators: IndicatorStatus[];
  /** Each goal's assessment (måluppfyllelse), when the plan has a scale or assessments by hand. */
  assessments?: GoalAssessment[];
}

/**
 * The scorecard of a plan for a period of any kind ('2020', '2020-08', '2025-T2'), by the plan's
 * status rule; reference values of external series come from the outcomes or from `references` (Kolada).
 */
export function scorecard(planFile: PlanFile, options: { period: string; references?: ReferenceLookup }): Scorecard {
  const { period, references } = options;
  const problem = periodProblem(period);
  if (problem) throw new StyrkortError('validation', problem);
  // Indicators that refer to a measure take their outcomes from it (domain/measures.ts).
  const plan = withMeasureOutcomes(planFile);
  const statusRule = plan.plan.statusRule;
  const evaluation: EvaluationOptions = { ...(statusRule ? { rule: statusRule } : {}), ...(references ? { references } : {}) };
  const indicators = plan.indicators.map((indicator) => evaluateIndicator(indicator, period, evaluation));
  const rule = plan.plan.statusRollup;
  const card: Scorecard = { planKey: plan.plan.key, period, rule, ruleText: describeRule(rule), goals: rollUpGoals(plan, indicators, rule), indicators };
  if (statusRule) card.statusRule = statusRule;
  // Plans without a scale and without assessments by hand (Timrå's) keep the scorecard they had.
  const assessments = assessGoals(plan, card);
  if (plan.plan.goalAssessment || assessments.some((assessment) => assessment.manual || assessment.comment !== undefined)) card.assessments = assessments;
  return card;
}

/**
 * One indicator's status for a period: the target of the period's year against the period's
 * outcome, by the plan's rule (`options.rule`, default the tolerance rule).
 */
export function evaluateIndicator(indicator: Indicator, period: string, options: EvaluationOptions = {}): IndicatorStatus {
  const targetEntry = indicator.targets.find((target) => target.year === yearOf(period)) ?? null;
  const actual = indicator.actuals.find((entry) => entry.period === period);
  const target = targetEntry ? parseTarget(targetEntry.text) : null;
  const computed = evaluate({ indicator, period, target, actual, options });
  const status: IndicatorStatus = {
    indicatorKey: indicator.key,
    number: indicator.number,
    name: indicator.name,
    goalKey: indicator.goal,
    period,
    target: targetEntry?.text ?? null,
    targetKind: target?.kind ?? null,
    actual: actual && actual.text.trim() !== '' ? actual.text : null,
    status: computed.status,
    explanation: computed.explanation,
    manual: false,
  };
  if (computed.parts) status.parts = computed.parts;
  return actual?.status ? withManualStatus(status, actual, target) : status;
}

interface Inputs {
  indicator: Indicator;
  period: string;
  target: Target | null;
  actual: ActualEntry | undefined;
  options: EvaluationOptions;
}

function evaluate({ indicator, period, target, actual, options }: Inputs): Evaluation {
  const when = formatPeriod(period);
  if (target === null) return notMeasured(`Målvärde saknas för ${yearOf(period)}`);
  const hasOutcome = actual !== undefined && parseFigure(actual.text).form !== 'missing';
  if (target.kind === 'reported') {
    return hasOutcome ? { status: 'reported', explanation: `Utfall ${actual!.text.trim()} redovisas; målvärdet har inget värde att nå` } : notMeasured(`Utfall saknas för ${when}`);
  }
  if (!isMachineReadable(target)) {
    return notMeasured(hasOutcome ? `Målvärdet bedöms för hand; bedömning saknas för ${when}` : `Målvärdet bedöms för hand; utfall och bedömning saknas för ${when}`);
  }
  if (!hasOutcome) return notMeasured(`Utfall saknas för ${when}`);
  const findActual = (other: string) => indicator.actuals.find((entry) => entry.period === other);
  return evaluateTarget({ ...options, indicator, period, target, actual: actual!, findActual });
}

function withManualStatus(status: IndicatorStatus, actual: ActualEntry, target: Target | null): IndicatorStatus {
  const manual = actual.status!;
  const justification = actual.justification?.trim() || 'motivering saknas';
  const outcome = status.actual ? ` (utfall ${status.actual})` : '';
  // A computed judgement that a manual status replaces is named; a status without one is not.
  const machineReadable = target !== null && isMachineReadable(target) && isJudged(status.status);
  const explanation = machineReadable
    ? `Satt för hand till ${statusWord(manual)}, beräknat ${statusWord(status.status)}${outcome}: ${justification}`
    : isJudged(manual)
      ? `Bedömd för hand som ${statusWord(manual)}${outcome}: ${justification}`
      : `Satt för hand: ${statusWord(manual)}${outcome}: ${justification}`;
  const result: IndicatorStatus = { ...status, status: manual, explanation, manual: true, justification };
  if (machineReadable) result.computed = status.status;
  return result;
}

/** Goals that have indicators in their subtree, in plan order, each rolled up from indicators and sub-goals. */
function rollUpGoals(plan: PlanFile, indicators: IndicatorStatus[], rule: RollupRule): GoalStatus[] {
  const rolled = new Map<string, GoalStatus | null>();
  const visit = (goal: Goal, path: Set<string>): GoalStatus | null => {
    if (rolled.has(goal.key)) return rolled.get(goal.key)!;
    if (path.has(goal.key)) return null; // a cycle in the goal tree: validation reports it elsewhere
    const own = indicators.filter((indicator) => indicator.goalKey === goal.key);
    // Its children, and the goals that contribute to it directly (an indirect contribution is shown, not counted).
    const children = plan.goals
      .filter((child) => child.parent === goal.key || child.contributesTo?.some((link) => link.goal === goal.key && link.link === 'direct'))
      .map((child) => visit(child, new Set([...path, goal.key])))
      .filter((child): child is GoalStatus => child !== null);
    if (own.length === 0 && children.length === 0) {
      rolled.set(goal.key, null);
      return null;
    }
    const members: RollupMember[] = [
      ...own.map((indicator) => ({ label: indicator.number || `"${shorten(indicator.name)}"`, status: indicator.status })),
      ...children.map((child) => ({ label: goalLabel(child), status: child.status })),
    ];
    const { status, explanation } = rollUp(rule, members);
    const result: GoalStatus = {
      goalKey: goal.key,
      number: goal.number ?? null,
      level: goal.level,
      text: goal.text,
      status,
      explanation,
      indicators: own,
      subgoals: children.map((child) => child.goalKey),
    };
    rolled.set(goal.key, result);
    return result;
  };
  return plan.goals.map((goal) => visit(goal, new Set())).filter((goal): goal is GoalStatus => goal !== null);
}

/** "mål 1:2"; a number that is a word already ("Delmål 1") as it is; an unnumbered goal by its words. */
function goalLabel(goal: GoalStatus): string {
  if (!goal.number) return `delmålet "${shorten(goal.text)}"`;
  return /^\p{L}/u.test(goal.number) ? goal.number : `mål ${goal.number}`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39).trimEnd()}…` : text;
}

/** The period a scorecard opens on: the latest period with an outcome, else the plan's first year. */
export function latestFollowUpPeriod(planFile: PlanFile): string {
  const plan = withMeasureOutcomes(planFile);
  const periods = plan.indicators.flatMap((indicator) => indicator.actuals.map((actual) => actual.period)).sort(comparePeriods);
  return periods.at(-1) ?? String(plan.plan.periodStart);
}
