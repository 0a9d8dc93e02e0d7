/** `styrkort demo`: load the demo plans that are not there yet (and the 2017 actuals into a newly loaded IFO plan). */
import { loadDemo } from '../services/demo.ts';
import { koladaDemoWanted, loadKoladaDemo } from '../services/kolada-demo.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function demoCommand(options: GlobalOptions): Promise<void> {
  const { outcomes, kolada } = await withDatabase(options, 'styrkort demo', async ({ db }) => ({ outcomes: await loadDemo(db), kolada: koladaDemoWanted() ? await loadKoladaDemo(db) : { valuesImported: 0, linksCreated: 0 } }));
  for (const { key, outcome, cells } of outcomes) {
    if (outcome === 'imported') console.log(`Utfall importerat: ${key} (${cells} celler)`);
    else console.log(outcome === 'loaded' ? `Inläst: ${key}` : `Finns redan: ${key} (inget ändrat)`);
  }
  if (kolada.valuesImported) console.log(`Kolada: ${kolada.valuesImported} värden inlästa från demo/kolada (Källa: Kolada)`);
  if (kolada.linksCreated) console.log(`Kolada: ${kolada.linksCreated} volymmått kopplade till nyckeltal`);
}
