/**
 * Ledger mappings per municipality (issue 14, point 1): stored as their JSON file (the format of
 * domain/ledger/mapping.ts, schema in schemas/ledger-mapping.schema.json), read and written as a
 * file (CLI `styrkort mapping`, GET/PUT /api/ledger-mappings/{key}) and edited in the web app.
 * Every change needs the version it replaces (If-Match), is validated whole and audited.
 */
import { StyrkortError } from '../domain/errors.ts';
import { parseLedgerMapping, type LedgerMapping } from '../domain/ledger/mapping.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { findMapping, listMappings, municipalityId, writeMapping, type StoredMapping } from '../db/ledger-mapping-repository.ts';

export type { StoredMapping };

/** The stored mappings. */
export function mappings(db: Db): Promise<StoredMapping[]> {
  return listMappings(db);
}

/** A stored mapping, validated, with its version; 404 when there is none. */
export async function getMapping(db: Db, key: string, municipality?: string): Promise<{ mapping: LedgerMapping; version: number; stored: StoredMapping }> {
  const stored = await findMapping(db, key, municipality);
  if (!stored) throw new StyrkortError('not-found', `Mappningen "${key}" finns inte. Se styrkort mapping list, eller spara en med styrkort mapping save FIL.`);
  return { mapping: parseLedgerMapping(stored.content), version: stored.version, stored };
}

/**
 * Stores a mapping file: new (ifMatch null, or `replace` from the command line) or a change of the
 * version read (ifMatch). Bad files are refused with every problem and their JSON paths.
 */
export async function saveMapping(db: Db, input: unknown, options: { actor: string; ifMatch: number | null; create?: boolean; reason?: string | null }): Promise<{ mapping: LedgerMapping; version: number; created: boolean }> {
  const mapping = parseLedgerMapping(input);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const owner = await municipalityId(tx, mapping.municipality);
    if (owner === null) throw new StyrkortError('validation', `Kommunen ${mapping.municipality} finns inte i Styrkort; läs in en plan för kommunen först. Ingenting har sparats.`, [{ path: '$.municipality', message: 'Okänd kommunkod' }]);
    const existing = await findMapping(tx, mapping.key, mapping.municipality);
    if (existing && options.ifMatch === null && !options.create) {
      throw new StyrkortError('precondition-required', `Mappningen "${mapping.key}" finns redan: ange versionen du ändrar (If-Match ${existing.version}), så att ingen annans ändring skrivs över.`);
    }
    if (!existing && options.ifMatch !== null) throw new StyrkortError('not-found', `Mappningen "${mapping.key}" finns inte`);
    const expected = existing ? (options.ifMatch ?? existing.version) : null;
    if (existing && expected !== existing.version) {
      throw new StyrkortError('precondition-failed', `Någon annan har ändrat mappningen sedan du läste den (din version ${expected}, nuvarande ${existing.version}). Läs om och gör ändringen igen.`, [], { current: { version: existing.version } });
    }
    const version = await writeMapping(tx, { municipalityId: owner, key: mapping.key, name: mapping.name, content: mapping, actor: options.actor }, expected);
    if (version === null) throw new StyrkortError('precondition-failed', 'Någon annan ändrade mappningen samtidigt. Läs om och försök igen.');
    await appendAudit(tx, {
      actor: options.actor,
      action: existing ? 'update' : 'create',
      entityType: 'ledger-mapping',
      entityKey: `${mapping.municipality}:${mapping.key}`,
      before: existing?.content ?? null,
      after: mapping,
      reason: options.reason ?? null,
    });
    return { mapping, version, created: !existing };
  });
}
