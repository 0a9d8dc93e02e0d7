/**
 * Writers of one plan (decision 0022). A write of one item (a change of cells) goes on beside a
 * write of another item of the same plan, a write of the whole plan waits for it, and the plan's
 * content version changes once, when the transaction commits: inside it, and to every other
 * transaction until then, the plan shows the version it had.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { localOperator } from '../src/domain/access.ts';
import { PlanFile } from '../src/domain/plan.ts';
import { rows } from '../src/db/migrate.ts';
import { lockPlan, lockPlanForItem } from '../src/db/plan-item-repository.ts';
import { findPlanVersion } from '../src/db/plan-version-repository.ts';
import { inTransaction } from '../src/db/transaction.ts';
import { exportPlan, importPlan } from '../src/services/plan-service.ts';
import { listItems, updateCells } from '../src/services/plan-items-service.ts';
import { engines, freshDatabase } from './helpers/databases.ts';
import { aPlan } from './helpers/plan-builder.ts';

const key = 'test-plan-2020-2022';

/** The test plan with a second operating-budget table, `drift-2`. */
function twoTablePlan() {
  const plan = PlanFile.parse(aPlan());
  plan.budgetTables.push({ ...structuredClone(plan.budgetTables[0]!), key: 'drift-2' });
  plan.sections[0]!.include!.push('drift-2');
  return plan;
}

describe.each(engines)('writers of one plan on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    await importPlan(database.db, twoTablePlan(), { actor: 'test', source: 'test' });
  });
  afterEach(() => database.close());

  const contentVersion = async () => (await findPlanVersion(database.db, key))!.content.plan;
  const versionOf = async (table: string) => (await listItems(database.db, key, 'budget-tables')).find((found) => found.item.key === table)!.version;
  const setIncome = async (table: string, text: string) =>
    updateCells(database.db, { planKey: key, segment: 'budget-tables', key: table, cells: [{ row: 'income', column: 'budget-2020', text }], ifMatch: await versionOf(table), by: localOperator('test'), actor: 'test' });

  const lastHandedOut = async () => Number((await rows<{ last: string }>(database.db, sql`select last_value::text as last from content_version`))[0]!.last);

  it('changes the content version once, at the commit of a transaction that changed the plan in several statements', async () => {
    const before = await contentVersion();
    const sequenceBefore = await lastHandedOut();
    const inside = await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`update figures set printed = '1' where plan_id = (select id from plans where key = ${key}) and item_key = 'drift' and row_key = 'income'`);
      await tx.execute(sql`update figures set printed = '2' where plan_id = (select id from plans where key = ${key}) and item_key = 'drift-2' and row_key = 'income'`);
      const [row] = await rows<{ version: string }>(tx, sql`select content_version::text as version from plans where key = ${key}`);
      return Number(row!.version);
    });
    expect(inside).toBe(before);
    const after = await contentVersion();
    expect(after).toBeGreaterThan(before);
    // One number handed out for the two statements (before decision 0022: one per statement).
    expect(await lastHandedOut()).toBe(sequenceBefore + 1);
    expect(after).toBe(sequenceBefore + 1);
    const [{ left } = { left: -1 }] = await rows<{ left: number }>(database.db, sql`select count(*)::int as left from plan_content_changes`);
    expect(left).toBe(0);
  });

  it('leaves the content version as it was when the transaction is rolled back', async () => {
    const before = await contentVersion();
    await expect(
      inTransaction(database.db, async (tx) => {
        await tx.execute(sql`update figures set printed = '1' where plan_id = (select id from plans where key = ${key}) and item_key = 'drift'`);
        throw new Error('avbruten');
      }),
    ).rejects.toThrow('avbruten');
    expect(await contentVersion()).toBe(before);
  });

  it('keeps both changes of cells made one after the other in two tables, each with a new content version', async () => {
    const first = await contentVersion();
    await setIncome('drift', '1 000');
    const second = await contentVersion();
    await setIncome('drift-2', '2 000');
    expect(second).toBeGreaterThan(first);
    expect(await contentVersion()).toBeGreaterThan(second);
    const plan = await exportPlan(database.db, key);
    expect(plan.budgetTables.map((table) => table.rows[0]!.cells['budget-2020'])).toEqual(['1 000', '2 000']);
  });
});

describe('writers of one plan on a PostgreSQL server', () => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase('postgres');
    await importPlan(database.db, twoTablePlan(), { actor: 'test', source: 'test' });
  });
  afterEach(() => database.close());

  /** A transaction that holds the plan as `lock` takes it until `release` is called. */
  function holding(lock: typeof lockPlan) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holds!: () => void;
    const held = new Promise<void>((resolve) => (holds = resolve));
    const done = inTransaction(database.db, async (tx) => {
      await lock(tx, key);
      await tx.execute(sql`update figures set printed = '5' where plan_id = (select id from plans where key = ${key}) and item_key = 'drift' and row_key = 'income'`);
      holds();
      await released;
    });
    return { held, release, done };
  }

  it('lets a change of cells in one table go on while another table of the plan is being written, and keeps both', async () => {
    const before = (await findPlanVersion(database.db, key))!.content.plan;
    const first = holding(lockPlanForItem);
    await first.held;
    const ifMatch = (await listItems(database.db, key, 'budget-tables')).find((found) => found.item.key === 'drift-2')!.version;
    await updateCells(database.db, { planKey: key, segment: 'budget-tables', key: 'drift-2', cells: [{ row: 'income', column: 'budget-2020', text: '7 000' }], ifMatch, by: localOperator('test'), actor: 'test' });
    const between = (await findPlanVersion(database.db, key))!.content.plan;
    first.release();
    await first.done;
    const after = (await findPlanVersion(database.db, key))!.content.plan;
    expect(between).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(between);
    const plan = await exportPlan(database.db, key);
    expect(plan.budgetTables.map((table) => table.rows[0]!.cells['budget-2020'])).toEqual(['5', '7 000']);
  });

  it('makes a write of the whole plan wait for a change of cells, and a change of cells wait for it', async () => {
    for (const [firstLock, secondLock] of [[lockPlanForItem, lockPlan], [lockPlan, lockPlanForItem]] as const) {
      const first = holding(firstLock);
      await first.held;
      let secondHasLock = false;
      const second = inTransaction(database.db, async (tx) => {
        await secondLock(tx, key);
        secondHasLock = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondHasLock).toBe(false);
      first.release();
      await Promise.all([first.done, second]);
      expect(secondHasLock).toBe(true);
    }
  });
});
