/** Development aid: validates a plan file against the interchange schema and prints problems. */
import { readFileSync } from 'node:fs';
import { PlanFile } from '../src/domain/plan.ts';

for (const file of process.argv.slice(2)) {
  const result = PlanFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (result.success) console.log(`${file}: OK`);
  else {
    console.log(`${file}: ${result.error.issues.length} fel`);
    for (const issue of result.error.issues) console.log(`  ${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 1;
  }
}
