/**
 * The plan file's parts for any municipality's follow-up (issue 12, points 4–8): what a goal
 * carries besides its wording (kind, description, contributions, assessments per period), the
 * measures indicators refer to (one series of values for many plans), breakdowns of a value by
 * gender, provider and age band, and the columns a plan prints in its indicator table. Every field
 * is optional without a default, so a plan file that has none of them keeps its bytes.
 */
import { z } from 'zod';
import { PeriodField } from './period-field.ts';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -')
  .max(120);
/** A printed cell: the text exactly as it stands in the document. */
const cell = z.string().max(200);
const rich = z.string().max(50_000);
const label = z.string().min(1, 'Får inte vara tom').max(1_000);

// ---- Goals -------------------------------------------------------------------------------------

/** mål, uppdrag (a political assignment), prioriterat område. Absent: a goal. */
export const goalKinds = ['goal', 'assignment', 'priority-area'] as const;

/**
 * A goal's contribution to a goal of the level above, beside its parent: many-to-many, each link
 * direct (counts in that goal's roll-up) or indirect (shown, not counted).
 */
export const GoalLink = z.object({ goal: key, link: z.enum(['direct', 'indirect']) }).strict();

/** Uppfyllt, delvis uppfyllt, ej uppfyllt; on a yes/no scale ja is fulfilled and nej not fulfilled. */
export const goalAssessmentStatuses = ['fulfilled', 'partly-fulfilled', 'not-fulfilled'] as const;

/**
 * A goal's assessment for a period as the responsible wrote it: a status set by hand (it needs a
 * justification or a comment), or a comment alone, which is kept beside the computed assessment.
 */
export const GoalAssessmentEntry = z
  .object({
    period: PeriodField,
    status: z.enum(goalAssessmentStatuses).optional(),
    comment: rich.optional(),
    justification: z.string().max(2_000).optional(),
    author: z.string().max(200).optional(),
  })
  .strict();

/**
 * How a plan assesses its goals and what it calls the outcomes (Västervik: "Uppfyllt Ja/Nej";
 * Vårgårda: uppfyllt / delvis uppfyllt / inte uppfyllt). Labels left out take the scale's own words.
 */
export const GoalAssessmentScale = z
  .object({
    scale: z.enum(['three-level', 'yes-no']),
    labels: z
      .object({ fulfilled: z.string().max(100).optional(), partlyFulfilled: z.string().max(100).optional(), notFulfilled: z.string().max(100).optional() })
      .strict()
      .optional(),
    /** The column heading the plan prints ("Uppfyllt Ja/Nej", "Måluppfyllelse"). */
    heading: z.string().max(100).optional(),
    source: z.string().max(500).optional(),
  })
  .strict();

// ---- Breakdowns and measures ------------------------------------------------------------------

/** K and M as Kolada writes them (the total is the value itself); egen regi / extern regi; an age band as printed. */
export const Breakdown = z.discriminatedUnion('dimension', [
  z.object({ dimension: z.literal('gender'), group: z.enum(['K', 'M']), text: cell, label: z.string().max(60).optional() }).strict(),
  z.object({ dimension: z.literal('provider'), group: z.enum(['own', 'external']), text: cell, label: z.string().max(60).optional() }).strict(),
  z
    .object({
      dimension: z.literal('age'),
      /** The band as printed: "0–17 år", "65-79", "80 år och äldre". */
      group: z.string().min(1).max(60),
      text: cell,
      label: z.string().max(60).optional(),
    })
    .strict(),
]);

/** One value of a measure for a period, kept as printed, with its breakdown. */
export const MeasureValue = z
  .object({
    period: PeriodField,
    text: cell,
    source: z.string().max(500).optional(),
    breakdown: z.array(Breakdown).max(40).optional(),
  })
  .strict();

/**
 * A measure (mått) of a municipality: one series of values that indicators in several plans and
 * at several levels refer to, each in its own words. `kolada` names a Kolada KPI ("N00945") for
 * the Kolada import to fill the series.
 */
export const Measure = z
  .object({
    key,
    name: label,
    unit: z.string().max(40).optional(),
    kolada: z.string().max(40).optional(),
    source: z.string().max(500).optional(),
    values: z.array(MeasureValue).max(2_000),
  })
  .strict();

// ---- What an indicator table prints -----------------------------------------------------------

/**
 * A column of an indicator table after the indicator's name: a target or an outcome of a year
 * ("Målvärde 2023", "Utfall 2021"), or what the indicator says of how it is measured. `label`
 * is the heading as printed; without it the column takes the usual Swedish heading.
 */
export const IndicatorColumn = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['target', 'outcome']), year: z.number().int().min(1900).max(2200), label: z.string().max(100).optional() }).strict(),
  z.object({ kind: z.enum(['measurement', 'method', 'frequency', 'responsible', 'applies-to', 'unit', 'measure']), label: z.string().max(100).optional() }).strict(),
]);

export type GoalLink = z.infer<typeof GoalLink>;
export type GoalAssessmentEntry = z.infer<typeof GoalAssessmentEntry>;
export type GoalAssessmentScale = z.infer<typeof GoalAssessmentScale>;
export type GoalAssessmentStatus = (typeof goalAssessmentStatuses)[number];
export type GoalKind = (typeof goalKinds)[number];
export type Breakdown = z.infer<typeof Breakdown>;
export type Measure = z.infer<typeof Measure>;
export type MeasureValue = z.infer<typeof MeasureValue>;
export type IndicatorColumn = z.infer<typeof IndicatorColumn>;
