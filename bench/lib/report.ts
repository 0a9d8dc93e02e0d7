/**
 * The bench's figures: each is printed as it is measured (with the values a ratio comes from and
 * PASS/FAIL against its target) and appended to the file `npm run bench` collects them from.
 */
import { appendFileSync } from 'node:fs';

export interface Target {
  atLeast?: number;
  atMost?: number;
}

export interface Figure {
  /** What was measured: "PGlite: adopted plan GET, share of hello-world". */
  name: string;
  value: number;
  unit: string;
  /** The values a ratio comes from, or how the figure was taken. */
  from?: string;
  target?: Target;
  /** Where the target comes from (issue 11.6), shown beside it. */
  note?: string;
}

/** Whether the bench runs its short form (`npm run bench -- --quick`). */
export const quick = process.env.STYRKORT_BENCH_QUICK === '1';

/** PASS, FAIL, or '' when a figure has no target (reported only). */
export function verdict(figure: Figure): 'PASS' | 'FAIL' | '' {
  const { target, value } = figure;
  if (!target) return '';
  // A run whose requests failed or timed out has no valid figure (NaN, stored as null): it fails.
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'FAIL';
  if (target.atLeast !== undefined && !(value >= target.atLeast)) return 'FAIL';
  if (target.atMost !== undefined && !(value <= target.atMost)) return 'FAIL';
  return 'PASS';
}

export function formatValue(value: number, unit: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `n/a ${unit}`;
  const digits = Math.abs(value) >= 100 || unit === 'req/s' || unit === 'writes/s' ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

export function formatTarget(figure: Figure): string {
  const { target, unit } = figure;
  if (!target) return '';
  return [target.atLeast !== undefined ? `≥ ${formatValue(target.atLeast, unit)}` : '', target.atMost !== undefined ? `≤ ${formatValue(target.atMost, unit)}` : ''].filter(Boolean).join(' and ');
}

/** One line: name, value, target and verdict, then where it comes from. */
export function formatFigure(figure: Figure): string {
  const check = verdict(figure);
  const head = `${figure.name}: ${formatValue(figure.value, figure.unit)}`;
  const target = check ? `  [${check}, target ${formatTarget(figure)}]` : '';
  return `${head}${target}${figure.from ? `\n      (${figure.from})` : ''}`;
}

/** Prints a figure and keeps it for the summary. */
export function record(figure: Figure): void {
  console.log(`  ${formatFigure(figure)}`);
  const file = process.env.STYRKORT_BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
