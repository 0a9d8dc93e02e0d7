/**
 * A goal's assessment for a period (måluppfyllelse): computed from its indicators by the plan's
 * rules (the status rule judges each indicator, the roll-up rule the goal), or set by hand with a
 * justification; a comment written without a status is kept beside the computed assessment. The
 * plan's scale says what the outcomes are called: uppfyllt / delvis uppfyllt / ej uppfyllt, or
 * ja / nej (docs/goals.md).
 */
import type { GoalAssessmentEntry, GoalAssessmentScale, PlanFile } from './plan.ts';
import type { GoalAssessmentStatus, GoalKind } from './plan-follow-up.ts';
import type { Status } from './status-band.ts';
import type { GoalStatus } from './status.ts';

export interface GoalAssessment {
  goalKey: string;
  number: string | null;
  text: string;
  kind: GoalKind;
  period: string;
  /** Null: not assessed (nothing measured, no assessment by hand). */
  status: GoalAssessmentStatus | null;
  /** The outcome in the plan's words: "Uppfyllt", "Ja", "Ej bedömd". */
  label: string;
  manual: boolean;
  /** What the indicators gave, when an assessment by hand stands in its place. */
  computed?: GoalAssessmentStatus | null;
  /** One sentence: how the assessment was reached. */
  explanation: string;
  /** The responsible's comment for the period (rich text), kept whether or not it sets a status. */
  comment?: string;
  author?: string;
}

const DEFAULT_LABELS: Record<GoalAssessmentScale['scale'], Record<GoalAssessmentStatus, string>> = {
  'three-level': { fulfilled: 'Uppfyllt', 'partly-fulfilled': 'Delvis uppfyllt', 'not-fulfilled': 'Ej uppfyllt' },
  'yes-no': { fulfilled: 'Ja', 'partly-fulfilled': 'Delvis', 'not-fulfilled': 'Nej' },
};

export const NOT_ASSESSED = 'Ej bedömd';

/** What the plan calls an assessment outcome; without a scale, uppfyllt / delvis uppfyllt / ej uppfyllt. */
export function assessmentLabel(scale: GoalAssessmentScale | undefined, status: GoalAssessmentStatus | null): string {
  if (status === null) return NOT_ASSESSED;
  const labels = scale?.labels;
  const own = status === 'fulfilled' ? labels?.fulfilled : status === 'partly-fulfilled' ? labels?.partlyFulfilled : labels?.notFulfilled;
  return own ?? DEFAULT_LABELS[scale?.scale ?? 'three-level'][status];
}

/** The assessment the indicators give: green fulfilled, yellow partly (no on a yes/no scale), red not; nothing judged, none. */
export function assessmentOfStatus(status: Status, scale: GoalAssessmentScale | undefined): GoalAssessmentStatus | null {
  if (status === 'green') return 'fulfilled';
  if (status === 'yellow') return scale?.scale === 'yes-no' ? 'not-fulfilled' : 'partly-fulfilled';
  if (status === 'red') return 'not-fulfilled';
  return null;
}

/** The traffic-light status an assessment is shown with. */
export function statusOfAssessment(status: GoalAssessmentStatus | null): Status {
  return status === 'fulfilled' ? 'green' : status === 'partly-fulfilled' ? 'yellow' : status === 'not-fulfilled' ? 'red' : 'not-measured';
}

/**
 * Every goal's assessment for the scorecard's period: goals with indicators below them (the rolled-up
 * statuses of the scorecard) and goals assessed or commented by hand for the period, in plan order.
 */
export function assessGoals(plan: PlanFile, card: { period: string; goals: GoalStatus[] }): GoalAssessment[] {
  const scale = plan.plan.goalAssessment;
  const rolled = new Map(card.goals.map((goal) => [goal.goalKey, goal]));
  const out: GoalAssessment[] = [];
  for (const goal of plan.goals) {
    const status = rolled.get(goal.key);
    const entry = goal.assessments?.find((candidate) => candidate.period === card.period);
    if (!status && !entry) continue;
    const computed = status ? assessmentOfStatus(status.status, scale) : null;
    const base = { goalKey: goal.key, number: goal.number ?? null, text: goal.text, kind: goal.kind ?? 'goal', period: card.period };
    out.push({ ...base, ...decide(entry, computed, status, scale), ...extras(entry) });
  }
  return out;
}

function decide(entry: GoalAssessmentEntry | undefined, computed: GoalAssessmentStatus | null, status: GoalStatus | undefined, scale: GoalAssessmentScale | undefined) {
  if (entry?.status !== undefined) {
    const why = entry.justification?.trim() || 'se kommentaren';
    const differs = status && computed !== entry.status ? ` (styrtalen ger ${assessmentLabel(scale, computed).toLowerCase()})` : '';
    return { status: entry.status, label: assessmentLabel(scale, entry.status), manual: true, computed, explanation: `Bedömd för hand${differs}: ${why}` };
  }
  const explanation = status ? `Beräknad av styrtalen: ${status.explanation}` : 'Ingen bedömning för perioden, bara en kommentar';
  return { status: computed, label: assessmentLabel(scale, computed), manual: false, explanation };
}

function extras(entry: GoalAssessmentEntry | undefined): Pick<GoalAssessment, 'comment' | 'author'> {
  const out: Pick<GoalAssessment, 'comment' | 'author'> = {};
  if (entry?.comment?.trim()) out.comment = entry.comment;
  if (entry?.author) out.author = entry.author;
  return out;
}
