/**
 * What the import commands share: the file as a stream, a progress bar (cli-progress) while it is
 * read — only when standard out is a terminal, so scripts and tests get plain lines — and the
 * printing of a preview, an outcome and the history.
 */
import { createReadStream, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { StyrkortError } from '../domain/errors.ts';
import type { PlannedCell } from '../domain/imports/changes.ts';
import { formatPeriod } from '../domain/period.ts';
import { formatDateTime } from '../domain/imports/time.ts';
import type { ImportRecord } from '../db/import-repository.ts';
import type { ImportOutcome, ImportProgress } from '../services/import-actuals-service.ts';

/** A file to import: its stream and size, or a clear message when it cannot be read. */
export function openImportFile(path: string): { stream: NodeJS.ReadableStream & AsyncIterable<Buffer>; size: number } {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new StyrkortError('usage', `${path} är ingen fil`);
    size = stat.size;
  } catch (error) {
    if (error instanceof StyrkortError) throw error;
    throw new StyrkortError('not-found', `Kan inte läsa filen ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { stream: createReadStream(path, { highWaterMark: 1 << 16 }), size };
}

/** A progress bar over the file's bytes, or nothing when standard out is no terminal. */
export function progressBar(size: number): { update(progress: ImportProgress): void; stop(): void } {
  if (!process.stdout.isTTY || size === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'Läser {bar} {percentage} % | {rows} rader | {phase}', stream: process.stdout, hideCursor: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { rows: 0, phase: 'läser' });
  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100 && progress.phase === 'reading') return;
      last = now;
      bar.update(Math.min(progress.bytes, size), { rows: progress.rows.toLocaleString('sv-SE'), phase: progress.phase === 'reading' ? 'läser' : progress.phase === 'writing' ? 'sparar' : 'klart' });
    },
    stop: () => bar.stop(),
  };
}

const itemWords: Record<string, string> = { 'volume-table': 'Volymtabell', 'budget-table': 'Budgettabell', indicator: 'Styrtal' };
const effectWords: Record<PlannedCell['effect'], string> = { written: 'skrivs', confirmed: 'bekräftas', emptied: 'töms' };

/** The cells an import changes, per table or indicator, as lines. */
export function changeLines(cells: readonly PlannedCell[], limit = 200): string[] {
  const lines: string[] = [];
  let item = '';
  for (const cell of cells.slice(0, limit)) {
    const name = `${itemWords[cell.itemType]} ${cell.itemKey}`;
    if (name !== item) lines.push(`${name}:`);
    item = name;
    const row = cell.itemType === 'indicator' ? '' : `${cell.rowKey}\t`;
    lines.push(`  ${row}${formatPeriod(cell.period)}\t${cell.before ?? '–'} → ${cell.after ?? '–'}\t(${effectWords[cell.effect]})`);
  }
  if (cells.length > limit) lines.push(`… och ${cells.length - limit} celler till`);
  return lines;
}

/** One line for an import's counts. */
export function countLine(record: Pick<ImportRecord, 'summary'>['summary']): string {
  const added = record.addedColumns;
  const tables = new Set(added.map((column) => column.itemKey));
  const columns =
    added.length === 0
      ? ''
      : added.length <= 3
        ? `; nya kolumner: ${added.map((column) => `${column.label} (${column.itemKey})`).join(', ')}`
        : `; ${added.length} nya kolumner i ${tables.size === 1 ? [...tables][0] : `${tables.size} tabeller`} (${added[0]!.label} … ${added[added.length - 1]!.label})`;
  return `${record.written} skrivna, ${record.confirmed} bekräftade (samma värde, ny källa), ${record.emptied} tömda, ${record.unchanged} oförändrade${columns}`;
}

/** What an import did, for the terminal. */
export function outcomeLines(outcome: ImportOutcome, planKey: string): string[] {
  if (outcome.status === 'already-imported' && outcome.record) {
    const r = outcome.record;
    return [`Filen ${outcome.fileName} är redan inläst i ${planKey}: import ${r.id}, ${formatDateTime(r.importedAt)} av ${r.importedBy}. Ingenting har ändrats.`];
  }
  if (outcome.status === 'unchanged') {
    return [`Inga ändringar: alla värden i ${outcome.fileName} finns redan i ${planKey} från samma källa. Ingenting har sparats.`];
  }
  const periods = outcome.periods.length === 0 ? '' : ` (${formatPeriod(outcome.periods[0]!)}–${formatPeriod(outcome.periods[outcome.periods.length - 1]!)})`;
  if (outcome.status === 'dry-run' && outcome.planned) {
    const planned = outcome.planned;
    const count = (effect: PlannedCell['effect']) => planned.cells.filter((cell) => cell.effect === effect).length;
    const summary = { written: count('written'), confirmed: count('confirmed'), emptied: count('emptied'), unchanged: planned.unchanged, items: 0, addedColumns: planned.addedColumns.map((a) => ({ itemType: a.itemType, itemKey: a.itemKey, columnKey: a.column.key, label: a.column.label })) };
    return [`Förhandsgranskning av ${outcome.fileName} → ${planKey}: ${outcome.rows} rader${periods}. Ingenting har sparats.`, countLine(summary), ...changeLines(planned.cells)];
  }
  const r = outcome.record!;
  return [`Import ${r.id}: ${outcome.fileName} → ${planKey}, ${outcome.rows} rader${periods}.`, countLine(r.summary)];
}
