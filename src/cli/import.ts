/**
 * `styrkort import FILE`: validate a plan file completely, then store it in one transaction.
 * `--replace` replaces a draft: with `--if-match N` only if N is still its version, else with the
 * version read now (said on the terminal). `--restore-audit ID` puts back the plan file an audit
 * event kept whole (a replaced or deleted plan).
 */
import { readFileSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';
import { readJsonBytes } from '../domain/json-input.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { importPlan, restoreFromAudit } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

interface ImportOptions extends GlobalOptions {
  replace?: boolean;
  reason?: string;
  ifMatch?: string;
  restoreAudit?: string;
}

export async function importCommand(file: string | undefined, options: ImportOptions): Promise<void> {
  const actor = process.env.USER ?? 'cli';
  const ifMatch = options.ifMatch === undefined ? undefined : wholeNumber(options.ifMatch, '--if-match');
  if (options.restoreAudit !== undefined) {
    const auditId = wholeNumber(options.restoreAudit, '--restore-audit');
    const result = await withDatabase(options, 'styrkort import', ({ db }) => restoreFromAudit(db, { auditId, ifMatch, actor, reason: options.reason }));
    console.log(`Återställd ur händelse ${auditId}: ${result.key}, version ${result.version}`);
    return;
  }
  if (!file) throw new StyrkortError('usage', 'Ange planfilen, eller --restore-audit ID');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new StyrkortError('not-found', `Kan inte läsa filen ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // The same reader as the API's request bodies: strict UTF-8, Swedish syntax errors, the text rule.
  const input = readJsonBytes(bytes, 'Filen');
  const result = await withDatabase(options, 'styrkort import', async ({ db }) => {
    let version = ifMatch;
    if (options.replace && version === undefined) {
      const key = (input as { plan?: { key?: unknown } } | null)?.plan?.key;
      const current = typeof key === 'string' ? await findPlanSummary(db, key) : null;
      if (current) {
        version = current.version;
        console.log(`Ersätter ${current.key} i den version som finns nu (${version}); ange --if-match för att bara ersätta en version du har läst.`);
      }
    }
    return importPlan(db, input, { actor, source: `import:${file}`, replace: options.replace, ifMatch: version, reason: options.reason });
  });
  const verb = result.outcome === 'created' ? 'Inläst' : 'Ersatt';
  const counts = Object.entries(result.counts).map(([part, n]) => `${part} ${n}`).join(', ');
  console.log(`${verb}: ${result.key}, version ${result.version} (${counts})`);
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new StyrkortError('usage', `${option} ska vara ett heltal, t.ex. 3`);
  return Number(text);
}
