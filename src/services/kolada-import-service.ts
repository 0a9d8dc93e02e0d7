/**
 * Offline import of Kolada files (saved API answers, pykolada's dumps, the ddf CSV flattenings):
 * every file is read and checked first; then everything is stored in one transaction, or nothing
 * is. Importing the same files again changes nothing.
 */
import type { Db } from '../db/connection.ts';
import { refreshStatistics } from '../db/kolada-read-repository.ts';
import { storeBatch, type StoreSummary } from '../db/kolada-repository.ts';
import { finishRun, insertImportRun } from '../db/kolada-run-repository.ts';
import { StyrkortError, type Problem } from '../domain/errors.ts';
import { readKoladaFile } from '../domain/kolada/files.ts';
import { batchCounts, mergeBatches, type KoladaBatch } from '../domain/kolada/model.ts';

export interface KoladaFile {
  name: string;
  text: string;
}

export interface KoladaImportResult {
  runId: number;
  files: Array<{ name: string; counts: Record<keyof KoladaBatch, number> }>;
  stored: StoreSummary;
}

/** At most this many problems are listed; the message gives the total. */
const MAX_PROBLEMS = 50;

/** Reads, checks and stores Kolada files in one transaction; any problem → all listed, nothing stored. */
export async function importKoladaFiles(db: Db, files: KoladaFile[], options: { trigger: string }): Promise<KoladaImportResult> {
  const reads = files.map((file) => ({ name: file.name, ...readKoladaFile(file.name, file.text) }));
  const problems: Problem[] = reads.flatMap((read) => read.problems);
  if (problems.length > 0) {
    const more = problems.length > MAX_PROBLEMS ? ` (de första ${MAX_PROBLEMS} visas)` : '';
    throw new StyrkortError('validation', `Kolada-filerna har ${problems.length} fel${more}; ingenting har sparats`, problems.slice(0, MAX_PROBLEMS));
  }
  const batch = mergeBatches(reads.map((read) => read.batch));
  const result = await db.transaction(async (tx) => {
    const runId = await insertImportRun(tx, { files: files.map((file) => file.name) }, options.trigger);
    const stored = await storeBatch(tx, batch, runId);
    await finishRun(tx, runId, { status: 'ok', message: describeStored(stored), summary: { ...stored } });
    return { runId, files: reads.map((read) => ({ name: read.name, counts: batchCounts(read.batch) })), stored };
  });
  if (result.stored.values.inserted + result.stored.values.updated + result.stored.deletedValues > 0) await refreshStatistics(db);
  return result;
}

/** "värden: 120 nya, 3 ändrade, 24 980 oförändrade; …" for messages and the run record. */
export function describeStored(stored: StoreSummary): string {
  const part = (label: string, c: { inserted: number; updated: number; unchanged: number }) =>
    c.inserted + c.updated + c.unchanged === 0 ? null : `${label}: ${c.inserted} nya, ${c.updated} ändrade, ${c.unchanged} oförändrade`;
  const parts = [
    part('nyckeltal', stored.kpis),
    part('kommuner', stored.municipalities),
    part('kommungrupper', stored.municipalityGroups),
    part('nyckeltalsgrupper', stored.kpiGroups),
    part('värden', stored.values),
    stored.deletedValues ? `borttagna värden: ${stored.deletedValues}` : null,
    stored.deletedGroups ? `borttagna grupper: ${stored.deletedGroups}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join('; ') : 'ingenting att spara';
}
