/**
 * Reading and aggregating a ledger file in one pass, in bounded memory: entries stream from the
 * reader into the domain's LedgerAggregator (domain/ledger/aggregate.ts). A faulty file throws its
 * report (nothing of it is returned); a good one gives the figures per target, month and side,
 * with everything outside them listed. This is the preview (`--dry-run`) and what the import
 * writes.
 */
import { LedgerAggregator, type LedgerAggregation } from '../../domain/ledger/aggregate.ts';
import type { LedgerEntry } from '../../domain/ledger/entry.ts';
import type { LedgerMapping } from '../../domain/ledger/mapping.ts';
import type { ByteSource, Reading } from '../reading.ts';
import { readLedger, type LedgerReadInfo, type ReadLedgerOptions } from './read-ledger.ts';

/** The aggregation of a reading of ledger entries (which throws the file's report when it is faulty). */
export async function aggregateEntries(
  entries: Reading<LedgerEntry, unknown>,
  mapping: Pick<LedgerMapping, 'rules' | 'accounts'>,
  onProgress?: (entries: number) => void,
): Promise<LedgerAggregation> {
  const aggregator = new LedgerAggregator(mapping);
  let count = 0;
  for await (const batch of entries.batches()) {
    aggregator.addAll(batch);
    count += batch.length;
    onProgress?.(count);
  }
  return aggregator.result();
}

/** Reads a ledger file and aggregates it by the mapping. */
export async function aggregateLedgerFile(
  source: ByteSource,
  options: Omit<ReadLedgerOptions, 'mapping'> & { mapping: LedgerMapping; onProgress?: (entries: number) => void },
): Promise<{ aggregation: LedgerAggregation; info: LedgerReadInfo }> {
  const entries = readLedger(source, options);
  const aggregation = await aggregateEntries(entries, options.mapping, options.onProgress);
  return { aggregation, info: entries.info };
}
