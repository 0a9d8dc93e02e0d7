/**
 * Volume and indicator actuals imported into the demo's adopted IFO plan (issue 14, points 2 and
 * 3), on both engines: the seed's own 2017 months confirmed with a new source, the same file again
 * changing nothing, a corrected file replacing its source's months, provenance kept on cells a
 * later edit did not touch, undo as a whole and its refusal after a later change, a period outside
 * the plan refused with nothing written, and every step audited.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { rows } from '../../src/db/migrate.ts';
import { isStyrkortError } from '../../src/domain/errors.ts';
import { localOperator } from '../../src/domain/access.ts';
import type { ImportReport } from '../../src/imports/report.ts';
import { importActuals } from '../../src/services/import-actuals-service.ts';
import { importHistory, undoImport } from '../../src/services/import-record-service.ts';
import { readDemoPlan } from '../../src/services/demo.ts';
import { updateCells } from '../../src/services/plan-items-service.ts';
import { exportPlan, importPlan, planFileText } from '../../src/services/plan-service.ts';
import { encode, stream } from '../fixtures/ledger/streams.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';

const planKey = 'timra-ifo-2018-2020';
const volumes = readFileSync(new URL('../../demo/timra-ifo-2017-volymer.csv', import.meta.url));

/** The demo's volume file with some lines changed or left out. */
function edited(change: (line: string) => string | null, extra: string[] = []): Buffer {
  const lines = volumes.toString('utf8').trimEnd().split('\n').map(change).filter((line): line is string => line !== null);
  return Buffer.from([...lines, ...extra].join('\n') + '\n', 'utf8');
}

async function report(promise: Promise<unknown>): Promise<ImportReport & { message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isStyrkortError(error) && error.code === 'validation') return { ...(error.details as ImportReport), message: error.message };
    throw error;
  }
  throw new Error('importen skulle ha nekats');
}

describe.each(engines)('importing volume and indicator actuals on %s', (engine) => {
  let database: Database;
  const cell = async (column: string, row = 'individstod-brukare') =>
    (await rows<{ printed: string; source: string; import_id: string | null; recorded_by: string }>(
      database.db,
      sql`select f.printed, f.source, f.import_id::text as import_id, f.recorded_by from figures f join plans p on p.id = f.plan_id where p.key = ${planKey} and f.item_type = 'volume-table' and f.row_key = ${row} and f.column_key = ${column}`,
    ))[0];
  const run = (bytes: Buffer, extra: Partial<Parameters<typeof importActuals>[1]> = {}) =>
    importActuals(database.db, { planKey, source: stream(bytes, 97), fileName: 'volymer.csv', actor: 'redaktor', ...extra });

  beforeEach(async () => {
    database = await freshDatabase(engine);
    await importPlan(database.db, readDemoPlan('timra-ifo-2018-2020.json'), { actor: 'test', source: 'demo/timra-ifo-2018-2020.json' });
  });
  afterEach(async () => {
    await database.close();
  });

  it('confirms the seed’s printed months with the import as their source; the same file again changes nothing', async () => {
    const before = planFileText(await exportPlan(database.db, planKey));
    const first = await run(volumes);
    expect(first.status).toBe('imported');
    expect(first.record?.summary).toMatchObject({ written: 0, confirmed: 144, emptied: 0, unchanged: 0, addedColumns: [] });
    expect(planFileText(await exportPlan(database.db, planKey))).toBe(before);
    expect(await cell('utfall-2017-08')).toEqual({ printed: '47', source: 'verksamhetssystemet', import_id: String(first.record!.id), recorded_by: 'redaktor' });

    const again = await run(volumes);
    expect(again.status).toBe('already-imported');
    expect(again.record?.id).toBe(first.record!.id);
    // The same content in other bytes (CRLF, a BOM) is a new file with nothing new in it.
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(volumes.toString('utf8').replace(/\n/g, '\r\n'))]);
    expect((await run(crlf)).status).toBe('unchanged');
    expect(await importHistory(database.db, { planKey })).toHaveLength(1);
  });

  it('replaces its source’s months with a corrected file, adds a month’s column on the adopted plan, and undoes both in turn', async () => {
    const original = planFileText(await exportPlan(database.db, planKey));
    const first = await run(volumes);
    const corrected = edited(
      (line) => (line.startsWith('individstod-brukare;2017-08;') ? 'individstod-brukare;2017-08;46' : line.startsWith('hvb-barn-unga-manadsslut;2017-08;') ? null : line),
      ['Antal brukare individstöd (sista dagen i månaden);2018-01;44'],
    );
    const second = await run(corrected, { fileName: 'volymer-rättad.csv' });
    expect(second.record?.summary).toMatchObject({ written: 2, confirmed: 0, emptied: 1, unchanged: 142 });
    expect(second.record?.summary.addedColumns).toEqual([{ itemType: 'volume-table', itemKey: 'ifo-matt-2017', columnKey: 'utfall-2018-01', label: 'Utfall jan 2018' }]);
    const plan = await exportPlan(database.db, planKey);
    const table = plan.volumeTables[0]!;
    expect(table.columns.at(-1)).toEqual({ key: 'utfall-2018-01', label: 'Utfall jan 2018', kind: 'actual', period: '2018-01' });
    expect(table.rows.find((row) => row.key === 'individstod-brukare')!.cells).toMatchObject({ 'utfall-2017-08': '46', 'utfall-2018-01': '44' });
    expect(table.rows.find((row) => row.key === 'hvb-barn-unga-manadsslut')!.cells['utfall-2017-08']).toBeUndefined();

    // The earlier import cannot be undone under the later one.
    await expect(undoImport(database.db, { id: first.record!.id, actor: 'redaktor' })).rejects.toMatchObject({
      code: 'conflict',
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'volymtabellen ifo-matt-2017, raden individstod-brukare, aug 2017', message: expect.stringContaining('import 2') }),
      ]),
    });
    await undoImport(database.db, { id: second.record!.id, actor: 'redaktor' });
    expect(await cell('utfall-2017-08')).toMatchObject({ printed: '47', import_id: String(first.record!.id), source: 'verksamhetssystemet' });
    await undoImport(database.db, { id: first.record!.id, actor: 'redaktor' });
    expect(planFileText(await exportPlan(database.db, planKey))).toBe(original);
    expect(await cell('utfall-2017-08')).toMatchObject({ printed: '47', import_id: null, source: 'demo/timra-ifo-2018-2020.json' });
    await expect(undoImport(database.db, { id: first.record!.id, actor: 'redaktor' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('redan ångrad') });
    const audit = await rows<{ action: string; entity_type: string; entity_key: string }>(database.db, sql`select action, entity_type, entity_key from audit_events where entity_type = 'import' order by id`);
    expect(audit.map((event) => `${event.action} ${event.entity_key}`)).toEqual(['import 1', 'import 2', 'undo-import 2', 'undo-import 1']);
  });

  it('keeps the source of imported cells another edit did not touch, and refuses an undo over a typed change', async () => {
    const first = await run(edited((line) => line, ['individstod-brukare;2018-01;44']));
    const version = (await rows<{ version: number }>(database.db, sql`select i.version from plan_items i join plans p on p.id = i.plan_id where p.key = ${planKey} and i.key = 'ifo-matt-2017'`))[0]!.version;
    await updateCells(database.db, { planKey, segment: 'volume-tables', key: 'ifo-matt-2017', cells: [{ row: 'individstod-brukare', column: 'utfall-2017-09', text: '49' }], ifMatch: version, actor: 'ekonom', by: localOperator('ekonom') });
    expect(await cell('utfall-2017-10')).toMatchObject({ printed: '48', import_id: String(first.record!.id), recorded_by: 'redaktor' });
    expect(await cell('utfall-2017-09')).toMatchObject({ printed: '49', import_id: null, recorded_by: 'ekonom' });
    await expect(undoImport(database.db, { id: first.record!.id, actor: 'redaktor' })).rejects.toMatchObject({
      code: 'conflict',
      problems: [expect.objectContaining({ path: 'volymtabellen ifo-matt-2017, raden individstod-brukare, sep 2017', message: 'Cellen har ändrats efter importen av ekonom (nu "49", importen skrev "48").' })],
    });
  });

  it('imports indicator actuals by number or name, and refuses a period outside the plan with nothing written', async () => {
    const sn = 'timra-sn-2020-2022';
    await importPlan(database.db, readDemoPlan('timra-sn-2020-2022.json'), { actor: 'test', source: 'demo/timra-sn-2020-2022.json' });
    const before = planFileText(await exportPlan(database.db, sn));
    const indicator = (await exportPlan(database.db, sn)).indicators[0]!;
    const bad = encode(`mått;period;värde\n${indicator.number};2019;12\n${indicator.key};2031;5\nokänt mått;2020;1\nokänt mått;2021;2\n`);
    const refused = await report(run(bad, { planKey: sn }));
    expect(refused.count).toBe(2);
    expect(refused.problems).toEqual([
      { line: 3, column: 'period', value: '2031', reason: expect.stringMatching(/^Perioden 2031 ligger utanför planen timra-sn-2020-2022 \(2020–2022\), som följer upp /) },
      { line: 4, column: 'mått', value: 'okänt mått', reason: 'Måttet finns inte i planen: inget volymmått eller styrtal har den nyckeln, det numret eller namnet (2 rader).' },
    ]);
    expect(planFileText(await exportPlan(database.db, sn))).toBe(before);
    expect(await importHistory(database.db)).toEqual([]);

    const done = await run(encode(`mått;period;värde\n${indicator.name};2019;12,5\n`), { planKey: sn });
    expect(done.record?.summary).toMatchObject({ written: 1 });
    expect((await exportPlan(database.db, sn)).indicators[0]!.actuals).toEqual([{ period: '2019', text: '12,5' }]);
  });
});
