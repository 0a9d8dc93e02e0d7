/**
 * `styrkort import-actuals` and POST /api/plans/{plan}/imports/actuals (issue 14, point 2):
 * volume and indicator actuals from a CSV or Excel file, long or wide, into a plan. The file is
 * read to its end first (streamed; its actuals placed in the plan as they come, so memory grows
 * with the plan's cells, not the file); any fault stops the import with the report and nothing is
 * written. Then, in one transaction of the plan's write path, the changes are worked out against
 * the plan as locked (domain/imports/changes.ts) and written. The same file again changes nothing.
 */
import { StyrkortError } from '../domain/errors.ts';
import { ActualsPlacer, type ActualProblem } from '../domain/imports/actuals.ts';
import { planImport, type ImportPlan } from '../domain/imports/changes.ts';
import type { PlanFile } from '../domain/plan.ts';
import type { Db } from '../db/connection.ts';
import { findImport, findStandingImport, importedSources, type ImportRecord } from '../db/import-repository.ts';
import { findPlanRow } from '../db/plan-item-repository.ts';
import type { ByteSource } from '../imports/reading.ts';
import { importError, ProblemCollector } from '../imports/report.ts';
import { readVolumes, type ReadVolumesOptions } from '../imports/volumes/read-volumes.ts';
import { recordedFileName, tapFile } from './import-file.ts';
import { summarise, writeImport } from './import-write.ts';
import { authorizeOn, callerOf, writePlan, type Caller } from './plan-write.ts';
import { exportPlan } from './plan-service.ts';

/** What the cells of a volume or indicator import show as their source unless named. */
export const defaultActualsSource = 'verksamhetssystemet';

export interface ImportProgress {
  bytes: number;
  rows: number;
  phase: 'reading' | 'writing' | 'done';
}

export interface ActualsImportOptions {
  planKey: string;
  source: ByteSource;
  fileName: string;
  actor: string;
  dryRun?: boolean;
  /** The system the file comes from ("Procapita", "verksamhetssystemet"): what cells show, and what a corrected file replaces. */
  sourceSystem?: string;
  read?: Omit<ReadVolumesOptions, 'fileLabel'>;
  /** The account that imports (null: not logged in; absent: the local operator, as the command line). */
  by?: Caller;
  onProgress?: (progress: ImportProgress) => void;
  maxBytes?: number;
}

/** What an import did, or would do (dry run). */
export interface ImportOutcome {
  status: 'imported' | 'dry-run' | 'already-imported' | 'unchanged';
  /** The import's record (imported), or the earlier import of the same file (already-imported). */
  record: ImportRecord | null;
  fileName: string;
  checksum: string;
  rows: number;
  periods: string[];
  planned: ImportPlan | null;
}

/** Imports (or previews) a file of volume and indicator actuals into a plan. */
export async function importActuals(db: Db, options: ActualsImportOptions): Promise<ImportOutcome> {
  const fileName = recordedFileName(options.fileName);
  const initial = await exportPlan(db, options.planKey);
  const progress: ImportProgress = { bytes: 0, rows: 0, phase: 'reading' };
  const file = tapFile(options.source, { maxBytes: options.maxBytes, onBytes: (bytes) => (progress.bytes = bytes) });
  // A file named .xlsx is read as Excel whatever it holds, so a CSV or PDF renamed .xlsx is named for what it is.
  const format = options.read?.format ?? (/\.xlsx?$/i.test(fileName) ? 'xlsx' : 'auto');
  const reading = readVolumes(file.source, { ...options.read, format, fileLabel: 'Filen' });
  const placer = new ActualsPlacer(initial);
  for await (const batch of reading.batches()) {
    for (const actual of batch) placer.add(actual);
    progress.rows += batch.length;
    options.onProgress?.(progress);
  }
  const placed = placer.result();
  if (placer.faults > 0) throw reportOf(placed.problems, placer.faults);
  const rows = Math.max(0, (reading.info.table?.rows ?? 1) - 1); // data rows, without the header
  const base = { fileName, checksum: file.checksum(), rows, periods: placed.periods };
  const planRow = await findPlanRow(db, options.planKey);
  if (!planRow) throw new StyrkortError('not-found', `Planen ${options.planKey} finns inte`);
  const earlier = await findStandingImport(db, planRow.id, 'actuals', base.checksum);
  if (earlier) {
    // The same file again writes nothing, but says so (and names the import) only to those who may import it.
    await authorizeOn(db, callerOf(options), 'edit-content', { municipality: planRow.municipalityCode, nodes: nodesOf(initial, { cells: placed.writes }) });
    return { status: 'already-imported', record: earlier, ...base, planned: null };
  }
  const sourceSystem = (options.sourceSystem ?? defaultActualsSource).trim() || defaultActualsSource;
  const meta = { kind: 'actuals' as const, sourceSystem, sourceKey: `actuals:${sourceSystem.toLowerCase()}`, mappingKey: null, format: reading.info.format ?? 'csv' };
  const plan = (current: PlanFile, sources: Awaited<ReturnType<typeof importedSources>>) =>
    planImport(current, placed.writes, sources, { sourceKey: meta.sourceKey, periods: placed.periods, itemTypes: ['volume-table', 'indicator'] });
  if (options.dryRun) {
    const planned = plan(initial, await importedSources(db, planRow.id));
    await authorizeOn(db, callerOf(options), 'edit-content', { municipality: planRow.municipalityCode, nodes: nodesOf(initial, { cells: [...planned.cells, ...placed.writes] }) });
    return { status: 'dry-run', record: null, ...base, planned };
  }
  progress.phase = 'writing';
  options.onProgress?.(progress);
  const outcome = await writePlan(db, options.planKey, async (write) => {
    write.assertChangeable(true);
    const current = await write.plan();
    const planned = plan(current, await importedSources(write.tx, write.row.id));
    await write.authorize(callerOf(options), 'edit-content', nodesOf(current, { cells: [...planned.cells, ...placed.writes] }));
    if (planned.cells.length === 0) return { id: null, planned };
    const id = await writeImport(write, current, planned, { ...meta, fileName, checksum: base.checksum, bytes: file.bytes(), rows, periods: placed.periods, actor: options.actor });
    return { id, planned };
  });
  progress.phase = 'done';
  options.onProgress?.(progress);
  if (outcome.id === null) return { status: 'unchanged', record: null, ...base, planned: outcome.planned };
  return { status: 'imported', record: await findImport(db, outcome.id), ...base, planned: outcome.planned };
}

/** The organisation nodes whose figures an import changes, confirms or would write: each table's node, else the plan's owner. */
export function nodesOf(plan: PlanFile, planned: { cells: readonly { itemType: string; itemKey: string }[] }): string[] {
  const nodes = new Set<string>();
  for (const cell of planned.cells) {
    const node =
      cell.itemType === 'volume-table'
        ? plan.volumeTables.find((table) => table.key === cell.itemKey)?.node
        : cell.itemType === 'budget-table'
          ? plan.budgetTables.find((table) => table.key === cell.itemKey)?.node
          : undefined;
    nodes.add(node ?? plan.plan.ownerNode);
  }
  return [...nodes];
}

/** The report of problems found when placing a file's actuals: the first 100 and the count. */
export function reportOf(problems: readonly ActualProblem[], count: number): StyrkortError {
  const collector = new ProblemCollector('Filen');
  for (const problem of problems) collector.add(problem);
  collector.count = Math.max(count, collector.count);
  return importError(collector);
}

export { summarise };
