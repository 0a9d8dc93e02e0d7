/**
 * Content versions (decision 0018), kept by the database on both engines: every kind of write that
 * changes what a plan shows gives the plan (or, for the municipality's name, its municipality) a
 * new number, whichever code writes; a shared goal or node changed moves a draft's number and
 * leaves an adopted plan's (it keeps what it was adopted with); reads and head-only bookkeeping do not; a restore keeps a new database's
 * numbers and, over a database that handed numbers out before, gives every plan numbers above them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connection.ts';
import { rows } from '../src/db/migrate.ts';
import { findPlanVersion } from '../src/db/plan-version-repository.ts';
import { backupToFile, restoreFromFile } from '../src/services/backup-service.ts';
import type { Actor } from '../src/domain/access.ts';
import { updateSharedGoal } from '../src/services/goal-service.ts';
import { updateNode } from '../src/services/organisation-service.ts';
import { exportPlan, importPlan } from '../src/services/plan-service.ts';
import { engines, freshDatabase } from './helpers/databases.ts';
import { aPlan } from './helpers/plan-builder.ts';

const key = 'test-plan-2020-2022';

describe.each(engines)('content versions on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
    await importPlan(database.db, aPlan(), { actor: 'test', source: 'test' });
  });
  afterEach(() => database.close());

  const versions = async () => (await findPlanVersion(database.db, key))!.content;
  const changes = async (statement: ReturnType<typeof sql>) => {
    const before = await versions();
    await database.db.execute(statement);
    const after = await versions();
    return { plan: after.plan !== before.plan, shared: after.shared !== before.shared };
  };
  const planId = sql`(select id from plans where key = ${key})`;

  it.each([
    ['an item changed', sql`update plan_items set data = data || '{"name":"x"}'::jsonb where plan_id = ${planId} and item_type = 'indicator'`],
    ['an item added', sql`insert into plan_items (plan_id, item_type, key, position, data) values (${planId}, 'footnote', 'ny', 99, '{"key":"ny","mark":"9","text":"t"}')`],
    ['an item removed', sql`delete from plan_items where plan_id = ${planId} and item_type = 'indicator'`],
    ['a figure changed', sql`update figures set printed = '200' where plan_id = ${planId} and item_type = 'volume-table' and row_key = 'v-vobo' and column_key = 'budget-2019'`],
    ['a goal worded anew', sql`update goal_texts set text = 'Ny lydelse' where plan_id = ${planId}`],
    ['the head changed', sql`update plans set title = 'Ny titel' where key = ${key}`],
    ['an adoption snapshot taken', sql`insert into plan_snapshots (plan_key, taken_by, reason, content) values (${key}, 'test', 'adopted', '{}')`],
  ])('gives the plan a new version when %s', async (_what, statement) => {
    expect((await changes(statement)).plan).toBe(true);
  });

  it('gives the municipality a new version when it is renamed', async () => {
    expect((await changes(sql`update municipalities set name = 'Timrå' where code = '2262'`)).shared).toBe(true);
  });

  it('gives the plan a new version when its organisation is pinned anew', async () => {
    expect((await changes(sql`update plan_nodes set position = position + 1 where plan_id = ${planId}`)).plan).toBe(true);
  });

  // Decision 0015: a change of a shared goal or node re-pins drafts, never adopted plans.
  const admin: Actor = { username: 'admin', role: 'admin', unitKey: null };
  const adoptedKey = 'fastst-plan-2020-2022';
  const decision = { date: '2020-01-30', body: 'Socialnämnden', paragraph: 'SN § 1' };

  it.each([
    ['a shared goal', () => updateSharedGoal(database.db, { municipality: '2262', key: 'kf-1:2', body: { key: 'kf-1:2', level: 'municipal', number: '9:9', perspective: 1, parent: null }, ifMatch: 1, by: admin, actor: 'admin' })],
    ['an organisation node', () => updateNode(database.db, { municipalityCode: '2262', key: 'ifo', body: { key: 'ifo', kind: 'service-area', name: 'IFO', parent: 'socialforvaltningen' }, ifMatch: 1, by: admin, actor: 'admin' })],
  ])('changes a draft\'s version and keeps an adopted plan\'s when %s changes', async (_what, change) => {
    await importPlan(database.db, aPlan({ plan: { key: adoptedKey, status: 'adopted', decision } }), { actor: 'test', source: 'test' });
    const draftBefore = await versions();
    const adoptedBefore = (await findPlanVersion(database.db, adoptedKey))!;
    const adoptedPlan = await exportPlan(database.db, adoptedKey);
    const draftPlan = await exportPlan(database.db, key);
    await change();
    expect((await versions()).plan).not.toBe(draftBefore.plan);
    expect(await exportPlan(database.db, key)).not.toEqual(draftPlan);
    expect(await findPlanVersion(database.db, adoptedKey)).toEqual(adoptedBefore);
    expect(await exportPlan(database.db, adoptedKey)).toEqual(adoptedPlan);
  });

  it('keeps the versions for a read, and for a touch of the time stamp alone', async () => {
    const before = await versions();
    await exportPlan(database.db, key);
    await database.db.execute(sql`update plans set updated_at = now() where key = ${key}`);
    expect(await versions()).toEqual(before);
  });

  it('keeps a restored database\'s numbers in a new database, and gives numbers above its own over a used one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'styrkort-versions-'));
    const target = await freshDatabase(engine);
    try {
      const file = join(dir, 'backup.gz');
      await backupToFile(database, file);
      const source = await versions();
      await restoreFromFile(target, file);
      expect((await findPlanVersion(target.db, key))!.content).toEqual(source);

      await importPlan(target.db, aPlan({ plan: { key: 'annan-plan-2020-2022' } }), { actor: 'test', source: 'test' });
      const [{ last } = { last: '0' }] = await rows<{ last: string }>(target.db, sql`select last_value::text as last from content_version`);
      await restoreFromFile(target, file, { force: true });
      const restored = (await findPlanVersion(target.db, key))!.content;
      expect(restored.plan).toBeGreaterThan(Number(last));
      expect(restored.shared).toBeGreaterThan(Number(last));
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
