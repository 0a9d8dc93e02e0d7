/**
 * Storing Kolada data: a batch (KPIs, municipalities, groups, values, deletions) so that storing
 * the same batch again changes nothing. Reads are in kolada-read-repository.ts.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import { readComparisonGroupTitle } from '../domain/kolada/comparison-groups.ts';
import type { KoladaBatch, KoladaGroup, KoladaKpi, KoladaValue } from '../domain/kolada/model.ts';
import type { Db } from './connection.ts';
import { rows } from './migrate.ts';
import {
  koladaKpiGroupMembers,
  koladaKpiGroups,
  koladaMunicipalities,
  koladaMunicipalityGroupMembers,
  koladaMunicipalityGroups,
} from './schema.ts';

export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface StoreSummary {
  kpis: StoreCounts;
  municipalities: StoreCounts;
  municipalityGroups: StoreCounts;
  kpiGroups: StoreCounts;
  values: StoreCounts;
  deletedValues: number;
  deletedGroups: number;
}

const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function counts(total: number, returned: Array<{ inserted: boolean }>): StoreCounts {
  const inserted = returned.filter((r) => r.inserted).length;
  return { inserted, updated: returned.length - inserted, unchanged: total - returned.length };
}

/** The last occurrence of each key wins: later files and pages override earlier ones. */
function lastByKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

const valueKey = (v: { kpi: string; municipality: string; year: number; gender: string }) => `${v.kpi}|${v.municipality}|${v.year}|${v.gender}`;

/** Whether any of the listed columns differs from the row being inserted (`excluded`). */
function differs(table: string, columns: string[]): SQL {
  const list = (prefix: string) => columns.map((c) => `${prefix}.${c}`).join(', ');
  return sql.raw(`(${list(table)}) is distinct from (${list('excluded')})`);
}

const wasInserted = sql<boolean>`(xmax = 0)`;

/**
 * A PostgreSQL array literal ('{"a","b",NULL}') sent as one text parameter: thousands of rows go
 * in one `unnest(…)` statement with a handful of parameters, the same way on both drivers.
 */
export function arrayLiteral(items: ReadonlyArray<string | number | boolean | null>): string {
  return `{${items.map((item) => (item === null ? 'NULL' : `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function column<T>(items: T[], pick: (item: T) => string | number | boolean | null): string {
  return arrayLiteral(items.map(pick));
}

/**
 * Stores a batch in the caller's transaction. Rows equal to what is stored are left untouched (so
 * a second import changes nothing and keeps the run that first stored them). With
 * `completeGroups`, municipality groups absent from the batch are removed (a sync's full list).
 */
export async function storeBatch(db: Db, batch: KoladaBatch, runId: number, options: { completeGroups?: boolean } = {}): Promise<StoreSummary> {
  const deletedKeys = new Set(
    batch.deletions.flatMap((d) => (d.genders ?? ['T', 'K', 'M']).map((gender) => valueKey({ ...d, gender }))),
  );
  const values = lastByKey(batch.values, valueKey).filter((v) => !deletedKeys.has(valueKey(v)));
  return {
    municipalities: await storeMunicipalities(db, batch, runId),
    kpis: await storeKpis(db, lastByKey(batch.kpis, (k) => k.id), runId),
    municipalityGroups: await storeGroups(db, 'municipality', lastByKey(batch.municipalityGroups, (g) => g.id), runId),
    kpiGroups: await storeGroups(db, 'kpi', lastByKey(batch.kpiGroups, (g) => g.id), runId),
    deletedGroups: await deleteGroups(db, batch, options.completeGroups === true),
    deletedValues: await deleteValues(db, [...deletedKeys]),
    values: await storeValues(db, values, runId),
  };
}

async function storeMunicipalities(db: Db, batch: KoladaBatch, runId: number): Promise<StoreCounts> {
  const items = lastByKey(batch.municipalities, (m) => m.id);
  const returned: Array<{ inserted: boolean }> = [];
  for (const part of chunks(items)) {
    returned.push(
      ...(await db
        .insert(koladaMunicipalities)
        .values(part.map((m) => ({ ...m, runId })))
        .onConflictDoUpdate({
          target: koladaMunicipalities.id,
          set: { title: sql`excluded.title`, type: sql`excluded.type`, runId: sql`excluded.run_id` },
          setWhere: differs('kolada_municipalities', ['title', 'type']),
        })
        .returning({ inserted: wasInserted })),
    );
  }
  return counts(items.length, returned);
}

const kpiColumns = ['title', 'description', 'definition', 'operating_area', 'perspective', 'municipality_type', 'is_divided_by_gender', 'has_ou_data', 'auspices', 'publication_date', 'ou_publication_date', 'prel_publication_date', 'publ_period'];

async function storeKpis(db: Db, items: KoladaKpi[], runId: number): Promise<StoreCounts> {
  const returned: Array<{ inserted: boolean }> = [];
  const updates = [...kpiColumns, 'run_id'].map((c) => `${c} = excluded.${c}`).join(', ');
  for (const part of chunks(items, 2000)) {
    returned.push(
      ...(await rows<{ inserted: boolean }>(
        db,
        sql`insert into kolada_kpis (id, ${sql.raw(kpiColumns.join(', '))}, run_id)
            select * from unnest(${column(part, (k) => k.id)}::text[], ${column(part, (k) => k.title)}::text[], ${column(part, (k) => k.description)}::text[],
                                 ${column(part, (k) => k.definition)}::text[], ${column(part, (k) => k.operatingArea)}::text[], ${column(part, (k) => k.perspective)}::text[],
                                 ${column(part, (k) => k.municipalityType)}::text[], ${column(part, (k) => k.isDividedByGender)}::boolean[], ${column(part, (k) => k.hasOuData)}::boolean[],
                                 ${column(part, (k) => k.auspices)}::text[], ${column(part, (k) => k.publicationDate)}::date[], ${column(part, (k) => k.ouPublicationDate)}::date[],
                                 ${column(part, (k) => k.prelPublicationDate)}::date[], ${column(part, (k) => k.publPeriod)}::text[], ${column(part, () => runId)}::int[])
            on conflict (id) do update set ${sql.raw(updates)} where ${differs('kolada_kpis', kpiColumns)}
            returning ${wasInserted} as inserted`,
      )),
    );
  }
  return counts(items.length, returned);
}

function groupTables(kind: 'municipality' | 'kpi') {
  return kind === 'municipality'
    ? { groups: koladaMunicipalityGroups, members: koladaMunicipalityGroupMembers, memberColumn: koladaMunicipalityGroupMembers.municipality }
    : { groups: koladaKpiGroups, members: koladaKpiGroupMembers, memberColumn: koladaKpiGroupMembers.kpi };
}

/** Groups whose title or members changed get their members replaced; equal groups are left alone. */
async function storeGroups(db: Db, kind: 'municipality' | 'kpi', items: KoladaGroup[], runId: number): Promise<StoreCounts> {
  if (items.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const t = groupTables(kind);
  const stored = await storedGroups(db, kind, items.map((g) => g.id));
  const changed = items.filter((g) => stored.get(g.id) !== groupSignature(g));
  for (const part of chunks(changed, 5000)) {
    await (kind === 'municipality' ? upsertMunicipalityGroups(db, part, runId) : upsertKpiGroups(db, part, runId));
    await db.delete(t.members).where(inArray(t.members.groupId, part.map((g) => g.id)));
    const members = part.flatMap((g) => lastByKey(g.members, (m) => m.id).map((m) => ({ groupId: g.id, id: m.id, title: m.title })));
    for (const memberPart of chunks(members, 10_000)) await insertMembers(db, kind, memberPart);
  }
  const inserted = changed.filter((g) => !stored.has(g.id)).length;
  return { inserted, updated: changed.length - inserted, unchanged: items.length - changed.length };
}

/** Municipality groups with their comparison-group reading ("Liknande kommuner IFO, Timrå, 2022" → timrå, IFO, 2022). */
async function upsertMunicipalityGroups(db: Db, groups: KoladaGroup[], runId: number): Promise<void> {
  const read = groups.map((g) => readComparisonGroupTitle(g.title));
  await db.execute(
    sql`insert into kolada_municipality_groups (id, title, comparison_for, comparison_area, comparison_year, run_id)
        select * from unnest(${column(groups, (g) => g.id)}::text[], ${column(groups, (g) => g.title)}::text[],
                             ${arrayLiteral(read.map((r) => r?.municipality.toLowerCase() ?? null))}::text[], ${arrayLiteral(read.map((r) => r?.area ?? null))}::text[],
                             ${arrayLiteral(read.map((r) => r?.year ?? null))}::smallint[], ${column(groups, () => runId)}::int[])
        on conflict (id) do update set title = excluded.title, comparison_for = excluded.comparison_for, comparison_area = excluded.comparison_area,
                                       comparison_year = excluded.comparison_year, run_id = excluded.run_id`,
  );
}

async function upsertKpiGroups(db: Db, groups: KoladaGroup[], runId: number): Promise<void> {
  await db.execute(
    sql`insert into kolada_kpi_groups (id, title, run_id)
        select * from unnest(${column(groups, (g) => g.id)}::text[], ${column(groups, (g) => g.title)}::text[], ${column(groups, () => runId)}::int[])
        on conflict (id) do update set title = excluded.title, run_id = excluded.run_id`,
  );
}

async function insertMembers(db: Db, kind: 'municipality' | 'kpi', members: Array<{ groupId: string; id: string; title: string | null }>): Promise<void> {
  const table = sql.raw(kind === 'municipality' ? 'kolada_municipality_group_members (group_id, municipality, title)' : 'kolada_kpi_group_members (group_id, kpi, title)');
  await db.execute(
    sql`insert into ${table} select * from unnest(${column(members, (m) => m.groupId)}::text[], ${column(members, (m) => m.id)}::text[], ${column(members, (m) => m.title)}::text[])`,
  );
}

function groupSignature(group: KoladaGroup): string {
  const members = lastByKey(group.members, (m) => m.id)
    .map((m) => `${m.id}=${m.title ?? ''}`)
    .sort();
  return `${group.title}\u0000${members.join('\u0001')}`;
}

async function storedGroups(db: Db, kind: 'municipality' | 'kpi', ids: string[]): Promise<Map<string, string>> {
  const t = groupTables(kind);
  const result = new Map<string, string>();
  for (const part of chunks(ids, 5000)) {
    const groups = await db.select({ id: t.groups.id, title: t.groups.title }).from(t.groups).where(inArray(t.groups.id, part));
    const members = await db.select({ groupId: t.members.groupId, id: t.memberColumn, title: t.members.title }).from(t.members).where(inArray(t.members.groupId, part));
    const byGroup = new Map<string, KoladaGroup['members']>();
    for (const m of members) byGroup.set(m.groupId, [...(byGroup.get(m.groupId) ?? []), { id: m.id, title: m.title }]);
    for (const g of groups) result.set(g.id, groupSignature({ id: g.id, title: g.title, members: byGroup.get(g.id) ?? [] }));
  }
  return result;
}

async function deleteGroups(db: Db, batch: KoladaBatch, complete: boolean): Promise<number> {
  let deleted = 0;
  if (batch.deletedGroups.length) {
    deleted += (await db.delete(koladaMunicipalityGroups).where(inArray(koladaMunicipalityGroups.id, batch.deletedGroups)).returning({ id: koladaMunicipalityGroups.id })).length;
  }
  if (complete && batch.municipalityGroups.length) {
    const keep = new Set(batch.municipalityGroups.map((g) => g.id));
    const stale = (await db.select({ id: koladaMunicipalityGroups.id }).from(koladaMunicipalityGroups)).map((g) => g.id).filter((id) => !keep.has(id));
    for (const part of chunks(stale, 5000)) {
      deleted += (await db.delete(koladaMunicipalityGroups).where(inArray(koladaMunicipalityGroups.id, part)).returning({ id: koladaMunicipalityGroups.id })).length;
    }
  }
  return deleted;
}

async function deleteValues(db: Db, keys: string[]): Promise<number> {
  let deleted = 0;
  for (const part of chunks(keys, 500)) {
    const tuples = part.map((key) => {
      const [kpi, municipality, year, gender] = key.split('|');
      return sql`(${kpi}, ${Number(year)}::smallint, ${gender}, ${municipality})`;
    });
    const result = await rows<{ n: number }>(
      db,
      sql`with gone as (delete from kolada_values where (kpi, year, gender, municipality) in (${sql.join(tuples, sql`, `)}) returning 1) select count(*)::int as n from gone`,
    );
    deleted += result[0]!.n;
  }
  return deleted;
}

async function storeValues(db: Db, values: KoladaValue[], runId: number): Promise<StoreCounts> {
  const returned: Array<{ inserted: boolean }> = [];
  for (const part of chunks(values, 10_000)) {
    returned.push(
      ...(await rows<{ inserted: boolean }>(
        db,
        sql`insert into kolada_values (kpi, year, gender, municipality, value, status, count, run_id)
            select * from unnest(${column(part, (v) => v.kpi)}::text[], ${column(part, (v) => v.year)}::smallint[], ${column(part, (v) => v.gender)}::text[],
                                 ${column(part, (v) => v.municipality)}::text[], ${column(part, (v) => v.value)}::numeric[], ${column(part, (v) => v.status)}::text[],
                                 ${column(part, (v) => v.count)}::int[], ${column(part, () => runId)}::int[])
            on conflict (kpi, year, gender, municipality) do update
               set value = excluded.value, status = excluded.status, count = excluded.count, run_id = excluded.run_id
             where ${differs('kolada_values', ['value', 'status', 'count'])}
            returning ${wasInserted} as inserted`,
      )),
    );
  }
  return counts(values.length, returned);
}
