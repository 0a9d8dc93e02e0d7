/**
 * A goal's assessment for a period (måluppfyllelse): computed from its indicators by the plan's
 * rules (the status rule judges each indicator, the roll-up rule the goal), or set by hand with a
 * justification; a comment written without a status is kept beside the computed assessment. The
 * plan's scale says what the outcomes are called: uppfyllt / delvis uppfyllt / ej uppfyllt, or
 * ja / nej (docs/goals.md).
 */
import type { Goal, GoalAssessmentEntry, GoalAssessmentScale, PlanFile } from './plan.ts';
import type { GoalAssessmentStatus, GoalKind } from './plan-follow-up.ts';
import type { Status } from './status-band.ts';
import { rollUp } from './status-rollup.ts';

/** What an assessment reads of an indicator's status (status.ts's IndicatorStatus has more). */
interface IndicatorJudgement {
  goalKey: string | null;
  number: string;
  name: string;
  status: Status;
}

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
 * Every goal's assessment for the scorecard's period, in plan order: computed by the plan's
 * roll-up rule from the goal's own indicators and the assessments of the goals below it (its
 * children and direct contributions, so an assessment set by hand below counts above: Nynäshamn's
 * målområde follows its goal judged "delvis"), or set by hand. Goals with nothing to assess from
 * and nothing written for the period are left out.
 */
export function assessGoals(plan: PlanFile, card: { period: string; indicators: IndicatorJudgement[] }): GoalAssessment[] {
  const scale = plan.plan.goalAssessment;
  const done = new Map<string, GoalAssessment | null>();
  const assess = (goal: Goal, path: ReadonlySet<string>): GoalAssessment | null => {
    if (done.has(goal.key)) return done.get(goal.key)!;
    if (path.has(goal.key)) return null; // a cycle: validation reports it
    const below = plan.goals
      .filter((child) => child.parent === goal.key || child.contributesTo?.some((link) => link.goal === goal.key && link.link === 'direct'))
      .map((child) => assess(child, new Set([...path, goal.key])))
      .filter((child): child is GoalAssessment => child !== null);
    const own = card.indicators.filter((indicator) => indicator.goalKey === goal.key);
    const entry = goal.assessments?.find((candidate) => candidate.period === card.period);
    const from = computeFrom(plan, own, below, scale);
    const result = from || entry ? build(goal, card.period, entry, from, scale) : null;
    done.set(goal.key, result);
    return result;
  };
  return plan.goals.map((goal) => assess(goal, new Set())).filter((assessment): assessment is GoalAssessment => assessment !== null);
}

interface Computed {
  status: GoalAssessmentStatus | null;
  explanation: string;
}

function computeFrom(plan: PlanFile, own: IndicatorJudgement[], below: GoalAssessment[], scale: GoalAssessmentScale | undefined): Computed | null {
  if (own.length === 0 && below.length === 0) return null;
  const members = [
    ...own.map((indicator) => ({ label: indicator.number || `"${shorten(indicator.name)}"`, status: indicator.status })),
    ...below.map((child) => ({ label: child.number ?? `"${shorten(child.text)}"`, status: statusOfAssessment(child.status) })),
  ];
  const { status, explanation } = rollUp(plan.plan.statusRollup, members);
  const from = own.length > 0 && below.length > 0 ? 'styrtalen och delmålen' : own.length > 0 ? 'styrtalen' : 'delmålen';
  return { status: assessmentOfStatus(status, scale), explanation: `Beräknad av ${from}: ${explanation}` };
}

function build(goal: Goal, period: string, entry: GoalAssessmentEntry | undefined, computed: Computed | null, scale: GoalAssessmentScale | undefined): GoalAssessment {
  const base = { goalKey: goal.key, number: goal.number ?? null, text: goal.text, kind: goal.kind ?? 'goal', period };
  return { ...base, ...decide(entry, computed, scale), ...extras(entry) };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39).trimEnd()}…` : text;
}

function decide(entry: GoalAssessmentEntry | undefined, computed: Computed | null, scale: GoalAssessmentScale | undefined) {
  if (entry?.status !== undefined) {
    const why = entry.justification?.trim() || 'se kommentaren';
    const differs = computed && computed.status !== entry.status ? ` (beräknat: ${assessmentLabel(scale, computed.status).toLowerCase()})` : '';
    return { status: entry.status, label: assessmentLabel(scale, entry.status), manual: true, computed: computed?.status ?? null, explanation: `Bedömd för hand${differs}: ${why}` };
  }
  if (!computed) return { status: null, label: assessmentLabel(scale, null), manual: false, explanation: 'Ingen bedömning för perioden, bara en kommentar' };
  return { status: computed.status, label: assessmentLabel(scale, computed.status), manual: false, explanation: computed.explanation };
}

function extras(entry: GoalAssessmentEntry | undefined): Pick<GoalAssessment, 'comment' | 'author'> {
  const out: Pick<GoalAssessment, 'comment' | 'author'> = {};
  if (entry?.comment?.trim()) out.comment = entry.comment;
  if (entry?.author) out.author = entry.author;
  return out;
}

/** Per kind (mål, uppdrag, prioriterat område): how many are assessed and how many fulfilled, for a summary line. */
export function assessmentCounts(assessments: readonly GoalAssessment[]): Array<{ kind: GoalKind; total: number; assessed: number; fulfilled: number }> {
  const kinds: GoalKind[] = ['goal', 'assignment', 'priority-area'];
  return kinds
    .map((kind) => {
      const of = assessments.filter((assessment) => assessment.kind === kind);
      return { kind, total: of.length, assessed: of.filter((a) => a.status !== null).length, fulfilled: of.filter((a) => a.status === 'fulfilled').length };
    })
    .filter((count) => count.total > 0);
}

const KIND_NOUNS: Record<GoalKind, string> = { goal: 'mål', assignment: 'uppdrag', 'priority-area': 'prioriterade områden' };

/**
 * One sentence per kind, as Västervik's annual report sums up: "Av 23 bedömda mål är 21 uppfyllda."
 * (with how many are not assessed), for the report and the scorecard.
 */
export function assessmentSummary(assessments: readonly GoalAssessment[]): string[] {
  return assessmentCounts(assessments).map((count) => {
    const notAssessed = count.total - count.assessed;
    const rest = notAssessed > 0 ? ` (${notAssessed} inte ${notAssessed === 1 ? 'bedömd' : 'bedömda'})` : '';
    return `Av ${count.assessed} bedömda ${KIND_NOUNS[count.kind]} är ${count.fulfilled} ${count.fulfilled === 1 ? 'uppfyllt' : 'uppfyllda'}${rest}.`;
  });
}

/** What is written for a period: a status set by hand and why, a comment; empty fields are left out. */
export type AssessmentInput = Omit<GoalAssessmentEntry, 'period'>;

/**
 * The goal with its assessment for `period` replaced by `input` (nothing written: removed), its
 * other periods and everything else untouched: what the web's assessment editor saves.
 */
export function withAssessmentFor(goal: Goal, period: string, input: AssessmentInput): Goal {
  const entry: GoalAssessmentEntry = { period };
  if (input.status) entry.status = input.status;
  if (input.justification?.trim()) entry.justification = input.justification.trim();
  if (input.comment?.trim()) entry.comment = input.comment;
  if (input.author && (entry.status || entry.justification || entry.comment)) entry.author = input.author;
  const written = entry.status !== undefined || entry.justification !== undefined || entry.comment !== undefined;
  const current = goal.assessments ?? [];
  // In place where the period had one, so the plan file keeps its order; a new period last.
  const assessments = current.some((candidate) => candidate.period === period)
    ? current.flatMap((candidate) => (candidate.period !== period ? [candidate] : written ? [entry] : []))
    : [...current, ...(written ? [entry] : [])];
  const { assessments: _old, ...rest } = goal;
  return assessments.length > 0 ? { ...rest, assessments } : rest;
}
