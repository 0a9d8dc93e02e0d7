/**
 * The server's scheduled Kolada sync (STYRKORT_KOLADA_SYNC): off by default; when on, a sync runs
 * when due, a failure is recorded and retried an hour later, and stopping the server aborts a
 * running sync cleanly. Against the local Kolada server, never the internet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection.ts';
import { listRuns } from '../../src/db/kolada-run-repository.ts';
import { koladaSyncStatus, runScheduledSyncIfDue, scheduleSetting, startKoladaSchedule } from '../../src/services/kolada-schedule.ts';
import { freshDatabase } from '../helpers/databases.ts';
import { FakeKolada } from './fake-kolada.ts';

const silent = { info: () => undefined, warn: () => undefined };

describe('scheduled Kolada sync', () => {
  let database: Database;
  let kolada: FakeKolada;
  beforeEach(async () => {
    database = await freshDatabase('pglite');
    kolada = await new FakeKolada(5000).start();
  });
  afterEach(async () => {
    await kolada.stop();
    await database.close();
  });

  const sync = () => ({ baseUrl: kolada.url, kpis: ['N31807'], municipality: '2262', client: { baseDelayMs: 10, maxDelayMs: 20, maxAttempts: 2 } });

  it('is off unless set, and reads a bad setting as off with a warning', () => {
    const warnings: string[] = [];
    expect(scheduleSetting(undefined, undefined)).toBe('off');
    expect(scheduleSetting({ info: () => undefined, warn: (_, message) => warnings.push(message) }, 'varje timme')).toBe('off');
    expect(warnings[0]).toContain('STYRKORT_KOLADA_SYNC ska vara off, daily eller weekly');
    expect(startKoladaSchedule(database.db, { log: silent })).toBeNull();
  });

  it('syncs when due, not again the same day, and retries a failed sync an hour later', async () => {
    const now = new Date();
    const first = await runScheduledSyncIfDue(database.db, { schedule: 'daily', now, log: silent, sync: sync() });
    expect(first).toMatchObject({ message: expect.stringMatching(/^Klar: 1 nyckeltal/) });
    expect(await runScheduledSyncIfDue(database.db, { schedule: 'daily', now: new Date(now.getTime() + 3600_000), log: silent, sync: sync() })).toBeNull();

    // A day passes: the good sync was yesterday, so one is due; this one fails.
    await database.db.execute(sql`update kolada_runs set started_at = started_at - interval '25 hours'`);
    kolada.fail({ when: ({ path }) => path === '/v3/municipality', kind: 'status', status: 500, times: 2 }); // both attempts of one sync
    expect(await runScheduledSyncIfDue(database.db, { schedule: 'daily', now: new Date(), log: silent, sync: sync() })).toBe('failed');
    const [failed] = await listRuns(database.db, 'sync', 1);
    expect(failed).toMatchObject({ status: 'failed', trigger: 'schedule' });
    const status = await koladaSyncStatus(database.db, new Date());
    expect(status.lastSync!.id).toBe(failed!.id);
    expect(status.schedule.setting).toBe('off'); // this process has no STYRKORT_KOLADA_SYNC
    // Tried again an hour after the failure, not a day: and it resumes the failed run.
    const after = (minutes: number) => new Date(failed!.startedAt.getTime() + minutes * 60_000);
    expect(await runScheduledSyncIfDue(database.db, { schedule: 'daily', now: after(30), log: silent, sync: sync() })).toBeNull();
    expect(await runScheduledSyncIfDue(database.db, { schedule: 'daily', now: after(61), log: silent, sync: sync() })).toMatchObject({ resumedFrom: failed!.id });
  });

  it('runs from the timer and stops cleanly when the server stops', async () => {
    const before = process.env.STYRKORT_KOLADA_SYNC;
    process.env.STYRKORT_KOLADA_SYNC = 'daily';
    try {
      const handle = startKoladaSchedule(database.db, { log: silent, checkEveryMs: 50, sync: sync() })!;
      for (let i = 0; i < 600 && (await listRuns(database.db, 'sync', 1)).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      await handle.stop();
      const [run] = await listRuns(database.db, 'sync', 1);
      expect(run!.trigger).toBe('schedule');
      expect(['ok', 'interrupted']).toContain(run!.status);
    } finally {
      if (before === undefined) delete process.env.STYRKORT_KOLADA_SYNC;
      else process.env.STYRKORT_KOLADA_SYNC = before;
    }
  });
});
