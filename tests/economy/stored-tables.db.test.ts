/**
 * Operating budgets stored before issue 13 move forward: the migration turns a version 1 table
 * (rows named by their line, columns with `kind`) into the general economic table, and the plan
 * reads back exactly as the version 2 demo file says, with every figure keeping its row, series
 * and kind. Run on both engines, with the migration's own SQL.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { rows } from '../../src/db/migrate.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { exportPlan, importPlan, listPlans, planFileText } from '../../src/services/plan-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const migration = readFileSync(new URL('../../drizzle/0006_economic_tables.sql', import.meta.url), 'utf8');
const context = { actor: 'test', source: 'test' };

describe.each(engines)('stored operating budgets on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('moves version 1 tables to the general table and reads back the version 2 demo exactly', async () => {
    await importPlan(database.db, read('../../demo/timra-ifo-2018-2020.json'), context);
    const figuresBefore = await rows(database.db, sql`select row_key, series, kind, column_key, printed from figures where item_type = 'budget-table' order by item_key, row_key, position`);
    // Put the tables back as the old version stored them: the v1 file's tables without cells.
    const v1 = read('../fixtures/economy/timra-ifo-2018-2020.v1.json') as { budgetTables: Array<Record<string, unknown> & { key: string; rows: Array<Record<string, unknown>> }> };
    for (const table of v1.budgetTables) {
      const data = { ...table, rows: table.rows.map(({ cells: _cells, ...row }) => row) };
      await database.db.execute(sql`update plan_items set data = ${JSON.stringify(data)}::jsonb where item_type = 'budget-table' and key = ${table.key}`);
    }
    const [old] = await rows<{ data: { rows: Array<{ line: string; key?: string }> } }>(database.db, sql`select data from plan_items where key = 'rr-ifo'`);
    expect(old!.data.rows.map((row) => row.key)).toEqual([undefined, undefined, undefined]);

    await database.db.execute(sql.raw(migration));

    const exported = await exportPlan(database.db, 'timra-ifo-2018-2020');
    expect(planFileText(exported)).toBe(planFileText(PlanFile.parse(read('../../demo/timra-ifo-2018-2020.json'))));
    const figuresAfter = await rows(database.db, sql`select row_key, series, kind, column_key, printed from figures where item_type = 'budget-table' order by item_key, row_key, position`);
    expect(figuresAfter).toEqual(figuresBefore);
    expect(figuresAfter).toContainEqual({ row_key: 'net', series: 'ifo:net', kind: 'budget', column_key: 'budget-2018', printed: '-70 976' });
  });

  it.each(['vastervik-2021-driftsredovisning', 'gnesta-2013-driftredovisning', 'tyreso-2018-kommunstyrelsen', 'sjobo-2025-driftbudget'])(
    'holds the %s statement exactly: import → export → import → export gives the same text',
    async (name) => {
      const input = read(`../fixtures/economy/${name}.json`);
      await importPlan(database.db, input, context);
      const first = planFileText(await exportPlan(database.db, input.plan.key));
      expect(first).toBe(planFileText(PlanFile.parse(input)));
      // An adopted report cannot be replaced: the exported text goes into a second database.
      const second = await freshDatabase(engine);
      try {
        await importPlan(second.db, JSON.parse(first), context);
        expect(planFileText(await exportPlan(second.db, input.plan.key))).toBe(first);
      } finally {
        await second.close();
      }
    },
  );

  it('refuses a table whose total has no parts and whose relation names a missing column, and stores nothing', async () => {
    const input = read('../fixtures/economy/tyreso-2018-kommunstyrelsen.json');
    const table = input.budgetTables[0];
    delete table.rows.at(-1).parts;
    table.relations[0].income = 'intakter-2019';
    const error = (await importPlan(database.db, input, context).catch((e: unknown) => e)) as { code: string; message: string; problems: Array<{ path: string; message: string }> };
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Planfilen har 2 fel; ingenting har sparats');
    expect(error.problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '$.budgetTables[0].rows[9].parts', message: 'Totalraden "Totalt" anger inte vilka rader den summerar' },
      { path: '$.budgetTables[0].relations[0].income', message: 'Sambandet för nettot nämner kolumnen "intakter-2019", som inte finns i tabellen' },
    ]);
    expect(await listPlans(database.db)).toEqual([]);
    expect(await rows(database.db, sql`select 1 from figures union all select 1 from plan_items`)).toEqual([]);
  });

  it('leaves a table already in the new shape alone', async () => {
    await importPlan(database.db, read('../../demo/timra-sn-2020-2022.json'), context);
    const before = await rows(database.db, sql`select key, data from plan_items where item_type = 'budget-table' order by key`);
    await database.db.execute(sql.raw(migration));
    expect(await rows(database.db, sql`select key, data from plan_items where item_type = 'budget-table' order by key`)).toEqual(before);
  });
});
