/**
 * Volumes: plan against actual for each year a table has monthly actuals. The year value comes
 * from the months by the measure's volume kind (src/domain/volume-aggregation.ts: a month-end stock
 * its December value, a monthly count its average, care days their sum …) and is set beside the
 * plan (or budget) the table prints for that year, with the deviation. Nothing is re-computed here.
 */
import { Decimal } from 'decimal.js';
import { formatPeriod } from '../../../domain/format.ts';
import type { VolumeTable } from '../../../domain/plan.ts';
import { printNumber } from '../../../domain/status-band.ts';
import { compareVolumeYears, yearsWithMonths, type VolumeKind } from '../../../domain/volume-aggregation.ts';

export interface PlanVsActualRow {
  rowKey: string;
  label: string;
  kind: VolumeKind;
  /** The plan of the year as printed, with its column label; null when none (or "-"). */
  plan: { label: string; text: string } | null;
  /** The year value the months give, the rule in words and the last month counted. */
  actual: { text: string; rule: string; through: string; complete: boolean } | null;
  /** Actual minus plan, signed, with its share of the plan; null without both. */
  deviation: { text: string; percent: string | null; way: 'over' | 'under' | 'on' } | null;
}

export interface PlanVsActualYear {
  year: number;
  rows: PlanVsActualRow[];
}

const planKinds = new Set(['plan', 'budget']);

function signed(value: Decimal): string {
  return value.isPositive() && !value.isZero() ? `+${printNumber(value)}` : printNumber(value);
}

/** Per year with monthly actual columns: every measure's plan, year value from the months and deviation. */
export function planVsActual(table: VolumeTable): PlanVsActualYear[] {
  const comparisons = compareVolumeYears(table);
  return yearsWithMonths(table.columns).map((year) => ({
    year,
    rows: table.rows.map((row): PlanVsActualRow => {
      const comparison = comparisons.find((c) => c.rowKey === row.key && c.year === year);
      const printedPlan = comparison?.printed.find((p) => planKinds.has(p.columnKind) && p.value !== null) ?? null;
      const derived = comparison?.derived ?? null;
      const actual = derived?.value ? { text: printNumber(derived.value), rule: derived.rule, through: formatPeriod(derived.through === `${year}-12` && derived.latest ? derived.latest.period : derived.through), complete: derived.complete } : null;
      let deviation: PlanVsActualRow['deviation'] = null;
      if (printedPlan?.difference && printedPlan.value) {
        const difference = printedPlan.difference;
        const percent = printedPlan.value.isZero() ? null : `${signed(difference.dividedBy(printedPlan.value.abs()).times(100).toDecimalPlaces(1))} %`;
        deviation = { text: signed(difference), percent, way: difference.isZero() ? 'on' : difference.isPositive() ? 'over' : 'under' };
      }
      return { rowKey: row.key, label: row.label, kind: row.kind, plan: printedPlan ? { label: printedPlan.columnLabel, text: printedPlan.text } : null, actual, deviation };
    }),
  }));
}
