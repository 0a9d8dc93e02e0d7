/**
 * `npm run check` (and so `npm test`): the type check, the layer boundaries and every test. The two
 * checks run beside the tests instead of before them: they take 7 s, most of it on one core, while
 * the tests' first seconds start PostgreSQL and build the template databases on one core too.
 * A check's output is printed when it fails; the command fails when any of the three fails.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const bin = (name: string) => `${repo}node_modules/.bin/${name}`;

interface Outcome {
  name: string;
  code: number;
  output: string;
}

/** Runs a command with its output kept (`quiet`) or shown as it comes. */
function run(name: string, command: string, args: string[], quiet: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ name, code: 1, output: error.message }));
    child.once('exit', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output }));
  });
}

const checks = [
  run('typkontrollen (tsc)', bin('tsc'), ['-p', '.'], true),
  run('lagergränserna', process.execPath, ['--import', 'tsx', 'scripts/check-boundaries.ts'], true),
].map((check) =>
  check.then((outcome) => {
    if (outcome.code === 0) console.log(`✓ ${outcome.name}${outcome.output.trim() ? `: ${outcome.output.trim().split('\n').pop()}` : ''}`);
    else console.error(`✗ ${outcome.name} misslyckades:\n${outcome.output}`);
    return outcome;
  }),
);
const tests = await run('testerna', bin('vitest'), ['run', ...process.argv.slice(2)], false);
const failed = [...(await Promise.all(checks)), tests].filter((outcome) => outcome.code !== 0);
if (failed.length > 0) {
  console.error(`\nMisslyckades: ${failed.map((outcome) => outcome.name).join(', ')}`);
  process.exit(1);
}
