/**
 * Request and response shapes of the import endpoints (issue 14), shared by the server (validation,
 * OpenAPI) and the web page "Importera utfall". A file is sent as the raw request body
 * (Content-Type: application/octet-stream) with its name in X-File-Name (URL-encoded).
 */
import { z } from 'zod';

const itemType = z.enum(['volume-table', 'budget-table', 'indicator']);

export const ImportCounts = z.object({
  written: z.number().int().describe('celler som fått ett nytt värde'),
  confirmed: z.number().int().describe('celler med samma värde som nu har importen som källa'),
  emptied: z.number().int().describe('celler som en rättad fil från samma källa inte längre har'),
  unchanged: z.number().int().describe('celler som redan hade filens värde från samma källa'),
  addedColumns: z.array(z.object({ itemType: z.string(), itemKey: z.string(), columnKey: z.string(), label: z.string() })),
  items: z.number().int().optional(),
});

export const ImportRecordBody = z
  .object({
    id: z.number().int(),
    plan: z.string(),
    kind: z.enum(['ledger', 'actuals']).describe('ledger = huvudbok (ekonomi), actuals = volymer och styrtal'),
    fileName: z.string(),
    checksum: z.string().describe('sha-256 av filens byte'),
    bytes: z.number().int(),
    format: z.string(),
    rows: z.number().int(),
    sourceSystem: z.string(),
    mapping: z.string().nullable(),
    periods: z.array(z.string()),
    status: z.enum(['imported', 'undone']),
    summary: ImportCounts,
    importedBy: z.string(),
    importedAt: z.string(),
    undoneBy: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .describe('En import');
export type ImportRecordBody = z.infer<typeof ImportRecordBody>;

export const ImportCellBody = z.object({
  itemType,
  itemKey: z.string(),
  rowKey: z.string(),
  columnKey: z.string(),
  period: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  effect: z.enum(['written', 'confirmed', 'emptied']).optional(),
});
export type ImportCellBody = z.infer<typeof ImportCellBody>;

const money = z.string().describe('kronor, exakt decimal med punkt');

/** The ledger's figures per unit and month, and what fell outside them (the dry run's table). */
export const LedgerPreviewBody = z.object({
  entries: z.number().int(),
  booked: money.describe('summan av alla rader som bokförda'),
  units: z.array(
    z.object({
      target: z.string(),
      label: z.string(),
      table: z.string().nullable().describe('budgettabellen utfallet skrivs i; null: planen har ingen tabell för enheten'),
      months: z.array(z.object({ period: z.string(), income: money, costs: money, net: money })),
    }),
  ),
  unmapped: z.array(z.object({ codes: z.record(z.string(), z.string()), income: money, costs: money, entries: z.number().int(), firstLine: z.number().int(), accounts: z.array(z.string()) })),
  excluded: z.array(z.object({ rule: z.number().int(), reason: z.string(), income: money, costs: money, entries: z.number().int() })),
  outside: z.array(z.object({ account: z.string(), class: z.string(), booked: money, entries: z.number().int() })),
});
export type LedgerPreviewBody = z.infer<typeof LedgerPreviewBody>;

export const ImportOutcomeBody = z
  .object({
    status: z.enum(['imported', 'dry-run', 'already-imported', 'unchanged']),
    fileName: z.string(),
    checksum: z.string(),
    rows: z.number().int(),
    periods: z.array(z.string()),
    import: ImportRecordBody.nullable().describe('importen (imported), eller den tidigare importen av samma fil (already-imported)'),
    counts: ImportCounts.nullable(),
    cells: z.array(ImportCellBody).describe('de ändrade cellerna (högst 1 000)'),
    cellCount: z.number().int(),
    ledger: LedgerPreviewBody.nullable(),
  })
  .describe('Vad en import gjorde, eller skulle göra (dryRun)');
export type ImportOutcomeBody = z.infer<typeof ImportOutcomeBody>;

export const ActualsImportQuery = z
  .object({
    dryRun: z.enum(['true', 'false', '1', '0']).optional().describe('true: förhandsgranska, spara ingenting'),
    source: z.string().max(100).optional().describe('källsystemet cellerna visar (standard: verksamhetssystemet)'),
    layout: z.enum(['auto', 'long', 'wide']).optional(),
    year: z.coerce.number().int().min(1900).max(2200).optional().describe('året för månadsrubriker utan år'),
    sheet: z.string().max(100).optional(),
    encoding: z.string().max(40).optional(),
    delimiter: z.enum([';', ',', 'tab']).optional(),
    decimal: z.enum([',', '.']).optional(),
  })
  .strict();

export const LedgerImportQuery = z
  .object({
    mapping: z.string().min(1).max(120).describe('mappningens nyckel'),
    plan: z.string().min(1).max(120).describe('planen vars budgettabeller får utfallet'),
    dryRun: z.enum(['true', 'false', '1', '0']).optional(),
    source: z.string().max(100).optional().describe('källsystemet cellerna visar (standard: ekonomisystemet)'),
    sheet: z.string().max(100).optional(),
    encoding: z.string().max(40).optional(),
    delimiter: z.enum([';', ',', 'tab']).optional(),
    decimal: z.enum([',', '.']).optional(),
  })
  .strict();

export const ImportListQuery = z.object({ plan: z.string().max(120).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) }).strict();
export const ImportList = z.object({ imports: z.array(ImportRecordBody) });
export const ImportIdParams = z.object({ id: z.coerce.number().int().min(1) });
export const ImportDetail = z.object({ import: ImportRecordBody, cells: z.array(ImportCellBody) });

export const ImportProgressBody = z.object({ bytes: z.number().int(), rows: z.number().int(), phase: z.enum(['reading', 'writing', 'done']) });
export const ProgressParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

/** Where a figure came from, for the provenance line on a cell ("Källa: ekonomisystemet, import 2026-03-05 av ekonom"). */
export const FigureSourceBody = z.object({
  itemType: z.string(),
  itemKey: z.string(),
  rowKey: z.string(),
  columnKey: z.string(),
  source: z.string(),
  recordedBy: z.string().nullable().describe('null för den som inte är inloggad'),
  recordedAt: z.string(),
  importId: z.number().int().nullable(),
  fileName: z.string().nullable(),
});
export type FigureSourceBody = z.infer<typeof FigureSourceBody>;
export const FigureSources = z.object({ figures: z.array(FigureSourceBody) });
export const FigureSourcesQuery = z.object({ item: z.enum(['volume-table', 'budget-table', 'indicator', 'capital-budget']).optional() }).strict();

/** A ledger mapping as stored: its JSON file (domain/ledger/mapping.ts) and version. */
export const LedgerMappingSummary = z.object({ key: z.string(), name: z.string(), municipality: z.string(), version: z.number().int(), updatedBy: z.string(), updatedAt: z.string() });
export const LedgerMappingList = z.object({ mappings: z.array(LedgerMappingSummary) });
export const MappingParams = z.object({ key: z.string().min(1).max(120) });
