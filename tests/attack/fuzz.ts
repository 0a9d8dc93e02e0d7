/**
 * What every fuzzing test of the attack suite shares: one fixed seed, printed so a failure can be
 * replayed (STYRKORT_FUZZ_SEED=… npx vitest run tests/attack), a scale for longer runs
 * (STYRKORT_FUZZ_SCALE=10), and one line of figures per property for the report.
 */
import { appendFileSync, mkdirSync } from 'node:fs';

export const fuzzSeed = Number(process.env.STYRKORT_FUZZ_SEED ?? 20261204);
const scale = Number(process.env.STYRKORT_FUZZ_SCALE ?? 1);

/** The number of runs for a property: its standing size times the scale. */
export function runs(standing: number): number {
  return Math.max(1, Math.round(standing * scale));
}

/** Options for fc.assert: the seed, the runs, and the seed in the failure message. */
export function fuzzOptions(standing: number) {
  return { seed: fuzzSeed, numRuns: runs(standing), endOnFailure: true, verbose: 1 } as const;
}

/** Prints (and appends to test-output/attack-figures.txt) what a property tried. */
export function reportFigures(property: string, figures: Record<string, number>): void {
  const line = `${property}: seed ${fuzzSeed}, ${Object.entries(figures).map(([name, value]) => `${name} ${value}`).join(', ')}`;
  console.log(line);
  mkdirSync(new URL('../../test-output/', import.meta.url), { recursive: true });
  appendFileSync(new URL('../../test-output/attack-figures.txt', import.meta.url), `${new Date().toISOString()} ${line}\n`);
}
