/**
 * The forward migration to versioned goals and organisation nodes moves existing data: a database
 * written before it (organisation and goals stored once, shared) opens with every plan pinned to
 * exactly what it showed, and versions (ETags) continue instead of starting again.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { openDatabase, type Database, type Engine } from '../src/db/connection.ts';
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.ts';
import { PlanFile } from '../src/domain/plan.ts';
import { getNode } from '../src/services/organisation-service.ts';
import { getItem } from '../src/services/plan-items-service.ts';
import { exportPlan } from '../src/services/plan-service.ts';
import { adminQuery, engines } from './helpers/databases.ts';
import { aPlan } from './helpers/plan-builder.ts';

/** A copy of the migrations folder that stops before the versioned goals and nodes. */
function migrationsBeforeVersions(): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag.endsWith('_shared_versions')));
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function openUnmigrated(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ memory: {}, migrate: false });
  const server = inject('postgresUrl');
  const name = `m_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: `${server}/${name}`, migrate: false });
  return { ...database, close: async () => { await database.close(); await adminQuery(server, `drop database if exists ${name}`); } };
}

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each(engines)('migrating to versioned goals and nodes on %s', (engine) => {
  it('pins every existing plan to what it shows now, and keeps versions going', async () => {
    const database = await openUnmigrated(engine);
    try {
      const folder = migrationsBeforeVersions();
      folders.push(folder);
      if (engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
      else await migratePg(database.db as never, { migrationsFolder: folder });
      // A plan as the previous Styrkort stored it: the organisation once (sn changed twice since), the plan's node keys in its own order.
      await database.db.execute(sql`insert into municipalities (code, name) values ('2262', 'Timrå kommun')`);
      await database.db.execute(sql`insert into org_nodes (municipality_id, key, kind, name, short_name, parent_key, description, position, version) values
        (1, 'timra', 'municipality', 'Timrå kommun', null, null, null, 0, 1),
        (1, 'sn', 'committee', 'Socialnämnden', 'SN', 'timra', null, 1, 3),
        (1, 'socialforvaltningen', 'administration', 'Socialförvaltningen', null, 'sn', null, 2, 1),
        (1, 'ifo', 'service-area', 'Individ- och familjeomsorgen', 'IFO', 'socialforvaltningen', null, 3, 1),
        (1, 'svo', 'service-area', 'Stöd, vård och omsorg', null, 'socialforvaltningen', null, 4, 1)`);
      await database.db.execute(sql`insert into plans (municipality_id, key, title, subtitle, owner_node_key, period_start, period_end, status, decision, letterhead, status_rollup, node_keys)
        values (1, 'test-plan-2020-2022', 'Verksamhetsplan 2020-2022', 'Socialnämnden', 'sn', 2020, 2022, 'draft', null, '[]', 'worst', '["timra","sn","socialforvaltningen","ifo"]')`);
      await database.db.execute(sql`insert into goals (municipality_id, key, level, number, perspective, parent_key, node_key) values (1, 'kf-1:2', 'municipal', '1:2', 1, null, null)`);
      await database.db.execute(sql`insert into goal_texts (goal_id, plan_id, period_start, period_end, text, measurement, position, version)
        values (1, 1, 2020, 2022, 'Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem', null, 0, 2)`);

      await migrateDatabase(database.db, 'test');

      const expected = PlanFile.parse({ ...aPlan(), perspectives: [], indicators: [], volumeTables: [], budgetTables: [], sections: [] });
      expect(await exportPlan(database.db, 'test-plan-2020-2022')).toEqual(expected);
      expect(await getNode(database.db, 'sn', '2262')).toMatchObject({ version: 3, node: { key: 'sn', name: 'Socialnämnden', shortName: 'SN' } });
      expect(await getItem(database.db, 'test-plan-2020-2022', 'goals', 'kf-1:2')).toMatchObject({ version: 2, item: { number: '1:2' } });
    } finally {
      await database.close();
    }
  });
});
