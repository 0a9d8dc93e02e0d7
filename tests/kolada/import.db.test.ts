/**
 * The offline Kolada import on both engines, with the real files in demo/kolada: values keep
 * their gender, null stays null, ids stay strings ("0000", "0114"); a second import changes
 * nothing; a bad file is reported with file and line and nothing is stored; `isdeleted` deletes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { countStored } from '../../src/db/kolada-read-repository.ts';
import { rows } from '../../src/db/migrate.ts';
import { importKoladaFiles } from '../../src/services/kolada-import-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { sharedKoladaFiles } from './shared-files.ts';

interface ValueRow {
  kpi: string;
  municipality: string;
  year: number;
  gender: string;
  value: string | null;
}

async function valueOf(database: Database, kpi: string, municipality: string, year: number, gender = 'T'): Promise<ValueRow[]> {
  return rows<ValueRow>(
    database.db,
    sql`select kpi, municipality, year, gender, value::text as value from kolada_values
         where kpi = ${kpi} and municipality = ${municipality} and year = ${year} and gender = ${gender}`,
  );
}

describe.each(engines)('Kolada import on %s', (engine) => {
  let database: Database;
  let firstRun: Awaited<ReturnType<typeof importKoladaFiles>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    firstRun = await importKoladaFiles(database.db, sharedKoladaFiles(), { trigger: 'test' });
  });
  afterAll(() => database.close());

  it('stores every file: 2 039 KPIs, 312 municipalities, 3 309 groups, 117 KPI groups and 25 323 values', async () => {
    expect(await countStored(database.db)).toEqual({ kpis: 2039, municipalities: 312, municipalityGroups: 3309, kpiGroups: 117, values: 7847 + 9037 + 3201 + 5238 });
    expect(firstRun.stored.values).toEqual({ inserted: 25323, updated: 0, unchanged: 0 });
  });

  it('keeps ids as strings and values as printed: Timrå 2022 N31807 = 2.900755, the country is "0000"', async () => {
    expect(await valueOf(database, 'N31807', '2262', 2022)).toEqual([{ kpi: 'N31807', municipality: '2262', year: 2022, gender: 'T', value: '2.900755' }]);
    expect(await valueOf(database, 'N31807', '0000', 2022)).toEqual([{ kpi: 'N31807', municipality: '0000', year: 2022, gender: 'T', value: '2.850348' }]);
    expect((await valueOf(database, 'N30101', '0114', 1996))[0]!.value).toBe('1929.0');
    const [kommun] = await rows<{ id: string; title: string; type: string }>(database.db, sql`select id, title, type from kolada_municipalities where id = '0114'`);
    expect(kommun).toEqual({ id: '0114', title: 'Upplands Väsby', type: 'K' });
  });

  it('keeps gender and stores a missing value as null, never 0 (Timrå 2017, N33816, K and M)', async () => {
    expect(await valueOf(database, 'N33816', '2262', 2017, 'K')).toEqual([{ kpi: 'N33816', municipality: '2262', year: 2017, gender: 'K', value: null }]);
    expect(await valueOf(database, 'N33816', '2262', 2017, 'M')).toEqual([{ kpi: 'N33816', municipality: '2262', year: 2017, gender: 'M', value: null }]);
    const zeros = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from kolada_values where kpi = 'N31910' and municipality = '0114' and year = 2012`);
    expect(zeros[0]!.n).toBe(1); // an empty cell in the CSV: a row whose value is null
    expect((await valueOf(database, 'N31910', '0114', 2012))[0]!.value).toBeNull();
  });

  it('stores KPI metadata with its flags and dates, and groups with their members', async () => {
    const [kpi] = await rows<Record<string, unknown>>(
      database.db,
      sql`select id, title, is_divided_by_gender, has_ou_data, municipality_type, perspective, publication_date::text as publication_date from kolada_kpis where id = 'N33816'`,
    );
    expect(kpi).toMatchObject({ id: 'N33816', is_divided_by_gender: true, municipality_type: 'K' });
    expect(String(kpi!.title)).toContain('HVB');
    const members = await rows<{ municipality: string }>(database.db, sql`select municipality from kolada_municipality_group_members where group_id = 'G36671' order by municipality`);
    expect(members.map((m) => m.municipality)).toEqual(['0461', '0861', '1266', '1291', '1784', '2062', '2481']);
    const kpiGroup = await rows<{ title: string }>(database.db, sql`select title from kolada_kpi_groups where id = 'G2KPI168077'`);
    expect(kpiGroup).toEqual([{ title: 'Ekonomiskt bistånd' }]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from kolada_values where run_id = ${firstRun.runId}`);
    const again = await importKoladaFiles(database.db, sharedKoladaFiles(), { trigger: 'test' });
    expect(again.stored.values).toEqual({ inserted: 0, updated: 0, unchanged: 25323 });
    expect(again.stored.kpis).toEqual({ inserted: 0, updated: 0, unchanged: 2039 });
    expect(again.stored.municipalityGroups).toEqual({ inserted: 0, updated: 0, unchanged: 3309 });
    const after = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from kolada_values where run_id = ${firstRun.runId}`);
    expect(after).toEqual(before);
  });

  it('refuses a broken file with file and line in Swedish, and stores nothing from any file given with it', async () => {
    const before = await countStored(database.db);
    const broken = [
      'geo,year,n31807',
      '2262,2023,3.1',
      '262,2023,2.9', // a spreadsheet ate the leading zero
      '0000,tjugo,2.8',
      '0001,2023,"2,8"',
    ].join('\n');
    const error = await importKoladaFiles(database.db, [{ name: 'extra.json', text: JSON.stringify({ values: [{ kpi: 'N31807', municipality: '2262', period: 2024, values: [{ gender: 'T', value: 3.3 }] }] }) }, { name: 'trasig.csv', text: broken }], { trigger: 'test' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation', message: 'Kolada-filerna har 3 fel; ingenting har sparats' });
    const problems = (error as { problems: Array<{ path: string; message: string }> }).problems;
    expect(problems.map((p) => p.path)).toEqual(['trasig.csv:3', 'trasig.csv:4', 'trasig.csv:5']);
    expect(problems[0]!.message).toContain('den inledande nollan');
    expect(problems[2]!.message).toContain('punkt som decimaltecken');
    expect(await countStored(database.db)).toEqual(before);
    expect(await valueOf(database, 'N31807', '2262', 2024)).toEqual([]);
  });

  it('points at the line and column where a JSON file breaks', async () => {
    const text = '{\n  "values": [\n    {"kpi": "N31807", "municipality": "2262", "period": 2023, "values": [{"gender": "T", "value": 3.1}]},\n    {"kpi": "N31807", "municipality": "2262", "per\n';
    const error = await importKoladaFiles(database.db, [{ name: 'avbruten.json', text }], { trigger: 'test' }).catch((e: unknown) => e);
    expect((error as { problems: Array<{ path: string }> }).problems).toEqual([
      { path: 'avbruten.json:4:51', message: 'Filen är inte giltig JSON här (avbruten eller trasig fil?)' },
    ]);
  });

  it('reads a saved API v3 answer: period as text or number, and `isdeleted` rows delete', async () => {
    const answer = {
      values: [
        { kpi: 'N31807', municipality: '2262', period: '2023', values: [{ gender: 'T', value: 3.05, count: 1, status: '' }, { gender: 'K', value: null, count: 0, status: 'Saknas' }] },
        { kpi: 'N31807', municipality: '2262', period: 2022, isdeleted: true, values: [{ gender: 'T', value: null }] },
      ],
      count: 2,
      next_url: '',
      previous_url: '',
    };
    const result = await importKoladaFiles(database.db, [{ name: 'svar.json', text: JSON.stringify(answer) }], { trigger: 'test' });
    expect(result.stored.values).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(result.stored.deletedValues).toBe(1);
    expect(await valueOf(database, 'N31807', '2262', 2022)).toEqual([]);
    const [women] = await rows<{ value: string | null; status: string; count: number }>(database.db, sql`select value::text as value, status, count from kolada_values where kpi = 'N31807' and municipality = '2262' and year = 2023 and gender = 'K'`);
    expect(women).toEqual({ value: null, status: 'Saknas', count: 0 });
    // Back as it was, for the other tests: the CSV file again.
    await importKoladaFiles(database.db, sharedKoladaFiles(['ddf-raw-n31807-by-geo-year.csv']), { trigger: 'test' });
    expect((await valueOf(database, 'N31807', '2262', 2022))[0]!.value).toBe('2.900755');
  });
});
