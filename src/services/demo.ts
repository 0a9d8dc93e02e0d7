/** The demo: Timrå kommun's two social-services plans, transcribed from the seed documents. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { importPlan, parseJsonText } from './plan-service.ts';

export const demoPlanFiles = ['timra-ifo-2018-2020.json', 'timra-sn-2020-2022.json'] as const;

export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

export interface DemoOutcome {
  key: string;
  outcome: 'loaded' | 'present';
}

/** Reads one demo plan file. */
export function readDemoPlan(file: (typeof demoPlanFiles)[number]): unknown {
  return parseJsonText(readFileSync(`${demoDir}${file}`, 'utf8'));
}

/** Loads the demo plans that are not there yet; says which were present already. */
export async function loadDemo(db: Db, actor = 'demo'): Promise<DemoOutcome[]> {
  const outcomes: DemoOutcome[] = [];
  for (const file of demoPlanFiles) {
    const key = file.replace(/\.json$/, '');
    if (await findPlanSummary(db, key)) {
      outcomes.push({ key, outcome: 'present' });
      continue;
    }
    await importPlan(db, readDemoPlan(file), { actor, source: `demo/${file}` });
    outcomes.push({ key, outcome: 'loaded' });
  }
  return outcomes;
}
