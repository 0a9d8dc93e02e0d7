/**
 * `npm run bench`: runs every bench/*.bench.ts in a process of its own (so that one benchmark's
 * warm caches and memory do not flatter the next) and stops at the first that fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${file} misslyckades (kod ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
