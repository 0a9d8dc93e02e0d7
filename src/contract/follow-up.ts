/**
 * The follow-up responses of the API — scorecard, year-end forecasts (with their backtest),
 * deviations, year values from months, plan comparison — as schemas shared by the server
 * (response validation, the OpenAPI document) and the web app (its types, by z.infer). Each is
 * tied to the domain type its presenter returns as JSON (`Wire`), both ways: a field added in the
 * domain and not here fails the type check instead of silently leaving the response.
 */
import { z } from 'zod';
import type { DeviationList as DomainDeviationList } from '../domain/deviations.ts';
import { forecastMethods } from '../domain/forecast.ts';
import type { BacktestRow as DomainBacktestRow, BacktestSummary as DomainBacktestSummary, PlanForecast as DomainPlanForecast } from '../domain/forecast-plan.ts';
import type { PlanDiff as DomainPlanDiff } from '../domain/plan-diff.ts';
import { BudgetTable, Column, Goal, PlanHead, StatusRule, volumeKinds, VolumeRow, budgetLines } from '../domain/plan.ts';
import { allStatuses } from '../domain/status-band.ts';
import type { GoalAssessment as DomainGoalAssessment } from '../domain/goal-assessment.ts';
import { goalAssessmentStatuses, goalKinds } from '../domain/plan-follow-up.ts';
import type { Scorecard as DomainScorecard } from '../domain/status.ts';
import type { Target } from '../domain/target.ts';
import type { VolumeYearComparison as DomainVolumeYearComparison } from '../domain/volume-aggregation.ts';
import { sameShape, type Exactly, type Wire } from './shape.ts';

/** An exact amount as its text ("-68851.5"): Decimal values travel as strings, never as floats. */
const amount = z.string().describe('exakt belopp som text, t.ex. "-68851.5"');
const status = z.enum(allStatuses);
// The target grammar grows with the plans it reads (domain/target): its kinds are the domain's, checked as text here.
const targetKind = z.custom<Target['kind']>((value) => typeof value === 'string').describe('målvärdets slag (domain/target)');

const PartStatus = z.object({ label: z.string(), target: z.string(), actual: z.string().nullable(), status, explanation: z.string() });

export const IndicatorStatus = z.object({
  indicatorKey: z.string(),
  number: z.string(),
  name: z.string(),
  goalKey: z.string().nullable(),
  period: z.string(),
  target: z.string().nullable(),
  targetKind: targetKind.nullable(),
  actual: z.string().nullable(),
  status,
  explanation: z.string(),
  manual: z.boolean(),
  computed: status.optional(),
  justification: z.string().optional(),
  parts: z.array(PartStatus).optional(),
});

export const GoalStatus = z.object({
  goalKey: z.string(),
  number: z.string().nullable(),
  level: Goal.shape.level,
  text: z.string(),
  status,
  explanation: z.string(),
  indicators: z.array(IndicatorStatus),
  subgoals: z.array(z.string()),
});

/** A goal's assessment (måluppfyllelse) in the plan's words (domain/goal-assessment.ts). */
export const GoalAssessment = z.object({
  goalKey: z.string(),
  number: z.string().nullable(),
  text: z.string(),
  kind: z.enum(goalKinds),
  period: z.string(),
  status: z.enum(goalAssessmentStatuses).nullable(),
  label: z.string(),
  manual: z.boolean(),
  computed: z.enum(goalAssessmentStatuses).nullable().optional(),
  explanation: z.string(),
  comment: z.string().optional(),
  author: z.string().optional(),
});
sameShape<Exactly<z.infer<typeof GoalAssessment>, Wire<DomainGoalAssessment>>>();

export const Scorecard = z
  .object({
    planKey: z.string(),
    period: z.string(),
    statusRule: StatusRule.optional(),
    rule: PlanHead.shape.statusRollup.unwrap(),
    ruleText: z.string(),
    goals: z.array(GoalStatus),
    indicators: z.array(IndicatorStatus),
    assessments: z.array(GoalAssessment).optional(),
  })
  .describe('Styrkortet för en period');
sameShape<Exactly<z.infer<typeof Scorecard>, Wire<DomainScorecard>>>();

const aggregationKind = z.enum([...volumeKinds, 'amount']);

export const VolumeYear = z.object({
  year: z.number().int(),
  kind: aggregationKind,
  value: amount.nullable(),
  rule: z.string(),
  average: amount.nullable(),
  latest: z.object({ period: z.string(), value: amount }).nullable(),
  total: amount.nullable(),
  monthsWithValue: z.number().int(),
  missing: z.array(z.string()),
  through: z.string(),
  complete: z.boolean(),
  explanation: z.string(),
});

const method = z.enum(forecastMethods);
const MethodForecast = z.object({ method, label: z.string(), value: amount.nullable(), low: amount.nullable(), high: amount.nullable(), explanation: z.string() });
const YearEndForecast = z.object({ year: z.number().int(), asOf: z.string(), kind: aggregationKind, observed: z.number().int(), soFar: VolumeYear, methods: z.array(MethodForecast) });
const PrintedCell = z.object({ columnKey: z.string(), columnLabel: z.string(), asOf: z.string().nullable(), text: z.string(), value: amount.nullable() });

const VolumeForecast = z.object({
  tableKey: z.string(),
  rowKey: z.string(),
  measure: z.string(),
  label: z.string(),
  kind: VolumeRow.shape.kind,
  forecast: YearEndForecast,
  plan: PrintedCell.nullable(),
  outcome: VolumeYear.nullable(),
});

const BudgetForecast = z.object({
  tableKey: z.string(),
  rowKey: z.string(),
  node: z.string().nullable(),
  title: z.string(),
  line: z.enum(budgetLines),
  label: z.string(),
  unit: z.string().describe('som tryckt: tkr, mnkr …'),
  decimals: z.number().int().nullable(),
  computed: YearEndForecast.nullable(),
  entered: z.array(PrintedCell),
  budget: PrintedCell.nullable(),
  outcome: PrintedCell.nullable(),
  printedDeviation: PrintedCell.nullable().describe('avvikelsen som tabellen trycker den, bredvid den beräknade'),
  betterAbove: z.boolean().describe('true när mer än budget är bättre (intäkter, eller kostnader tryckta negativa)'),
});

const PlanForecastShape = z.object({ planKey: z.string(), asOf: z.string(), year: z.number().int(), volumes: z.array(VolumeForecast), budgets: z.array(BudgetForecast) });
sameShape<Exactly<z.infer<typeof PlanForecastShape>, Wire<DomainPlanForecast>>>();

const BacktestRow = z.object({
  tableKey: z.string(),
  rowKey: z.string(),
  label: z.string(),
  kind: VolumeRow.shape.kind,
  outcome: amount,
  results: z.array(z.object({ method, value: amount.nullable(), error: amount.nullable(), percentError: amount.nullable(), withinInterval: z.boolean().nullable() })),
});
const BacktestSummary = z.object({ method, label: z.string(), rows: z.number().int(), meanAbsoluteError: amount.nullable(), meanAbsolutePercentError: amount.nullable(), coverage: amount.nullable() });
sameShape<Exactly<z.infer<typeof BacktestRow>, Wire<DomainBacktestRow>>>();
sameShape<Exactly<z.infer<typeof BacktestSummary>, Wire<DomainBacktestSummary>>>();

/** Year-end forecasts as of a month; with backtest=true also forecasts of a complete year against its outcome. */
export const PlanForecast = PlanForecastShape.extend({
  backtest: z.object({ asOf: z.string(), rows: z.array(BacktestRow), summary: z.array(BacktestSummary) }).optional(),
}).describe('Helårsprognoser');

const Analysis = z.object({ key: z.string(), period: z.string(), subject: z.string(), text: z.string(), author: z.string().optional() });

export const Deviation = z.object({
  kind: z.enum(['indicator', 'volume', 'budget']),
  subject: z.string(),
  label: z.string(),
  line: z.enum(budgetLines).optional(),
  rowKey: z.string().optional(),
  period: z.string(),
  severity: z.enum(['red', 'yellow']),
  planned: z.string().nullable(),
  actual: z.string().nullable(),
  difference: z.string().nullable(),
  percent: z.string().nullable(),
  favourable: z.boolean().nullable(),
  explanation: z.string(),
  responsible: z.string().nullable(),
  analysis: z.object({ key: z.string(), current: Analysis.nullable(), earlier: z.array(Analysis) }),
});

export const DeviationList = z
  .object({ planKey: z.string(), period: z.string(), tolerances: z.object({ volumePercent: z.number(), budgetPercent: z.number() }), deviations: z.array(Deviation) })
  .describe('Avvikelser för en period');
sameShape<Exactly<z.infer<typeof DeviationList>, Wire<DomainDeviationList>>>();

const PrintedYearValue = z.object({ columnKey: z.string(), columnLabel: z.string(), columnKind: Column.shape.kind, text: z.string(), value: amount.nullable(), difference: amount.nullable() });

export const VolumeYearComparison = z.object({
  tableKey: z.string(),
  rowKey: z.string(),
  label: z.string(),
  kind: VolumeRow.shape.kind,
  year: z.number().int(),
  derived: VolumeYear.nullable(),
  printed: z.array(PrintedYearValue),
  explanation: z.string(),
});
sameShape<Exactly<z.infer<typeof VolumeYearComparison>, Wire<DomainVolumeYearComparison>>>();

export const VolumeYears = z
  .object({ tables: z.array(z.object({ key: z.string(), caption: z.string(), rows: z.array(VolumeYearComparison) })) })
  .describe('Årsvärden ur månadsutfall per volymtabell');

const TextChange = { before: z.string().nullable(), after: z.string().nullable() };
const FieldChange = z.object({ ...TextChange, field: z.string(), label: z.string() });
const ValueChange = z.object({ ...TextChange, period: z.string(), kind: z.string().describe('kolumnens slag: en volymkolumns, eller en ekonomisk kolumns mått'), asOf: z.string().nullable(), beforeLabel: z.string(), afterLabel: z.string() });
const changes = <R extends z.ZodType, C extends z.ZodType>(ref: R, change: C) => z.object({ added: z.array(ref), removed: z.array(ref), changed: z.array(change), unchanged: z.number().int() });

const GoalRef = z.object({ key: z.string(), number: z.string().nullable(), level: Goal.shape.level, text: z.string() });
const IndicatorRef = z.object({
  key: z.string(),
  number: z.string(),
  name: z.string(),
  targets: z.array(z.object({ year: z.number().int(), text: z.string() })),
  measure: z.string().optional().describe('måttet båda planernas styrtal hör till'),
});
const VolumeRef = z.object({ measure: z.string(), label: z.string(), kind: VolumeRow.shape.kind });
const BudgetRef = z.object({ node: z.string().nullable(), nodeName: z.string(), tableKind: BudgetTable.shape.kind, line: z.string().describe('radens nyckel: Timrås rader (income, costs, net) eller en enhets rad'), label: z.string() });
const PlanRef = z.object({ key: z.string(), title: z.string(), period: z.string() });

export const PlanDiff = z
  .object({
    from: PlanRef,
    to: PlanRef,
    goals: changes(GoalRef, GoalRef.extend({ fields: z.array(FieldChange) })),
    indicators: changes(IndicatorRef, IndicatorRef.extend({ fields: z.array(FieldChange), targetChanges: z.array(z.object({ ...TextChange, year: z.number().int() })) })),
    volumes: changes(VolumeRef, VolumeRef.extend({ fields: z.array(FieldChange), values: z.array(ValueChange) })),
    budgets: changes(BudgetRef, BudgetRef.extend({ fields: z.array(FieldChange), values: z.array(ValueChange) })),
  })
  .describe('Vad som skiljer två planer');
sameShape<Exactly<z.infer<typeof PlanDiff>, Wire<DomainPlanDiff>>>();
