/**
 * Measures (mått) and their values: per municipality, shared by the plans whose indicators refer
 * to them (issue 12, point 6). A plan file lists the measures it uses with the values it has; an
 * import adds what is new and changes what differs, audited, and never removes a value another
 * plan may show. A plan reads its measures with every value the municipality holds, in period order.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { parseFigure } from '../domain/figure.ts';
import { comparePeriods } from '../domain/period.ts';
import type { Breakdown, Measure, MeasureValue } from '../domain/plan.ts';
import { appendAudit } from './audit-repository.ts';
import type { Queryable, Tx } from './connection.ts';
import { measures, measureValues, planMeasures } from './schema.ts';

/** Who writes and from where (plan-repository's WriteContext). */
interface WriteContext {
  actor: string;
  source: string;
  reason?: string;
}

/** Stores the measures a plan file lists and links them (and only them) to the plan, in the file's order. Run inside a transaction. */
export async function storePlanMeasures(
  tx: Tx,
  options: { municipalityId: number; municipalityCode: string; planId: number; planKey: string; measures: Measure[]; context: WriteContext },
): Promise<void> {
  const { municipalityId, planId, planKey, context } = options;
  // Measure keys are the municipality's, so the audit trail names them with its code (as goals and nodes).
  const entityKey = (key: string) => `${options.municipalityCode}/${key}`;
  await tx.delete(planMeasures).where(eq(planMeasures.planId, planId));
  for (const [position, measure] of options.measures.entries()) {
    const measureId = await upsertMeasure(tx, { municipalityId, planKey, measure, entityKey: entityKey(measure.key), context });
    await upsertValues(tx, { measureId, planKey, entityKey: entityKey(measure.key), values: measure.values, context });
    // The plan keeps the measure as its file describes it; only the values are the municipality's.
    await tx.insert(planMeasures).values({ planId, measureId, position, name: measure.name, unit: measure.unit ?? null, kolada: measure.kolada ?? null, source: measure.source ?? null });
  }
}

async function upsertMeasure(tx: Tx, options: { municipalityId: number; planKey: string; measure: Measure; entityKey: string; context: WriteContext }): Promise<number> {
  const { municipalityId, planKey, measure, context } = options;
  const values = { name: measure.name, unit: measure.unit ?? null, kolada: measure.kolada ?? null, source: measure.source ?? null };
  const [current] = await tx.select().from(measures).where(and(eq(measures.municipalityId, municipalityId), eq(measures.key, measure.key)));
  if (!current) {
    const [created] = await tx.insert(measures).values({ municipalityId, key: measure.key, ...values }).returning({ id: measures.id });
    await appendAudit(tx, { ...context, planKey, action: 'create', entityType: 'measure', entityKey: options.entityKey, before: null, after: values });
    return created!.id;
  }
  const before = { name: current.name, unit: current.unit, kolada: current.kolada, source: current.source };
  if (JSON.stringify(before) !== JSON.stringify(values)) {
    await tx.update(measures).set({ ...values, version: current.version + 1 }).where(eq(measures.id, current.id));
    await appendAudit(tx, { ...context, planKey, action: 'update', entityType: 'measure', entityKey: options.entityKey, before, after: values });
  }
  return current.id;
}

async function upsertValues(tx: Tx, options: { measureId: number; planKey: string; entityKey: string; values: MeasureValue[]; context: WriteContext }): Promise<void> {
  const { measureId, planKey, values, context } = options;
  if (values.length === 0) return;
  const stored = await tx.select().from(measureValues).where(eq(measureValues.measureId, measureId));
  const byPeriod = new Map(stored.map((row) => [row.period, row]));
  for (const value of values) {
    const row = rowOf(value);
    const current = byPeriod.get(value.period);
    const entityKey = `${options.entityKey}:${value.period}`;
    if (!current) {
      await tx.insert(measureValues).values({ measureId, period: value.period, ...row, source: value.source ?? context.source, recordedBy: context.actor });
      await appendAudit(tx, { ...context, planKey, action: 'create', entityType: 'measure-value', entityKey, before: null, after: valueOfRow(value.period, row) });
      continue;
    }
    const before = valueOfRow(current.period, { printed: current.printed, breakdown: current.breakdown as Breakdown[] | null, statedSource: current.statedSource });
    const after = valueOfRow(value.period, row);
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    await tx
      .update(measureValues)
      .set({ ...row, source: value.source ?? context.source, recordedBy: context.actor, recordedAt: new Date() })
      .where(eq(measureValues.id, current.id));
    await appendAudit(tx, { ...context, planKey, action: 'update', entityType: 'measure-value', entityKey, before, after });
  }
}

function rowOf(value: MeasureValue) {
  const figure = parseFigure(value.text);
  return { printed: value.text, value: figure.value?.toFixed() ?? null, form: figure.form, breakdown: value.breakdown ?? null, statedSource: value.source ?? null };
}

function valueOfRow(period: string, row: { printed: string; breakdown: Breakdown[] | null; statedSource: string | null }): MeasureValue {
  const value: MeasureValue = { period, text: row.printed };
  if (row.statedSource !== null) value.source = row.statedSource;
  if (row.breakdown !== null) value.breakdown = row.breakdown;
  return value;
}

/**
 * The measures a plan lists, in its order, each as the plan describes it (name, unit, Kolada id,
 * source) with every value the municipality holds, in period order.
 */
export async function loadPlanMeasures(db: Queryable, planId: number): Promise<Measure[]> {
  const linked = await db
    .select({ measure: measures, own: planMeasures })
    .from(planMeasures)
    .innerJoin(measures, eq(planMeasures.measureId, measures.id))
    .where(eq(planMeasures.planId, planId))
    .orderBy(asc(planMeasures.position));
  if (linked.length === 0) return [];
  const rows = await db
    .select()
    .from(measureValues)
    .where(inArray(measureValues.measureId, linked.map(({ measure }) => measure.id)));
  return linked.map(({ measure, own }) => measureOfRows(own.name === null ? measure : { ...measure, name: own.name, unit: own.unit, kolada: own.kolada, source: own.source }, rows.filter((row) => row.measureId === measure.id)));
}

type MeasureRow = typeof measures.$inferSelect;
type ValueRow = typeof measureValues.$inferSelect;

function measureOfRows(measure: MeasureRow, values: ValueRow[]): Measure {
  return {
    key: measure.key,
    name: measure.name,
    ...(measure.unit !== null ? { unit: measure.unit } : {}),
    ...(measure.kolada !== null ? { kolada: measure.kolada } : {}),
    ...(measure.source !== null ? { source: measure.source } : {}),
    values: values
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((row) => valueOfRow(row.period, { printed: row.printed, breakdown: row.breakdown as Breakdown[] | null, statedSource: row.statedSource })),
  };
}

/** A measure of a municipality with every value, and the plans and indicators that refer to it: its history across plans. */
export async function findMeasure(db: Queryable, options: { municipalityId: number; key: string }): Promise<{ measure: Measure; planIds: number[] } | null> {
  const [row] = await db.select().from(measures).where(and(eq(measures.municipalityId, options.municipalityId), eq(measures.key, options.key)));
  if (!row) return null;
  const values = await db.select().from(measureValues).where(eq(measureValues.measureId, row.id));
  const plans = await db.select({ planId: planMeasures.planId }).from(planMeasures).where(eq(planMeasures.measureId, row.id));
  return { measure: measureOfRows(row, values), planIds: plans.map((plan) => plan.planId) };
}

/** The measures of a municipality, by key. */
export async function listMeasures(db: Queryable, municipalityId: number): Promise<Array<Omit<Measure, 'values'>>> {
  const rows = await db.select().from(measures).where(eq(measures.municipalityId, municipalityId)).orderBy(asc(measures.key));
  return rows.map((row) => {
    const { values: _values, ...rest } = measureOfRows(row, []);
    return rest;
  });
}
