/** The demo: Timrå kommun's two social-services plans, transcribed from the seed documents. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection.ts';
import { findPlanSummary } from '../db/plan-repository.ts';
import { findUser } from '../db/user-repository.ts';
import { createUser } from './auth-service.ts';
import { demoActuals, importDemoActuals } from './import-demo.ts';
import { importPlan, parseJsonText } from './plan-service.ts';

export const demoPlanFiles = ['timra-ifo-2018-2020.json', 'timra-sn-2020-2022.json'] as const;

export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

export interface DemoOutcome {
  /** A plan's key, or the file name of imported actuals. */
  key: string;
  outcome: 'loaded' | 'present' | 'imported';
  /** Imported actuals: the cells the import wrote or confirmed. */
  cells?: number;
}

/** Reads one demo plan file. */
export function readDemoPlan(file: (typeof demoPlanFiles)[number]): unknown {
  return parseJsonText(readFileSync(`${demoDir}${file}`, 'utf8'));
}

/**
 * Loads the demo plans that are not there yet, and into a newly loaded IFO plan the generated
 * actuals of 2017 (ledger and volumes); says which plans were present already.
 */
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
  await createDemoUsers(db, actor);
  // A plan loaded before (its imports perhaps undone on purpose) is left as it is.
  if (outcomes.some(({ key, outcome }) => key === demoActuals.planKey && outcome === 'loaded')) {
    for (const { file, cells } of await importDemoActuals(db, demoDir)) outcomes.push({ key: file, outcome: 'imported', cells });
  }
  return outcomes;
}

/** The demo accounts: one per role, all with the password below. For trying Styrkort only. */
export const demoPassword = 'styrkort-demo';
export const demoUsers = [
  { username: 'admin', role: 'admin', unitKey: null, displayName: 'Demo: administratör' },
  { username: 'ledning', role: 'ledning', unitKey: 'sn', displayName: 'Demo: förvaltningsledning' },
  { username: 'redaktor', role: 'redaktör', unitKey: 'ifo', displayName: 'Demo: redaktör IFO' },
  { username: 'ekonom', role: 'ekonom', unitKey: 'sn', displayName: 'Demo: ekonom' },
  { username: 'lasare', role: 'läsare', unitKey: null, displayName: 'Demo: läsare' },
  // Two unit managers for follow-up rounds: each answers for one IFO cost centre's assignment.
  { username: 'vuxna', role: 'redaktör', unitKey: 'ifo-vuxna', displayName: 'Demo: enhetschef IFO Vuxna' },
  { username: 'barnfamilj', role: 'redaktör', unitKey: 'ifo-barn-o-familj', displayName: 'Demo: enhetschef IFO Barn o familj' },
] as const;

async function createDemoUsers(db: Db, actor: string): Promise<void> {
  for (const user of demoUsers) {
    if (await findUser(db, user.username)) continue;
    await createUser(db, { ...user, password: demoPassword, isDemo: true, actor });
  }
}
