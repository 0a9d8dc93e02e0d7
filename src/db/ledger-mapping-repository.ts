/** A municipality's ledger mappings (ledger_mappings): stored as their JSON file, with a version for If-Match. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './connection.ts';
import { ledgerMappings, municipalities } from './schema.ts';

export interface StoredMapping {
  key: string;
  name: string;
  municipality: string;
  content: unknown;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

const columns = {
  key: ledgerMappings.key,
  name: ledgerMappings.name,
  municipality: municipalities.code,
  content: ledgerMappings.content,
  version: ledgerMappings.version,
  updatedBy: ledgerMappings.updatedBy,
  updatedAt: ledgerMappings.updatedAt,
};

/** Every mapping, by municipality and key. */
export async function listMappings(db: Db): Promise<StoredMapping[]> {
  return db.select(columns).from(ledgerMappings).innerJoin(municipalities, eq(ledgerMappings.municipalityId, municipalities.id)).orderBy(asc(municipalities.code), asc(ledgerMappings.key));
}

/** One mapping by its key (keys are unique per municipality; the first municipality's when several have it). */
export async function findMapping(db: Db, key: string, municipality?: string): Promise<StoredMapping | null> {
  const [row] = await db
    .select(columns)
    .from(ledgerMappings)
    .innerJoin(municipalities, eq(ledgerMappings.municipalityId, municipalities.id))
    .where(and(eq(ledgerMappings.key, key), municipality === undefined ? undefined : eq(municipalities.code, municipality)))
    .orderBy(asc(municipalities.code))
    .limit(1);
  return row ?? null;
}

/** The id of a municipality by its code, or null when no plan of it has been stored. */
export async function municipalityId(db: Db, code: string): Promise<number | null> {
  const [row] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, code));
  return row?.id ?? null;
}

/** Stores a new mapping (version 1) or a change (the version must still be `expected`); returns the new version, or null when stale. */
export async function writeMapping(
  tx: Db,
  values: { municipalityId: number; key: string; name: string; content: unknown; actor: string },
  expected: number | null,
): Promise<number | null> {
  if (expected === null) {
    const [row] = await tx.insert(ledgerMappings).values({ municipalityId: values.municipalityId, key: values.key, name: values.name, content: values.content, version: 1, updatedBy: values.actor }).returning({ version: ledgerMappings.version });
    return row!.version;
  }
  const [row] = await tx
    .update(ledgerMappings)
    .set({ name: values.name, content: values.content, version: expected + 1, updatedBy: values.actor, updatedAt: new Date() })
    .where(and(eq(ledgerMappings.municipalityId, values.municipalityId), eq(ledgerMappings.key, values.key), eq(ledgerMappings.version, expected)))
    .returning({ version: ledgerMappings.version });
  return row?.version ?? null;
}
