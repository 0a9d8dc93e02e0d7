/** `styrkort imports [--plan PLAN] [--show ID] [--undo ID]`: the history of imports, one import's cells, undoing one. */
import { StyrkortError } from '../domain/errors.ts';
import { formatPeriod } from '../domain/period.ts';
import { formatDateTime } from '../domain/imports/time.ts';
import type { ImportRecord } from '../db/import-repository.ts';
import { getImportWithCells, importHistory, undoImport } from '../services/import-record-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';
import { countLine } from './import-progress.ts';

export interface ImportsCliOptions extends GlobalOptions {
  plan?: string;
  show?: string;
  undo?: string;
  reason?: string;
}

const kindWords: Record<ImportRecord['kind'], string> = { ledger: 'huvudbok', actuals: 'volymer/styrtal' };

export async function importsCommand(options: ImportsCliOptions): Promise<void> {
  if (options.undo !== undefined && options.show !== undefined) throw new StyrkortError('usage', 'Ange antingen --show eller --undo, inte båda');
  if (options.undo !== undefined) {
    const id = importId(options.undo, '--undo');
    const record = await withDatabase(options, 'styrkort imports', ({ db }) => undoImport(db, { id, actor: process.env.USER ?? 'cli', reason: options.reason }));
    console.log(`Ångrad: import ${record.id} (${record.fileName}) i ${record.planKey}; cellerna har fått tillbaka sina tidigare värden.`);
    return;
  }
  if (options.show !== undefined) {
    const id = importId(options.show, '--show');
    const { record, cells } = await withDatabase(options, 'styrkort imports', ({ db }) => getImportWithCells(db, id));
    for (const line of recordLines(record)) console.log(line);
    console.log('');
    console.log('Tabell/styrtal\tRad\tPeriod\tFöre\tEfter');
    for (const cell of cells) console.log(`${cell.itemType} ${cell.itemKey}\t${cell.rowKey}\t${formatPeriod(cell.period)}\t${cell.before ?? '–'}\t${cell.after ?? '–'}`);
    return;
  }
  const records = await withDatabase(options, 'styrkort imports', ({ db }) => importHistory(db, { planKey: options.plan }));
  if (records.length === 0) {
    console.log(options.plan === undefined ? 'Inga importer ännu.' : `Inga importer till ${options.plan} ännu.`);
    return;
  }
  console.log('Id\tTid\tPlan\tSlag\tFil\tRader\tPerioder\tAv\tStatus');
  for (const r of records) {
    const status = r.status === 'undone' ? `ångrad ${formatDateTime(r.undoneAt!)} av ${r.undoneBy}` : 'inläst';
    console.log(`${r.id}\t${formatDateTime(r.importedAt)}\t${r.planKey}\t${kindWords[r.kind]}\t${r.fileName}\t${r.rows}\t${periodRange(r.periods)}\t${r.importedBy}\t${status}`);
  }
}

function recordLines(r: ImportRecord): string[] {
  return [
    `Import ${r.id}: ${r.fileName} (${r.format.toUpperCase()}, ${r.rows} rader, sha-256 ${r.checksum})`,
    `Plan ${r.planKey}, ${kindWords[r.kind]} från ${r.sourceSystem}${r.mappingKey ? ` med mappningen ${r.mappingKey}` : ''}, perioder ${periodRange(r.periods)}`,
    `Inläst ${formatDateTime(r.importedAt)} av ${r.importedBy}${r.status === 'undone' ? `; ångrad ${formatDateTime(r.undoneAt!)} av ${r.undoneBy}` : ''}`,
    countLine(r.summary),
  ];
}

function periodRange(periods: readonly string[]): string {
  if (periods.length === 0) return '–';
  return periods.length === 1 ? formatPeriod(periods[0]!) : `${formatPeriod(periods[0]!)}–${formatPeriod(periods[periods.length - 1]!)}`;
}

function importId(text: string, option: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new StyrkortError('usage', `${option} "${text}" är inget importnummer; se styrkort imports`);
  return Number(text);
}
