/**
 * Volumes against plan for a period. A year is measured by its printed outcome (Utfall, Bokslut)
 * or else by its months; a month, or a year still running, by the months so far against the
 * plan's share of the year: all of it for levels (stocks, monthly counts), the months' share for
 * counts and care days, the days' share for year placements (docs/follow-up.md).
 */
import { Decimal } from 'decimal.js';
import type { Finding } from './deviation-types.ts';
import { formatPeriod } from './format.ts';
import { daysInYear, daysThrough, isYearPeriod, lastMonth, monthOf, monthPeriod, yearOf } from './period.ts';
import type { PlanFile, VolumeRow, VolumeTable } from './plan.ts';
import { printNumber } from './status-band.ts';
import { aggregateVolumeYear, monthlyActuals, type VolumeKind } from './volume-aggregation.ts';
import { printedCell, yearColumn } from './forecast-plan.ts';

/** Volume rows off plan beyond the tolerance (per cent of the plan for the period). */
export function volumeDeviations(plan: PlanFile, period: string, tolerancePercent: number): Finding[] {
  return plan.volumeTables.flatMap((table) => {
    const node = plan.organisation.find((n) => n.key === table.node);
    return table.rows.flatMap((row) => {
      const finding = rowDeviation(table, row, period, tolerancePercent);
      return finding ? [{ ...finding, responsible: node?.name ?? null }] : [];
    });
  });
}

function rowDeviation(table: VolumeTable, row: VolumeRow, period: string, tolerancePercent: number): Finding | null {
  if (row.kind === 'context') return null; // population and the like are context, not plans to meet
  const year = yearOf(period);
  const planColumn = yearColumn(table.columns, year, ['plan', 'budget'], row.cells);
  const planned = planColumn && printedCell(planColumn, row.cells);
  if (!planned?.value) return null;
  const measured = measure(table, row, period);
  if (!measured) return null;
  const share = planShare(row.kind, year, measured.through);
  const target = planned.value.times(share);
  const difference = measured.value.minus(target);
  const size = target.isZero() ? (difference.isZero() ? 0 : Infinity) : difference.abs().dividedBy(target.abs()).times(100).toNumber();
  if (size <= tolerancePercent) return null;
  const percent = Number.isFinite(size) ? printNumber(new Decimal(size).toDecimalPlaces(1)) : null;
  const against = share.equals(1)
    ? `${planned.columnLabel} ${planned.text}`
    : `${printNumber(target)} för perioden (${planned.columnLabel} ${planned.text} för helåret)`;
  const way = difference.isPositive() ? 'över' : 'under';
  return {
    kind: 'volume',
    subject: row.key,
    label: row.label,
    period,
    severity: size > 2 * tolerancePercent ? 'red' : 'yellow',
    planned: planned.text,
    actual: printNumber(measured.value),
    difference: printNumber(difference),
    percent,
    favourable: null,
    explanation: `${measured.label} ${printNumber(measured.value)} mot ${against}: ${printNumber(difference.abs())} ${way}${percent === null ? '' : ` (${percent} %)`}`,
    responsible: null,
    size,
  };
}

interface Measured {
  label: string;
  value: Decimal;
  /** The last month measured; null for a printed year outcome. */
  through: string | null;
}

/** The printed year outcome, else the months of the period (or of the year so far). */
function measure(table: VolumeTable, row: VolumeRow, period: string): Measured | null {
  const year = yearOf(period);
  if (isYearPeriod(period)) {
    const column = yearColumn(table.columns, year, ['actual'], row.cells);
    const printed = column && printedCell(column, row.cells);
    if (printed?.value) return { label: printed.columnLabel, value: printed.value, through: null };
  }
  const months = monthlyActuals(table.columns, row.cells, year);
  const through = lastMonth(period);
  const aggregate = aggregateVolumeYear({ kind: row.kind, year, months, through });
  if (!aggregate.latest || !aggregate.value) return null;
  const last = aggregate.latest.period;
  if (aggregate.complete) return { label: `Utfall ${year} (${aggregate.rule})`, value: aggregate.value, through: null };
  const first = formatPeriod(monthPeriod(year, 1)).split(' ')[0];
  const label = LEVELS.has(row.kind) ? `Utfall ${formatPeriod(last)}` : `Hittills ${first}–${formatPeriod(last)}`;
  return { label, value: aggregate.value, through: last };
}

const LEVELS = new Set<VolumeKind>(['month-end-stock', 'monthly-count', 'context']);

/** The part of a year's planned value a period up to `through` should have reached. */
function planShare(kind: VolumeKind, year: number, through: string | null): Decimal {
  if (through === null || LEVELS.has(kind)) return new Decimal(1);
  const month = monthOf(through)!;
  if (kind === 'year-placements') return new Decimal(daysThrough(year, month)).dividedBy(daysInYear(year));
  return new Decimal(month).dividedBy(12);
}
