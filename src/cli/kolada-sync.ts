/**
 * `styrkort kolada sync [--kpi ID…] [--since ÅÅÅÅ-MM-DD] [--municipality KOD]`: fetches from Kolada
 * (STYRKORT_KOLADA_URL, default https://api.kolada.se/v3). Ctrl-C stops after the part in hand is
 * put back untouched; the next sync continues from there.
 */
import { StyrkortError } from '../domain/errors.ts';
import { readSince } from '../domain/kolada/sync-plan.ts';
import { koladaBaseUrl, syncKolada } from '../services/kolada-sync-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export interface SyncCommandOptions extends GlobalOptions {
  kpi?: string[];
  since?: string;
  municipality?: string;
}

export async function koladaSyncCommand(options: SyncCommandOptions): Promise<void> {
  const kpis = (options.kpi ?? []).flatMap((kpi) => kpi.split(',')).filter(Boolean);
  if (options.since !== undefined && readSince(options.since) === null) throw new StyrkortError('usage', `--since "${options.since}" är inget datum; ange ÅÅÅÅ-MM-DD, t.ex. 2024-01-01`);
  const controller = new AbortController();
  const stop = () => {
    console.error('Avbryter: det som hämtats klart är sparat; nästa synk fortsätter därifrån.');
    controller.abort();
  };
  process.once('SIGINT', stop);
  try {
    console.log(`Hämtar från ${koladaBaseUrl()} …`);
    const result = await withDatabase(options, 'styrkort kolada sync', ({ db }) =>
      syncKolada(db, { trigger: 'cli', kpis, since: options.since, municipality: options.municipality, signal: controller.signal, onProgress: (message) => console.log(`  ${message}`) }),
    );
    if (result.resumedFrom !== null) console.log(`Fortsatte körning ${result.resumedFrom}.`);
    console.log(result.message);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
