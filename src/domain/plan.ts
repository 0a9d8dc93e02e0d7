/**
 * The plan interchange format (planfil): one JSON document that holds a whole plan exactly as
 * printed. Figures are kept as their printed Swedish text ("−68 851", "5,3", "194(-9)", "-");
 * their values, periods and kinds follow from that text and from the column they stand in
 * (see domain/figure.ts), so nothing is typed twice and nothing printed is lost.
 */
import { z } from 'zod';
import { upgradePlanFile } from './economy/upgrade.ts';
import { isMoneyUnit, moneyUnitExamples } from './economy/money-unit.ts';
import { MonthField, PeriodField } from './period-field.ts';
import { budgetLines, costSigns, deviationOrders, economicBases, economicMeasures, economicRowKinds, relationAxes } from './plan-constants.ts';
import { Breakdown, GoalAssessmentEntry, GoalAssessmentScale, GoalLink, goalKinds, IndicatorColumn, Measure } from './plan-follow-up.ts';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -')
  .max(120);
const text = z.string().max(20_000);
const label = z.string().min(1, 'Får inte vara tom').max(1_000);
/** Restricted HTML: p, b, strong, i, em, u, ul, ol, li, a, br. Sanitised on import. */
const rich = z.string().max(50_000);
/** A printed cell: the text exactly as it stands in the document; "" or absent is an empty cell. */
const cell = z.string().max(200);
const year = z.number().int().min(1900).max(2200);

export const orgNodeKinds = [
  'municipality',
  'committee', // nämnd
  'administration', // förvaltning
  'office', // kontor
  'service-area', // verksamhet, verksamhetsområde
  'unit', // enhet
  'cost-centre', // budgetansvar/verksamhet i resultaträkningen
  'team',
] as const;

export const OrgNode = z
  .object({
    key,
    kind: z.enum(orgNodeKinds),
    name: label,
    shortName: z.string().max(40).optional(),
    parent: key.nullable(),
    description: rich.optional(),
  })
  .strict();

export const planStatuses = ['draft', 'submitted', 'adopted', 'archived'] as const;

export const Decision = z
  .object({
    date: z.iso.date('Datum anges som ÅÅÅÅ-MM-DD, t.ex. 2024-03-15').optional(),
    body: z.string().max(200).optional(), // beslutande organ, e.g. "Socialnämnden"
    paragraph: z.string().max(60).optional(), // e.g. "SN § 45"
    caseNumber: z.string().max(60).optional(), // diarienummer
  })
  .strict();

const percentNumber = z.string().regex(/^\d+(\.\d+)?$/, 'Anges som ett tal med punkt, t.ex. "90" eller "90.5"');

/**
 * How an indicator's status is decided (statusregel), as the plan's legend prints it. Absent:
 * the tolerance rule (docs/follow-up.md). Fulfilment bands: uppfyllelse in per cent of the target
 * (Helsingborg: 100 / 91–99 / 90 or lower); binary: uppfyllt or not (docs/targets.md).
 */
export const StatusRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tolerance') }).strict(),
  z
    .object({
      kind: z.literal('fulfilment-bands'),
      /** Green from this fulfilment (per cent of the target), yellow from the next; below it red. */
      greenFrom: percentNumber,
      yellowFrom: percentNumber,
      /** How fulfilment is rounded before it is compared with the edges. */
      rounding: z.enum(['none', 'whole-down', 'whole-half-up']),
      /** Where the legend was printed (the plan or annual report). */
      source: z.string().max(500).optional(),
    })
    .strict()
    .refine((rule) => Number(rule.yellowFrom) <= Number(rule.greenFrom), { message: 'Gul gräns får inte vara högre än grön', path: ['yellowFrom'] }),
  z.object({ kind: z.literal('binary'), source: z.string().max(500).optional() }).strict(),
]);

export const PlanHead = z
  .object({
    key,
    title: label,
    subtitle: z.string().max(500).optional(),
    ownerNode: key,
    periodStart: year,
    periodEnd: year,
    status: z.enum(planStatuses),
    decision: Decision.nullable(),
    /** Running header of the printed document, one line per entry ("TIMRÅ KOMMUN", "Socialförvaltningen"). */
    letterhead: z.array(z.string().max(200)).max(5).default([]),
    source: z.string().max(500).optional(),
    statusRollup: z.enum(['worst', 'majority', 'share']).default('worst'),
    /** Absent means the tolerance rule, so plans without a legend keep their bytes. */
    statusRule: StatusRule.optional(),
    /** How goals are assessed per period and what the plan calls the outcomes; absent: no goal assessment is printed. */
    goalAssessment: GoalAssessmentScale.optional(),
  })
  .strict();

export const OfficeHolder = z.object({ node: key, role: label, name: label }).strict();

export const VisionTheme = z
  .object({ key, name: label, motto: z.string().max(1_000).optional(), body: rich })
  .strict();

export const Vision = z
  .object({ title: label, horizon: z.string().max(40).optional(), themes: z.array(VisionTheme) })
  .strict();

export const Perspective = z
  .object({
    number: z.number().int().min(1).max(20),
    name: label,
    /** The plan prints the number with the name ("1 Medborgare"); otherwise the number is only the perspective's key. */
    numbered: z.boolean().optional(),
  })
  .strict();

export const Measurement = z
  .object({
    text, // as printed: "Mäts genom jämförelse mot föregående år i procent. Enhetschef mäter en gång per år."
    method: z.string().max(1_000).optional(),
    responsible: z.string().max(200).optional(), // a role, never a person
    frequency: z.string().max(200).optional(),
  })
  .strict();

export const Goal = z
  .object({
    key,
    level: z.enum(['municipal', 'committee', 'service-area', 'unit']),
    number: z.string().max(20).optional(), // "1:2"; committee goals are often unnumbered
    perspective: z.number().int().optional(),
    parent: key.nullable(), // the goal this one contributes to
    text: label, // the wording in force in this plan's period
    measurement: Measurement.nullable(),
    node: key.optional(), // whose goal (committee level)
    /** mål (absent), uppdrag or prioriterat område. */
    kind: z.enum(goalKinds).optional(),
    description: rich.optional(),
    /** Goals of the level above this one contributes to besides its parent, directly or indirectly. */
    contributesTo: z.array(GoalLink).max(50).optional(),
    /** The goal's assessment per period, set by hand, or a comment alone (computed ones are not stored). */
    assessments: z.array(GoalAssessmentEntry).max(200).optional(),
  })
  .strict();

/** The part of a goal that every plan showing it shares; its wording and measurement are each plan's own. */
export const SharedGoal = Goal.omit({ text: true, measurement: true });

export const TargetEntry = z
  .object({
    year,
    text: z.string().min(1).max(500),
    /** The plan's own letter or number of the target ("A", "B" before Kungsör's arbetslöshetsmål). */
    label: z.string().max(20).optional(),
  })
  .strict();
/**
 * Statuses an outcome can be given by hand (issue 6, 12): green, yellow, red, and three without a
 * judgement: 'not-measured' = ej mätt, 'no-measure' = mått fanns inte (the measure did not exist
 * yet), 'not-followed-up' = ej uppföljt (not followed up this period).
 */
export const indicatorStatuses = ['green', 'yellow', 'red', 'not-measured', 'no-measure', 'not-followed-up'] as const;

export const ActualEntry = z
  .object({
    period: PeriodField,
    text: cell,
    source: z.string().max(500).optional(),
    /**
     * The value the target compares with, as printed: the peer group's value, the base quantity,
     * the external series, or last year's value when it is not among the actuals (docs/follow-up.md).
     */
    reference: cell.optional(),
    /** A status set by hand (qualitative targets); needs a justification (motivering). */
    status: z.enum(indicatorStatuses).optional(),
    justification: z.string().max(2_000).optional(),
    /** The value by gender, provider or age band; `text` stays the total as printed. */
    breakdown: z.array(Breakdown).max(40).optional(),
  })
  .strict();

export const Indicator = z
  .object({
    key,
    number: z.string().max(20), // as printed, e.g. "5:2.1"
    name: label,
    goal: key.nullable(),
    perspective: z.number().int().optional(),
    appliesTo: z.string().max(100).optional(), // "SN", "Samtliga"
    owner: z.string().max(200).optional(), // the responsible (ansvarig): a role, or a person where the plan names one
    unit: z.string().max(40).optional(),
    direction: z.enum(['higher-better', 'lower-better', 'closer-better']).optional(),
    /** Width of the yellow band in the indicator's unit (percentage points for %); default 5 % of the target (docs/follow-up.md). */
    tolerance: z.string().regex(/^\d+(\.\d+)?$/, 'Toleransen anges som ett tal med punkt, t.ex. "5" eller "2.5"').optional(),
    definition: z.string().max(5_000).optional(),
    measurement: Measurement.nullable().default(null),
    source: z.string().max(500).optional(),
    targets: z.array(TargetEntry),
    actuals: z.array(ActualEntry).default([]),
    /** The measure (mått) whose values are this indicator's outcomes, shared with other plans. */
    measure: key.optional(),
    /** A success criterion (framgångskriterium) rather than an indicator: a process check, a count reported without a target. */
    kind: z.enum(['indicator', 'criterion']).optional(),
  })
  .strict();

export const IndicatorTable = z
  .object({
    caption: label, // "Styrtalet"
    captionFootnote: z.string().max(5).optional(),
    years: z.array(year),
    yearFootnotes: z.record(z.string(), z.string().max(5)).default({}),
    appliesToCaption: z.string().max(40).default('Nämnd'),
  })
  .strict();

export const StrategyComment = z.object({ column: key, text: rich }).strict();
export const Strategy = z
  .object({
    key,
    scope: z.enum(['municipal', 'service-area']),
    number: z.string().max(10).optional(),
    name: z.string().max(500).optional(),
    text: rich.optional(),
    how: rich.optional(), // "Hur?"
    comments: z.array(StrategyComment).default([]),
  })
  .strict();

export const StrategyTable = z
  .object({
    caption: label, // "Strategier för kommunen"
    columns: z.array(z.object({ key, label, node: key.optional() }).strict()),
  })
  .strict();

export const activityFields = ['description', 'serviceArea', 'costEstimate', 'investmentExpense', 'incomeCost', 'number', 'owner', 'indicators', 'goals'] as const;

export const ActivityTable = z
  .object({
    key,
    kind: z.enum(['project-implementation', 'plan-or-assignment', 'activity', 'efficiency-assignment']),
    caption: label, // first column heading: "Projekt - genomförande", "Aktivitet"
    captionFootnote: z.string().max(5).optional(),
    intro: rich.optional(),
    columns: z.array(z.object({ field: z.enum(activityFields), label }).strict()),
  })
  .strict();

export const Activity = z
  .object({
    key,
    table: key,
    name: label,
    description: rich.optional(),
    serviceArea: z.string().max(200).optional(), // "Tillhör verksamhet" as printed
    node: key.optional(),
    costEstimate: cell.optional(), // "Egen tid" or an amount
    investmentExpense: cell.optional(),
    incomeCost: cell.optional(),
    phase: z.string().max(100).optional(),
    status: z.enum(['not-started', 'ongoing', 'done', 'paused', 'cancelled']).optional(),
    owner: z.string().max(200).optional(),
    goals: z.array(key).default([]),
    /** The plan's own letter or number ("A", "1A"): the letter joins a criterion to its activity. */
    number: z.string().max(20).optional(),
    /** The indicators this activity serves. */
    indicators: z.array(key).optional(),
  })
  .strict();

export const ServiceDeclaration = z
  .object({
    key,
    label, // "Servicedeclaration 1"
    name: label,
    serviceArea: z.string().max(200).optional(),
    node: key.optional(),
    indicators: z.array(key).default([]),
  })
  .strict();

export const Outlook = z
  .object({
    key,
    label, // "Offentlig service:" as printed
    node: key.optional(),
    description: rich.optional(),
    challenges: rich.optional(), // Utmaningar
    opportunities: rich.optional(), // Möjligheter
  })
  .strict();

export const columnKinds = ['actual', 'budget', 'forecast', 'plan', 'target', 'total'] as const;

/** A column of a figure table: every cell under it shares its period and kind. */
export const Column = z
  .object({
    key,
    label: z.string().max(200), // as printed: "Prognos 2017 aug", "Plan 2021 (uppräknings 2%)"
    kind: z.enum(columnKinds),
    period: PeriodField.optional(),
    asOf: MonthField.optional(), // forecast made at month
    indexationPercent: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
  })
  .strict();

export const volumeKinds = [
  'month-end-stock', // antal sista dagen i månaden
  'monthly-count', // antal under månaden (t.ex. hushåll med försörjningsstöd): a flow, not summable to a year
  'year-placements', // årsplaceringar
  'care-days', // vårddygn
  'yearly-count', // antal under året
  'context', // befolkning m.m.
] as const;

export const VolumeRow = z
  .object({
    key,
    measure: key, // identity across plans; the label may drift
    label,
    kind: z.enum(volumeKinds),
    unit: z.string().max(40).optional(),
    partOf: key.optional(), // "varav" row: part of this row
    cells: z.record(key, cell),
  })
  .strict();

export const VolumeTable = z
  .object({
    key,
    caption: label, // "MÅTT", "Volym"
    node: key.optional(),
    columns: z.array(Column),
    rows: z.array(VolumeRow),
    notes: z.array(rich).default([]), // free-text estimates printed beside the table
  })
  .strict();

export { budgetLines };

/**
 * A column of an economic table (issue 13): a measure for a period, maybe as of a month, with its
 * printed heading. "Nettokostnad 2021" is the net outcome of 2021, "Prognos 2017 aug" a forecast
 * for 2017 made in August, "Kommunbidrag" the budget. Period and month follow domain/period.ts.
 */
export const EconomicColumn = z
  .object({
    key,
    label: z.string().max(200), // as printed: "Avvikelse mot budget 2021", "Plan 2021 (uppräknings 2%)"
    measure: z.enum(economicMeasures),
    /** For income, costs and net columns: whose figures they are (default: the outcome). */
    basis: z.enum(economicBases).optional(),
    period: PeriodField.optional(),
    asOf: MonthField.optional(), // forecast made at month
    indexationPercent: z.string().regex(/^-?\d+(\.\d+)?$/).optional(),
    /** A column printed in another unit than the table's money unit ("%"); such a column is never summed. */
    unit: z.string().max(20).optional(),
  })
  .strict();

/** An account range (kontointervall) a row collects, e.g. 4000–4999; `to` absent means one account or class. */
export const AccountRange = z
  .object({ from: z.string().regex(/^\d{1,8}$/, 'Konto anges med siffror'), to: z.string().regex(/^\d{1,8}$/, 'Konto anges med siffror').optional() })
  .strict();

/**
 * A row of an economic table: a unit (node), an account group, or a free line ("Kommunbidrag",
 * "Uttag ur resultatutjämningsfond"). Subtotals and totals name the rows they sum; a "varav" part
 * names its whole. `line` marks a row that holds one line of an income statement (Timrå's tables).
 */
export const EconomicRow = z
  .object({
    key,
    label: z.string().max(1_000),
    kind: z.enum(economicRowKinds).default('line'),
    line: z.enum(budgetLines).optional(),
    node: key.optional(),
    accounts: z.array(AccountRange).max(20).optional(),
    parts: z.array(key).optional(), // subtotal, total: the rows summed
    partOf: key.optional(), // part: the row this is a "varav" of
    cells: z.record(key, cell),
  })
  .strict();

/** A relation the table states between its figures; `styrkort check` verifies each one. */
export const EconomicRelation = z.discriminatedUnion('kind', [
  /** net = income + costs (costs printed negative) or costs − income (costs printed positive). */
  z.object({ kind: z.literal('net'), axis: z.enum(relationAxes), target: key, income: key, costs: key }).strict(),
  /** deviation = outcome − budget, or budget − outcome, as the table prints it. */
  z.object({ kind: z.literal('deviation'), axis: z.enum(relationAxes), target: key, outcome: key, budget: key, order: z.enum(deviationOrders) }).strict(),
  /** This row = the total row of the unit's own table. */
  z.object({ kind: z.literal('unit-total'), row: key, table: key }).strict(),
]);

/**
 * An economic table (driftbudget, driftredovisning, resultaträkning): rows × columns of printed
 * amounts in one money unit, with the relations the table states. Timrå's income statements are
 * one case (rows income, costs, net; columns Redovisat, Budget, Prognos, Plan).
 */
export const BudgetTable = z
  .object({
    key,
    kind: z.enum(['operating', 'external-income']),
    heading: z.string().max(200).optional(), // "EKB, Ensamkommande barn"
    caption: label, // "Resultaträkning, tkr", "Driftsredovisning, kommunen"
    /** The printed heading over the row labels ("mnkr", "(tkr)"); absent: the caption stands there, as in Timrå's tables. */
    labelHeading: z.string().max(200).optional(),
    /** As printed: tkr, mnkr, Mkr, miljoner kronor … */
    unit: z.string().refine(isMoneyUnit, `Okänd enhet; använd ${moneyUnitExamples}`).default('tkr'),
    /** Digits printed after the decimal comma (mnkr with one decimal: 1); absent: as each figure prints. */
    decimals: z.number().int().min(0).max(3).optional(),
    costSign: z.enum(costSigns).default('negative'),
    node: key.optional(),
    /** The table whose totals include this one; included:false records an explicit exclusion. */
    rollup: z.object({ into: key, included: z.boolean(), note: z.string().max(500).optional() }).strict().optional(),
    columns: z.array(EconomicColumn),
    rows: z.array(EconomicRow),
    relations: z.array(EconomicRelation).default([]),
    notes: z.array(rich).default([]),
  })
  .strict();

export const CapitalBudget = z
  .object({
    key,
    caption: label, // "Investeringar, tkr"
    unit: z.enum(['tkr', 'mkr', 'kr']).default('tkr'),
    node: key.optional(),
    objectCaption: z.string().max(100).default('Objekt-nummer'),
    textCaption: z.string().max(100).default('Text'),
    columns: z.array(Column),
    rows: z.array(z.object({ key, object: z.string().max(40), text: label, cells: z.record(key, cell) }).strict()),
    total: z.object({ label, cells: z.record(key, cell) }).strict().nullable(),
  })
  .strict();

export const Footnote = z
  .object({ key, mark: z.string().min(1).max(5), text: z.string().max(2_000).nullable() })
  .strict();

/** The responsible's analysis (analys) of a follow-up subject for one period (issue 6). */
export const Analysis = z
  .object({
    key,
    period: PeriodField,
    subject: key, // an indicator, a volume row or a budget table
    text: rich,
    author: z.string().max(200).optional(),
  })
  .strict();

export const sectionKinds = [
  'text',
  'vision',
  'municipal-strategies',
  'service-area-strategies',
  'outlooks',
  'municipal-goals',
  'committee-goals',
  'indicators',
  'activities',
  'service-declarations',
  'volumes',
  'operating-budget',
  'external-income',
  'capital-budget',
  'resources',
] as const;

/** A section of the printed plan, in document order. `include` names the items it shows. */
export const Section = z
  .object({
    key,
    kind: z.enum(sectionKinds),
    heading: z.string().max(300).nullable(),
    level: z.number().int().min(1).max(4),
    body: rich.optional(),
    include: z.array(key).optional(),
    inToc: z.boolean().default(true),
    /** An indicators section's columns after the name ("Utfall 2021 | Utfall 2022 | Målvärde 2023"); absent: the plan's indicator table. */
    indicatorColumns: z.array(IndicatorColumn).max(20).optional(),
  })
  .strict();

/** The current version of the plan file; version 1 files are upgraded on reading (economy/upgrade.ts). */
export const planFormatVersion = 2;

/** A municipality's code (kommunkod), four digits as SCB gives them: "2262" (a string: "0117" keeps its zero). */
export const MunicipalityCode = z.string().regex(/^\d{4}$/, 'Kommunkoden har fyra siffror');

/** The plan file as it is written (formatVersion 2); its JSON Schema is generated from this. */
export const PlanFileSchema = z
  .object({
    format: z.literal('styrkort-plan'),
    formatVersion: z.literal(planFormatVersion),
    municipality: z.object({ code: MunicipalityCode, name: label }).strict(),
    organisation: z.array(OrgNode),
    plan: PlanHead,
    officeHolders: z.array(OfficeHolder).default([]),
    vision: Vision.nullable().default(null),
    perspectives: z.array(Perspective).default([]),
    goals: z.array(Goal).default([]),
    indicatorTable: IndicatorTable.nullable().default(null),
    indicators: z.array(Indicator).default([]),
    strategyTable: StrategyTable.nullable().default(null),
    strategies: z.array(Strategy).default([]),
    activityTables: z.array(ActivityTable).default([]),
    activities: z.array(Activity).default([]),
    serviceDeclarations: z.array(ServiceDeclaration).default([]),
    outlooks: z.array(Outlook).default([]),
    volumeTables: z.array(VolumeTable).default([]),
    budgetTables: z.array(BudgetTable).default([]),
    capitalBudgets: z.array(CapitalBudget).default([]),
    footnotes: z.array(Footnote).default([]),
    sections: z.array(Section).default([]),
    analyses: z.array(Analysis).default([]),
    /** The municipality's measures the plan's indicators refer to, with their values (absent: none). */
    measures: z.array(Measure).optional(),
  })
  .strict();

/** A plan file of any version Styrkort reads: version 1 is upgraded to the current one, then checked. */
export const PlanFile = z.preprocess(upgradePlanFile, PlanFileSchema);

export type PlanFile = z.infer<typeof PlanFileSchema>;
export type PlanFileInput = z.input<typeof PlanFileSchema>;
export type OrgNode = z.infer<typeof OrgNode>;
export type Goal = z.infer<typeof Goal>;
export type SharedGoal = z.infer<typeof SharedGoal>;
export type Indicator = z.infer<typeof Indicator>;
export type Column = z.infer<typeof Column>;
export type VolumeTable = z.infer<typeof VolumeTable>;
export type BudgetTable = z.infer<typeof BudgetTable>;
export type EconomicColumn = z.infer<typeof EconomicColumn>;
export type EconomicRow = z.infer<typeof EconomicRow>;
export type EconomicRelation = z.infer<typeof EconomicRelation>;
export type CapitalBudget = z.infer<typeof CapitalBudget>;
export type Section = z.infer<typeof Section>;
export type ActualEntry = z.infer<typeof ActualEntry>;
export type VolumeRow = z.infer<typeof VolumeRow>;
export type Analysis = z.infer<typeof Analysis>;
export type IndicatorStatusValue = (typeof indicatorStatuses)[number];
export type StatusRule = z.infer<typeof StatusRule>;
export type Perspective = z.infer<typeof Perspective>;
export type Activity = z.infer<typeof Activity>;
export type TargetEntry = z.infer<typeof TargetEntry>;
export type { Breakdown, GoalAssessmentEntry, GoalAssessmentScale, GoalLink, IndicatorColumn, Measure, MeasureValue } from './plan-follow-up.ts';
