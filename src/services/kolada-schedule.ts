/**
 * The server's own Kolada sync, off unless STYRKORT_KOLADA_SYNC says daily or weekly: a timer
 * checks now and then whether a sync is due (a day or week after the last one that went well, an
 * hour after a failed one) and runs it; the runs and how they went are what admins see.
 */
import type { Db } from '../db/connection.ts';
import { countStored } from '../db/kolada-read-repository.ts';
import { listRuns, type RunRecord } from '../db/kolada-run-repository.ts';
import { isSyncDue, nextSyncDue, readSchedule, type SyncSchedule } from '../domain/kolada/backoff.ts';
import { koladaBaseUrl, syncKolada, type SyncOptions, type SyncResult } from './kolada-sync-service.ts';

export interface ScheduleLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** The schedule setting, or 'off' with a warning when it cannot be read. */
export function scheduleSetting(log?: ScheduleLog, setting = process.env.STYRKORT_KOLADA_SYNC): SyncSchedule {
  const schedule = readSchedule(setting);
  if (schedule === null) log?.warn({ setting }, 'STYRKORT_KOLADA_SYNC ska vara off, daily eller weekly; Kolada-synken är avstängd');
  return schedule ?? 'off';
}

async function lastSyncs(db: Db): Promise<{ okAt: Date | null; attemptAt: Date | null }> {
  const runs = await listRuns(db, 'sync', 50);
  return { okAt: runs.find((run) => run.status === 'ok')?.startedAt ?? null, attemptAt: runs[0]?.startedAt ?? null };
}

/** Runs a sync when the schedule says one is due; null when none was due. A failure is logged and recorded, not thrown. */
export async function runScheduledSyncIfDue(db: Db, options: { schedule: SyncSchedule; now: Date; log?: ScheduleLog; sync?: Partial<SyncOptions> }): Promise<SyncResult | 'failed' | null> {
  if (!isSyncDue(options.schedule, await lastSyncs(db), options.now)) return null;
  try {
    const result = await syncKolada(db, { ...options.sync, trigger: 'schedule' });
    options.log?.info({ runId: result.runId }, `Kolada-synk: ${result.message}`);
    return result;
  } catch (error) {
    options.log?.warn({ err: error }, `Kolada-synken misslyckades: ${(error as Error).message}`);
    return 'failed';
  }
}

export interface ScheduleHandle {
  /** Stops the timer, aborts a running sync (its finished parts stay) and waits for it. */
  stop(): Promise<void>;
}

/** Starts the timer when the schedule is on; null when it is off. */
export function startKoladaSchedule(db: Db, options: { log: ScheduleLog; checkEveryMs?: number; sync?: Partial<SyncOptions> }): ScheduleHandle | null {
  const schedule = scheduleSetting(options.log);
  if (schedule === 'off') return null;
  const controller = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const check = () => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    running = runScheduledSyncIfDue(db, { schedule, now: new Date(), log: options.log, sync: { ...options.sync, signal: controller.signal } }).finally(() => {
      busy = false;
    });
  };
  const timer = setInterval(check, options.checkEveryMs ?? 10 * 60_000);
  timer.unref();
  const first = setTimeout(check, Math.min(60_000, options.checkEveryMs ?? 60_000));
  first.unref();
  options.log.info({ schedule }, `Kolada-synk schemalagd (${schedule})`);
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      controller.abort();
      await running;
    },
  };
}

/** What admins see: the schedule, when it is next due, the latest runs and how much is stored. */
export async function koladaSyncStatus(db: Db, now: Date): Promise<{ schedule: { setting: SyncSchedule; nextDue: Date | null }; baseUrl: string; lastSync: RunRecord | null; runs: RunRecord[]; stored: Record<string, number> }> {
  const setting = scheduleSetting();
  const syncs = await listRuns(db, 'sync', 10);
  const imports = await listRuns(db, 'import', 5);
  const runs = [...syncs, ...imports].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  return { schedule: { setting, nextDue: nextSyncDue(setting, await lastSyncs(db), now) }, baseUrl: koladaBaseUrl(), lastSync: syncs[0] ?? null, runs, stored: await countStored(db) };
}
