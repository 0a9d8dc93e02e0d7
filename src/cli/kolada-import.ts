/** `styrkort kolada import FIL|KATALOG…`: Kolada files (saved API answers, CSV) checked, then stored in one transaction. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StyrkortError } from '../domain/errors.ts';
import { describeStored, importKoladaFiles, type KoladaFile } from '../services/kolada-import-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function koladaImportCommand(paths: string[], options: GlobalOptions): Promise<void> {
  const files = paths.flatMap(readPath);
  if (files.length === 0) throw new StyrkortError('usage', `Inga CSV- eller JSON-filer i ${paths.join(', ')}`);
  const result = await withDatabase(options, 'styrkort kolada import', ({ db }) => importKoladaFiles(db, files, { trigger: 'cli' }));
  for (const file of result.files) {
    const counts = Object.entries(file.counts).filter(([, n]) => n > 0).map(([part, n]) => `${partNames[part] ?? part} ${n}`);
    console.log(`${file.name}: ${counts.join(', ') || 'inget'}`);
  }
  console.log(`Inläst (körning ${result.runId}): ${describeStored(result.stored)}`);
}

const partNames: Record<string, string> = {
  kpis: 'nyckeltal',
  municipalities: 'kommuner',
  municipalityGroups: 'kommungrupper',
  kpiGroups: 'nyckeltalsgrupper',
  values: 'värden',
  deletions: 'borttagningar',
  deletedGroups: 'borttagna grupper',
};

/** A file as it is, or a folder's CSV and JSON files in name order. */
function readPath(path: string): KoladaFile[] {
  try {
    if (statSync(path).isDirectory()) {
      return readdirSync(path)
        .filter((name) => /\.(csv|json)$/i.test(name))
        .sort()
        .map((name) => ({ name, text: readFileSync(join(path, name), 'utf8') }));
    }
    return [{ name: path, text: readFileSync(path, 'utf8') }];
  } catch (error) {
    throw new StyrkortError('not-found', `Kan inte läsa ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
