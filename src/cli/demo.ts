/** `styrkort demo`: load the demo plans that are not there yet (and the 2017 actuals into a newly loaded IFO plan). */
import { loadDemo } from '../services/demo.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function demoCommand(options: GlobalOptions): Promise<void> {
  const outcomes = await withDatabase(options, 'styrkort demo', ({ db }) => loadDemo(db));
  for (const { key, outcome, cells } of outcomes) {
    if (outcome === 'imported') console.log(`Utfall importerat: ${key} (${cells} celler)`);
    else console.log(outcome === 'loaded' ? `Inläst: ${key}` : `Finns redan: ${key} (inget ändrat)`);
  }
}
