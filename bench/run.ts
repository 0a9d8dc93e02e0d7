/**
 * `npm run bench [-- --quick] [names…]`: runs each benchmark in a process of its own (so one
 * benchmark's warm caches and memory do not flatter the next), then prints every figure that has
 * a target with PASS/FAIL. `--quick` (under 3 minutes) runs the targets' benchmarks with shorter
 * runs and leaves out the others (storage, imports, web build); names pick benchmarks by file name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFigure, verdict, type Figure } from './lib/report.ts';
import { loadAverage } from './lib/processes.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((arg) => !arg.startsWith('--'));
// The benchmarks with targets first; the others (storage, imports, the web build …) in the full form only.
const withTargets = ['reads', 'documents', 'restart'];
const others = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .filter((name) => !withTargets.includes(name))
  .sort();
const files = [...withTargets, ...(quick ? [] : others)]
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .map((name) => `${name}.bench.ts`);

const resultsDir = mkdtempSync(join(tmpdir(), 'styrkort-bench-results-'));
const resultsFile = join(resultsDir, 'figures.jsonl');
const started = Date.now();
const crashed: string[] = [];
console.log(`Styrkort bench${quick ? ' (--quick)' : ''}, node ${process.version}; load average ${loadAverage()}`);
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], {
    stdio: 'inherit',
    env: { ...process.env, STYRKORT_BENCH_RESULTS: resultsFile, STYRKORT_BENCH_QUICK: quick ? '1' : '0' },
  });
  if (result.status !== 0) {
    console.error(`${file} misslyckades (kod ${result.status ?? result.signal})`);
    crashed.push(file);
  }
}

const figures: Figure[] = existsSync(resultsFile)
  ? readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure)
  : [];
rmSync(resultsDir, { recursive: true, force: true });
const checked = figures.filter((figure) => verdict(figure) !== '');
console.log(`\n=== Targets (issue 11.6) ===`);
for (const figure of checked) console.log(`${verdict(figure)}  ${formatFigure(figure)}`);
console.log(`\n=== Reported without a target ===`);
for (const figure of figures.filter((f) => verdict(f) === '')) console.log(`      ${formatFigure(figure)}`);
const passed = checked.filter((figure) => verdict(figure) === 'PASS').length;
console.log(`\n${passed} of ${checked.length} targets met; ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadAverage()}`);
if (crashed.length) {
  console.error(`Benchmarks that failed: ${crashed.join(', ')}`);
  process.exit(1);
}
