/**
 * A change of cells writes only what it changes, on both engines: the other figures of the table
 * stay the same rows (same id, source, recorder and time), the plan read back is the plan with
 * the cells changed, and a problem of the table is reported at the path the whole plan has for
 * it. On Sjöbo's driftbudget 2025 (tests/fixtures/economy) as a draft, after a second table.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { rows } from '../src/db/migrate.ts';
import { localOperator } from '../src/domain/access.ts';
import { PlanFile } from '../src/domain/plan.ts';
import { updateCells } from '../src/services/plan-items-service.ts';
import { exportPlan, importPlan } from '../src/services/plan-service.ts';
import { engines, freshDatabase } from './helpers/databases.ts';

const sjobo = PlanFile.parse(JSON.parse(readFileSync(new URL('./fixtures/economy/sjobo-2025-driftbudget.json', import.meta.url), 'utf8')));
const table = sjobo.budgetTables[0]!;
const draft: PlanFile = {
  ...sjobo,
  plan: { ...sjobo.plan, status: 'draft', decision: null },
  budgetTables: [{ ...structuredClone(table), key: 'forsta' }, table],
};
const planKey = draft.plan.key;
const row = 'ks-politisk-verksamhet';

interface FigureState {
  id: string;
  column_key: string;
  printed: string;
  source: string;
  recorded_by: string;
  recorded_at: string;
}

describe.each(engines)('a change of cells on %s', (engine) => {
  let database: Database;
  const figuresOf = async () =>
    rows<FigureState>(
      database.db,
      sql`select f.id::text as id, f.column_key, f.printed, f.source, f.recorded_by, f.recorded_at::text as recorded_at from figures f join plans p on p.id = f.plan_id
          where p.key = ${planKey} and f.item_key = ${table.key} and f.row_key = ${row} order by f.column_key`,
    );
  const version = async () => (await rows<{ version: number }>(database.db, sql`select i.version from plan_items i join plans p on p.id = i.plan_id where p.key = ${planKey} and i.key = ${table.key}`))[0]!.version;
  const change = async (cells: Array<{ row: string; column: string; text: string | null }>) =>
    updateCells(database.db, { planKey, segment: 'budget-tables', key: table.key, cells, ifMatch: await version(), actor: 'ekonom', by: localOperator('ekonom') });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    await importPlan(database.db, draft, { actor: 'test', source: 'sjobo.json' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('writes the changed and emptied cells only; the others stay the rows they were', async () => {
    const before = await figuresOf();
    const result = await change([
      { row, column: 'budget-2025', text: '8,4' },
      { row, column: 'plan-2027', text: null },
    ]);
    expect(result.version).toBe(2);
    const after = await figuresOf();
    expect(after.map((figure) => figure.column_key)).toEqual(before.map((figure) => figure.column_key).filter((column) => column !== 'plan-2027'));
    const untouched = (figures: FigureState[]) => figures.filter((figure) => !['budget-2025', 'plan-2027'].includes(figure.column_key));
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.find((figure) => figure.column_key === 'budget-2025')).toMatchObject({ printed: '8,4', source: 'api', recorded_by: 'ekonom' });

    const expected = structuredClone(draft);
    const cells = expected.budgetTables[1]!.rows.find((candidate) => candidate.key === row)!.cells;
    cells['budget-2025'] = '8,4';
    delete cells['plan-2027'];
    expect(PlanFile.parse(await exportPlan(database.db, planKey)).budgetTables).toEqual(expected.budgetTables);
  });

  it('refuses an amount in a heading row at the path the whole plan names, with nothing written', async () => {
    const before = await version();
    await expect(change([{ row: 'ks', column: 'budget-2025', text: '1,0' }])).rejects.toMatchObject({
      code: 'validation',
      message: 'Ändringen skulle göra planen ofullständig; ingenting har sparats',
      problems: [expect.objectContaining({ path: '$.budgetTables[1].rows[0].cells', message: 'Rubrikraden "Kommunstyrelse" kan inte ha belopp; gör den till en rad eller en summarad' })],
    });
    expect(await version()).toBe(before);
  });
});
