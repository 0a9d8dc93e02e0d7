/** `styrkort mapping list|show|save|export`: a municipality's ledger mappings as files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { StyrkortError } from '../domain/errors.ts';
import { readJsonBytes } from '../domain/json-input.ts';
import { formatDateTime } from '../domain/imports/time.ts';
import { getMapping, mappings, saveMapping } from '../services/ledger-mapping-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function mappingListCommand(options: GlobalOptions): Promise<void> {
  const list = await withDatabase(options, 'styrkort mapping', ({ db }) => mappings(db));
  if (list.length === 0) return void console.log('Inga mappningar ännu; spara en med styrkort mapping save FIL.');
  console.log('Kommun\tNyckel\tNamn\tVersion\tÄndrad');
  for (const m of list) console.log(`${m.municipality}\t${m.key}\t${m.name}\t${m.version}\t${formatDateTime(m.updatedAt)} av ${m.updatedBy}`);
}

/** Prints or writes a stored mapping as its JSON file. */
export async function mappingExportCommand(key: string, options: GlobalOptions & { out?: string }): Promise<void> {
  const { mapping } = await withDatabase(options, 'styrkort mapping', ({ db }) => getMapping(db, key));
  const text = `${JSON.stringify(mapping, null, 2)}\n`;
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
}

/** Stores a mapping file: a new one, or (with --replace) a new version of the one with its key. */
export async function mappingSaveCommand(file: string, options: GlobalOptions & { replace?: boolean; reason?: string }): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new StyrkortError('not-found', `Kan inte läsa filen ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const input = readJsonBytes(bytes, 'Filen');
  try {
    const saved = await withDatabase(options, 'styrkort mapping', ({ db }) => saveMapping(db, input, { actor: process.env.USER ?? 'cli', ifMatch: null, create: options.replace === true, reason: options.reason }));
    console.log(`${saved.created ? 'Sparad' : 'Ersatt'}: mappningen ${saved.mapping.key} (${saved.mapping.name}), version ${saved.version}`);
  } catch (error) {
    if (error instanceof StyrkortError && error.code === 'precondition-required') throw new StyrkortError('conflict', `${error.message.split(':')[0]}; ange --replace för att ersätta den.`);
    throw error;
  }
}
