/**
 * `styrkort import-ledger` and POST /api/imports/ledger (issue 14, point 1): a ledger (SIE 4, CSV
 * or Excel) read and summed by a municipality's mapping in one streamed pass (bounded memory: the
 * sums per target and month, and the lists of what fell outside), then written as each unit's
 * outcome per month into the plan's economic tables, in one transaction of the plan's write path,
 * with the same guarantees as every import (import-write.ts). The dry run is the table per unit
 * and month with the unmapped codes and their sums.
 */
import { StyrkortError } from '../domain/errors.ts';
import { planImport } from '../domain/imports/changes.ts';
import { followUpYears } from '../domain/imports/follow-up-periods.ts';
import { placeLedger, type PlacedLedger } from '../domain/imports/ledger.ts';
import type { LedgerAggregation } from '../domain/ledger/aggregate.ts';
import type { LedgerMapping } from '../domain/ledger/mapping.ts';
import { yearOf } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import type { Db } from '../db/connection.ts';
import { findImport, findStandingImport, importedSources } from '../db/import-repository.ts';
import { findPlanRow } from '../db/plan-item-repository.ts';
import { listPlans } from '../db/plan-repository.ts';
import { aggregateEntries } from '../imports/ledger/aggregate-ledger-file.ts';
import { readLedger, type ReadLedgerOptions } from '../imports/ledger/read-ledger.ts';
import type { ByteSource } from '../imports/reading.ts';
import { nodesOf, reportOf, type ImportOutcome, type ImportProgress } from './import-actuals-service.ts';
import { recordedFileName, tapFile } from './import-file.ts';
import { writeImport } from './import-write.ts';
import { getMapping } from './ledger-mapping-service.ts';
import { authorizeOn, callerOf, writePlan, type Caller } from './plan-write.ts';
import { exportPlan } from './plan-service.ts';

/** What the cells of a ledger import show as their source unless named. */
export const defaultLedgerSource = 'ekonomisystemet';

export interface LedgerImportOptions {
  /** The plan whose tables take the outcome; when left out, the one plan of the mapping's municipality that follows up the file's months. */
  planKey?: string;
  /** A stored mapping's key, or a mapping itself (a file given on the command line). */
  mapping: string | LedgerMapping;
  source: ByteSource;
  fileName: string;
  actor: string;
  dryRun?: boolean;
  sourceSystem?: string;
  read?: Omit<ReadLedgerOptions, 'mapping' | 'fileLabel'>;
  /** The account that imports (null: not logged in; absent: the local operator, as the command line). */
  by?: Caller;
  onProgress?: (progress: ImportProgress) => void;
  maxBytes?: number;
}

export interface LedgerOutcome extends ImportOutcome {
  planKey: string;
  mappingKey: string;
  aggregation: LedgerAggregation;
  placed: PlacedLedger;
}

/** Imports (or previews) a ledger into a plan's economic tables. */
export async function importLedger(db: Db, options: LedgerImportOptions): Promise<LedgerOutcome> {
  const fileName = recordedFileName(options.fileName);
  const mapping = typeof options.mapping === 'string' ? (await getMapping(db, options.mapping)).mapping : options.mapping;
  const progress: ImportProgress = { bytes: 0, rows: 0, phase: 'reading' };
  const file = tapFile(options.source, { maxBytes: options.maxBytes, onBytes: (bytes) => (progress.bytes = bytes) });
  const format = options.read?.format ?? (/\.xlsx?$/i.test(fileName) ? 'xlsx' : 'auto');
  const entries = readLedger(file.source, { ...options.read, format, mapping });
  const aggregation = await aggregateEntries(entries, mapping, (count) => {
    progress.rows = count;
    options.onProgress?.(progress);
  });
  const planKey = options.planKey ?? (await planFollowingUp(db, mapping, aggregation.periods));
  const initial = await exportPlan(db, planKey);
  const placed = placeLedger(initial, aggregation);
  if (placed.problems.length > 0) throw reportOf(placed.problems, placed.problems.length);
  const base = { fileName, checksum: file.checksum(), rows: aggregation.entries, periods: placed.periods };
  const extra = { planKey, mappingKey: mapping.key, aggregation, placed };
  const planRow = await findPlanRow(db, planKey);
  if (!planRow) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
  const earlier = await findStandingImport(db, planRow.id, 'ledger', base.checksum);
  if (earlier) {
    // The same file again writes nothing, but says so (and names the import) only to those who may import it.
    await authorizeOn(db, callerOf(options), 'edit-economy', { municipality: planRow.municipalityCode, nodes: nodesOf(initial, { cells: placed.writes }) });
    return { status: 'already-imported', record: earlier, ...base, planned: null, ...extra };
  }
  const sourceSystem = (options.sourceSystem ?? defaultLedgerSource).trim() || defaultLedgerSource;
  const sourceKey = `ledger:${mapping.municipality}:${mapping.key}`;
  const plan = (current: PlanFile, sources: Awaited<ReturnType<typeof importedSources>>) => {
    const again = current === initial ? placed : placeLedger(current, aggregation);
    return planImport(current, again.writes, sources, { sourceKey, periods: placed.periods, itemTypes: ['budget-table'] });
  };
  if (options.dryRun) {
    const planned = plan(initial, await importedSources(db, planRow.id));
    await authorizeOn(db, callerOf(options), 'edit-economy', { municipality: planRow.municipalityCode, nodes: nodesOf(initial, { cells: [...planned.cells, ...placed.writes] }) });
    return { status: 'dry-run', record: null, ...base, planned, ...extra };
  }
  progress.phase = 'writing';
  options.onProgress?.(progress);
  const meta = { kind: 'ledger' as const, sourceSystem, sourceKey, mappingKey: mapping.key, format: entries.info.format ?? 'csv' };
  const outcome = await writePlan(db, planKey, async (write) => {
    write.assertChangeable(true);
    const current = await write.plan();
    const planned = plan(current, await importedSources(write.tx, write.row.id));
    await write.authorize(callerOf(options), 'edit-economy', nodesOf(current, { cells: [...planned.cells, ...placed.writes] }));
    if (planned.cells.length === 0) return { id: null, planned };
    const id = await writeImport(write, current, planned, { ...meta, fileName, checksum: base.checksum, bytes: file.bytes(), rows: aggregation.entries, periods: placed.periods, actor: options.actor });
    return { id, planned };
  });
  progress.phase = 'done';
  options.onProgress?.(progress);
  if (outcome.id === null) return { status: 'unchanged', record: null, ...base, planned: outcome.planned, ...extra };
  return { status: 'imported', record: await findImport(db, outcome.id), ...base, planned: outcome.planned, ...extra };
}

/** The one plan of the mapping's municipality that follows up every month of the file (not archived), or a usage error naming the candidates. */
async function planFollowingUp(db: Db, mapping: LedgerMapping, periods: readonly string[]): Promise<string> {
  const plans = (await listPlans(db)).filter((plan) => plan.municipalityCode === mapping.municipality && plan.status !== 'archived');
  const fitting: string[] = [];
  for (const summary of plans) {
    const years = new Set(followUpYears(await exportPlan(db, summary.key)));
    if (periods.every((period) => years.has(yearOf(period)))) fitting.push(summary.key);
  }
  if (fitting.length === 1) return fitting[0]!;
  const months = periods.length === 0 ? 'filen har inga rader' : `filens månader ${periods[0]}–${periods[periods.length - 1]}`;
  throw new StyrkortError(
    'usage',
    fitting.length === 0
      ? `Ingen plan för kommunen ${mapping.municipality} följer upp ${months}; ange planen med --plan.`
      : `Flera planer följer upp ${months} (${fitting.join(', ')}); ange vilken med --plan.`,
  );
}
