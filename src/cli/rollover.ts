/** `styrkort rollover PLAN --to 2021-2023 [--key KEY] [--preview]`: next period's plan from this one. */
import { previewRollover, rollover } from '../services/workflow-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function rolloverCommand(planKey: string, options: GlobalOptions & { to: string; key?: string; preview?: boolean }): Promise<void> {
  const result = await withDatabase(options, 'styrkort rollover', ({ db }) =>
    options.preview ? previewRollover(db, { planKey, to: options.to, key: options.key }) : rollover(db, { planKey, to: options.to, key: options.key, actor: process.env.USER ?? 'cli' }),
  );
  const { preview } = result;
  console.log(`${options.preview ? 'Förhandsvisning' : 'Skapad'}: ${preview.to} (${preview.period}) från ${preview.from}`);
  for (const [part, count] of Object.entries(preview.copied)) console.log(`  kopieras: ${part} ${count}`);
  for (const item of preview.left) console.log(`  lämnas: ${item.part} ${item.key} (${item.reason})`);
}
