/**
 * A SIE file's ledger entries, by one of two sources:
 * - 'transactions': the #TRANS rows of its vouchers (SIE 4), dated by transdat or the voucher's
 *   date. #BTRANS (removed) and #RTRANS (added, and always repeated as #TRANS) are not counted
 *   again, so the sums are the vouchers as they stand.
 * - 'period-balances': the #PSALDO rows (SIE 2 and 3), a month's change per account. A file gives
 *   the same money in several views (the whole account `{}`, per cost centre, per cost centre and
 *   project …), so only the rows whose object list holds exactly the mapped dimensions are read;
 *   the other views are counted in `otherViews`, not added twice.
 * By default the source follows #SIETYP (4 → transactions, 2 and 3 → period balances). The SIE
 * dimensions named as responsibility (ansvar) and activity (verksamhet) get those names among
 * an entry's codes; other dimensions keep their numbers.
 */
import type { LedgerEntry } from '../../domain/ledger/entry.ts';
import { reading, type Reading } from '../reading.ts';
import { ProblemCollector } from '../report.ts';
import type { SieInfo } from '../sie/read-sie.ts';
import type { SieObjectRef, SieRecord } from '../sie/records.ts';

export interface SieLedgerOptions {
  /** The SIE dimension numbers of responsibility and activity, e.g. { responsibility: '1' }. */
  dimensions?: { responsibility?: string; activity?: string };
  source?: 'transactions' | 'period-balances';
  fileLabel?: string;
}

export interface SieLedgerInfo {
  sie: SieInfo;
  source: 'transactions' | 'period-balances' | null;
  entries: number;
  /** #PSALDO rows of other object views, passed over. */
  otherViews: number;
}

/** Ledger entries from the records of a SIE reading. */
export function sieLedgerEntries(records: Reading<SieRecord, SieInfo>, options: SieLedgerOptions = {}): Reading<LedgerEntry, SieLedgerInfo> {
  const info: SieLedgerInfo = { sie: records.info, source: options.source ?? null, entries: 0, otherViews: 0 };
  return reading(info, () => generate(records, options, info));
}

async function* generate(records: Reading<SieRecord, SieInfo>, options: SieLedgerOptions, info: SieLedgerInfo): AsyncGenerator<LedgerEntry[]> {
  const names = dimensionNames(options.dimensions ?? {});
  const view = [...names.keys()].sort().join(' ');
  for await (const batch of records.batches()) {
    const entries: LedgerEntry[] = [];
    for (const record of batch) {
      if (record.kind === 'sie-type' && info.source === null) info.source = record.value === 4 ? 'transactions' : 'period-balances';
      const source = info.source ?? 'transactions';
      if (source === 'transactions' && record.kind === 'transaction' && record.type === 'TRANS') {
        entries.push({ line: record.line, period: record.date.slice(0, 7), account: record.account, codes: codesOf(record.objects, names), amount: record.amount });
      } else if (source === 'period-balances' && record.kind === 'period-balance' && record.type === 'PSALDO') {
        if (objectView(record.objects) !== view) info.otherViews++;
        else entries.push({ line: record.line, period: record.period, account: record.account, codes: codesOf(record.objects, names), amount: record.amount });
      }
    }
    info.entries += entries.length;
    if (entries.length > 0) yield entries;
  }
  if (info.sie.sieType === 1) {
    new ProblemCollector(options.fileLabel ?? 'SIE-filen').fail({
      line: null,
      record: '#SIETYP',
      reason: 'En SIE-fil av typ 1 har bara årssaldon; utfall per månad kräver typ 2, 3 eller 4.',
    });
  }
}

function dimensionNames(dimensions: { responsibility?: string; activity?: string }): Map<string, string> {
  const names = new Map<string, string>();
  if (dimensions.responsibility !== undefined) names.set(dimensions.responsibility, 'responsibility');
  if (dimensions.activity !== undefined) names.set(dimensions.activity, 'activity');
  return names;
}

function codesOf(objects: SieObjectRef[], names: Map<string, string>): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const object of objects) codes[names.get(object.dimension) ?? object.dimension] = object.code;
  return codes;
}

function objectView(objects: SieObjectRef[]): string {
  return objects
    .map((object) => object.dimension)
    .sort()
    .join(' ');
}
