/**
 * The demo's actuals of 2017 (issue 14, point 7): the generated ledger of Timrå's IFO (SIE 4,
 * through the demo mapping) and the monthly volume actuals, imported into the IFO plan the way an
 * ekonom and a redaktör would, so the follow-up shows months of outcome, forecasts and deviations
 * with their source from the start.
 */
import { createReadStream, readFileSync } from 'node:fs';
import type { Db } from '../db/connection.ts';
import { findMapping } from '../db/ledger-mapping-repository.ts';
import { importActuals } from './import-actuals-service.ts';
import { importLedger } from './import-ledger-service.ts';
import { saveMapping } from './ledger-mapping-service.ts';

/** The plan the demo's actuals belong to, and the files (in demo/) they come from. */
export const demoActuals = {
  planKey: 'timra-ifo-2018-2020',
  mapping: 'timra-ifo-mappning.json',
  ledger: 'timra-ifo-2017-huvudbok.se',
  volumes: 'timra-ifo-2017-volymer.csv',
} as const;

export interface DemoImport {
  file: string;
  status: 'imported' | 'already-imported' | 'unchanged' | 'dry-run';
  cells: number;
}

/**
 * Stores the demo mapping (if missing) and imports the demo ledger as the demo's ekonom and the
 * volumes as its redaktör. Importing the same files again changes nothing.
 */
export async function importDemoActuals(db: Db, demoDir: string): Promise<DemoImport[]> {
  const mapping: unknown = JSON.parse(readFileSync(`${demoDir}${demoActuals.mapping}`, 'utf8'));
  const key = (mapping as { key: string }).key;
  if (!(await findMapping(db, key))) await saveMapping(db, mapping, { actor: 'ekonom', ifMatch: null });
  const ledger = await importLedger(db, {
    planKey: demoActuals.planKey,
    mapping: key,
    source: createReadStream(`${demoDir}${demoActuals.ledger}`),
    fileName: demoActuals.ledger,
    actor: 'ekonom',
  });
  const volumes = await importActuals(db, {
    planKey: demoActuals.planKey,
    source: createReadStream(`${demoDir}${demoActuals.volumes}`),
    fileName: demoActuals.volumes,
    actor: 'redaktor',
  });
  return [
    { file: demoActuals.ledger, status: ledger.status, cells: ledger.planned?.cells.length ?? 0 },
    { file: demoActuals.volumes, status: volumes.status, cells: volumes.planned?.cells.length ?? 0 },
  ];
}
