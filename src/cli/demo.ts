/** `styrkort demo`: load the demo plans that are not there yet. */
import { loadDemo } from '../services/demo.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function demoCommand(options: GlobalOptions): Promise<void> {
  const outcomes = await withDatabase(options, 'styrkort demo', ({ db }) => loadDemo(db));
  for (const { key, outcome } of outcomes) {
    console.log(outcome === 'loaded' ? `Inläst: ${key}` : `Finns redan: ${key} (inget ändrat)`);
  }
}
