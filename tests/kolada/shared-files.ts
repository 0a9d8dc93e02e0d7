/** The real Kolada files in demo/kolada (see its README and each file's note), as the import takes them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KoladaFile } from '../../src/services/kolada-import-service.ts';

export const sharedKoladaDir = fileURLToPath(new URL('../../demo/kolada', import.meta.url));

/** Names of the data files (CSV and JSON) in the shared folder. */
export function sharedKoladaNames(): string[] {
  return readdirSync(sharedKoladaDir)
    .filter((name) => /\.(csv|json)$/.test(name))
    .sort();
}

/** The shared files (all, or those named) with their text. */
export function sharedKoladaFiles(names: string[] = sharedKoladaNames()): KoladaFile[] {
  return names.map((name) => ({ name, text: readFileSync(join(sharedKoladaDir, name), 'utf8') }));
}
