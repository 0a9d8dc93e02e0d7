/** `styrkort import-actuals FILE --plan PLAN [--dry-run]`: volume and indicator actuals from CSV or Excel into a plan. */
import { StyrkortError } from '../domain/errors.ts';
import { importActuals } from '../services/import-actuals-service.ts';
import { namedEncoding } from '../services/import-file.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { openImportFile, outcomeLines, progressBar } from './import-progress.ts';

export interface ImportActualsCliOptions extends GlobalOptions {
  plan: string;
  dryRun?: boolean;
  source?: string;
  layout?: string;
  year?: string;
  sheet?: string;
  encoding?: string;
  delimiter?: string;
  decimal?: string;
}

export async function importActualsCommand(file: string, options: ImportActualsCliOptions): Promise<void> {
  const layout = oneOf(options.layout, ['auto', 'long', 'wide'] as const, '--layout');
  const decimal = oneOf(options.decimal, [',', '.'] as const, '--decimal');
  const delimiter = oneOf(options.delimiter, [';', ',', '\t'] as const, '--delimiter');
  const year = options.year === undefined ? undefined : Number(options.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) throw new StyrkortError('usage', `--year "${options.year}" är inget år; ange ÅÅÅÅ, t.ex. 2017`);
  const { stream, size } = openImportFile(file);
  const bar = progressBar(size);
  try {
    const outcome = await withDatabase(options, 'styrkort import-actuals', ({ db }) =>
      importActuals(db, {
        planKey: options.plan,
        source: stream,
        fileName: file,
        actor: process.env.USER ?? 'cli',
        dryRun: options.dryRun,
        sourceSystem: options.source,
        onProgress: (progress) => bar.update(progress),
        read: {
          layout,
          encoding: namedEncoding(options.encoding),
          delimiter,
          decimal,
          sheet: options.sheet === undefined ? undefined : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet,
          wide: year === undefined ? undefined : { year },
        },
      }),
    );
    bar.stop();
    for (const line of outcomeLines(outcome, options.plan)) console.log(line);
  } finally {
    bar.stop();
  }
}

/** An option's value among the allowed ones, or a usage error (exit code 2). */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  const shown = (text: string) => (text === '\t' ? 'tab' : text);
  const given = value === 'tab' ? '\t' : value;
  if (!(allowed as readonly string[]).includes(given)) throw new StyrkortError('usage', `${option} "${value}" stöds inte; ange ${allowed.map(shown).join(', ')}`);
  return given as T;
}
