/** `styrkort import FILE`: validate a plan file completely, then store it in one transaction. */
import { readFileSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';
import { readJsonBytes } from '../domain/json-input.ts';
import { importPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function importCommand(file: string, options: GlobalOptions & { replace?: boolean; reason?: string }): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new StyrkortError('not-found', `Kan inte läsa filen ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // The same reader as the API's request bodies: strict UTF-8, Swedish syntax errors, the text rule.
  const input = readJsonBytes(bytes, 'Filen');
  const result = await withDatabase(options, 'styrkort import', ({ db }) =>
    importPlan(db, input, { actor: process.env.USER ?? 'cli', source: `import:${file}`, replace: options.replace, reason: options.reason }),
  );
  const verb = result.outcome === 'created' ? 'Inläst' : 'Ersatt';
  const counts = Object.entries(result.counts).map(([part, n]) => `${part} ${n}`).join(', ');
  console.log(`${verb}: ${result.key} (${counts})`);
}
