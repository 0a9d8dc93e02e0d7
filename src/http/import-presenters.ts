/** Import records, outcomes and cells as the API returns them (contract/imports.ts). */
import type { ImportCellBody, ImportOutcomeBody, ImportRecordBody, LedgerPreviewBody } from '../contract/imports.ts';
import type { ImportRecord, RecordedCell } from '../db/import-repository.ts';
import type { ImportOutcome } from '../services/import-actuals-service.ts';
import type { LedgerOutcome } from '../services/import-ledger-service.ts';
import { summarise } from '../services/import-write.ts';

/** An import record as JSON. */
export function presentRecord(record: ImportRecord): ImportRecordBody {
  return {
    id: record.id,
    plan: record.planKey,
    kind: record.kind,
    fileName: record.fileName,
    checksum: record.checksum,
    bytes: Number(record.bytes),
    format: record.format,
    rows: record.rows,
    sourceSystem: record.sourceSystem,
    mapping: record.mappingKey,
    periods: record.periods,
    status: record.status,
    summary: record.summary,
    importedBy: record.importedBy,
    importedAt: record.importedAt.toISOString(),
    undoneBy: record.undoneBy,
    undoneAt: record.undoneAt === null ? null : record.undoneAt.toISOString(),
  };
}

/** A recorded cell as JSON. */
export function presentCell(cell: RecordedCell): ImportCellBody {
  return { itemType: cell.itemType, itemKey: cell.itemKey, rowKey: cell.rowKey, columnKey: cell.columnKey, period: cell.period, before: cell.before, after: cell.after };
}

const CELL_LIMIT = 1000;

/** What an import did or would do, as JSON; a ledger import adds its table per unit and month. */
export function presentOutcome(outcome: ImportOutcome, ledger: LedgerPreviewBody | null): ImportOutcomeBody {
  const cells = outcome.planned?.cells ?? [];
  return {
    status: outcome.status,
    fileName: outcome.fileName,
    checksum: outcome.checksum,
    rows: outcome.rows,
    periods: outcome.periods,
    import: outcome.record === null ? null : presentRecord(outcome.record),
    counts: outcome.planned === null ? null : summarise(outcome.planned),
    cells: cells.slice(0, CELL_LIMIT).map(({ itemType, itemKey, rowKey, columnKey, period, before, after, effect }) => ({ itemType, itemKey, rowKey, columnKey, period, before, after, effect })),
    cellCount: cells.length,
    ledger,
  };
}

/** A ledger import's table per unit and month and what fell outside it, as JSON (kronor as exact decimals). */
export function presentLedger(outcome: LedgerOutcome): LedgerPreviewBody {
  const { aggregation, placed } = outcome;
  return {
    entries: aggregation.entries,
    booked: aggregation.booked.toFixed(),
    units: placed.units.map((unit) => ({
      target: unit.key,
      label: unit.label,
      table: unit.table,
      months: unit.months.map((month) => ({ period: month.period, income: month.income.toFixed(), costs: month.costs.toFixed(), net: month.net.toFixed() })),
    })),
    unmapped: aggregation.unmapped.map((entry) => ({ codes: entry.codes, income: entry.income.toFixed(), costs: entry.costs.toFixed(), entries: entry.entries, firstLine: entry.firstLine, accounts: entry.accounts })),
    excluded: aggregation.excluded.map((entry) => ({ rule: entry.rule, reason: entry.reason, income: entry.income.toFixed(), costs: entry.costs.toFixed(), entries: entry.entries })),
    outside: aggregation.outside.map((entry) => ({ account: entry.account, class: entry.class, booked: entry.booked.toFixed(), entries: entry.entries })),
  };
}
