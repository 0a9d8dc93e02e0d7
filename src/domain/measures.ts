/**
 * Measures (mått): one series of values per municipality that indicators in several plans and at
 * several levels refer to, each in its own words. An indicator that names a measure takes its
 * outcomes from the measure's values; what the indicator records itself for a period (a manual
 * status, a reference value, an outcome of its own) stands first. Resolved when a plan is read
 * for follow-up, never written back into the indicator, so the plan file keeps the values once.
 */
import { comparePeriods } from './period.ts';
import type { ActualEntry, Indicator, Measure, MeasureValue, PlanFile } from './plan.ts';

/** The plan with every indicator's outcomes completed from the measure it refers to. */
export function withMeasureOutcomes(plan: PlanFile): PlanFile {
  if (!plan.measures?.length || !plan.indicators.some((indicator) => indicator.measure !== undefined)) return plan;
  const measures = new Map(plan.measures.map((measure) => [measure.key, measure]));
  return { ...plan, indicators: plan.indicators.map((indicator) => withOutcomesOf(indicator, indicator.measure ? measures.get(indicator.measure) : undefined)) };
}

/** An indicator's outcomes: its own entries, then the measure's values for the periods it has none of. */
export function withOutcomesOf(indicator: Indicator, measure: Measure | undefined): Indicator {
  if (!measure || measure.values.length === 0) return indicator;
  const own = new Map(indicator.actuals.map((actual) => [actual.period, actual]));
  const merged: ActualEntry[] = indicator.actuals.map((actual) => {
    const value = measure.values.find((candidate) => candidate.period === actual.period);
    // An entry of the indicator's own with no outcome text (only a status or a reference) takes the measure's value.
    return value && actual.text.trim() === '' ? { ...fromValue(value), ...actual, text: value.text, ...breakdownOf(actual, value) } : actual;
  });
  for (const value of measure.values) if (!own.has(value.period)) merged.push(fromValue(value));
  return { ...indicator, actuals: merged.sort((a, b) => comparePeriods(a.period, b.period)) };
}

function fromValue(value: MeasureValue): ActualEntry {
  const entry: ActualEntry = { period: value.period, text: value.text };
  if (value.source !== undefined) entry.source = value.source;
  if (value.breakdown !== undefined) entry.breakdown = value.breakdown;
  return entry;
}

function breakdownOf(actual: ActualEntry, value: MeasureValue): Pick<ActualEntry, 'breakdown'> {
  const breakdown = actual.breakdown ?? value.breakdown;
  return breakdown === undefined ? {} : { breakdown };
}

/** The indicators of a plan that refer to a measure, in plan order. */
export function indicatorsOfMeasure(plan: PlanFile, measureKey: string): Indicator[] {
  return plan.indicators.filter((indicator) => indicator.measure === measureKey);
}
