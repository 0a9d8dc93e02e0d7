/** `styrkort export PLAN --format json [--out FILE]`. */
import { writeFileSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';
import { exportPlan, planFileText } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export const exportFormats = ['json'] as const;

export async function exportCommand(planKey: string, options: GlobalOptions & { format: string; out?: string }): Promise<void> {
  if (!(exportFormats as readonly string[]).includes(options.format)) {
    throw new StyrkortError('usage', `Okänt format "${options.format}". Tillgängliga format: ${exportFormats.join(', ')}`);
  }
  const plan = await withDatabase(options, 'styrkort export', ({ db }) => exportPlan(db, planKey));
  const text = planFileText(plan);
  if (options.out) {
    writeFileSync(options.out, text);
    console.error(`Skrev ${planKey} till ${options.out}`);
  } else {
    process.stdout.write(text);
  }
}
