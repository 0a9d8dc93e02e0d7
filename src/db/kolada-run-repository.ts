/**
 * Kolada runs (imports and syncs) and the sync state per KPI and municipality. A sync claims the
 * one "running" slot (a partial unique index), beats a heartbeat while it works, stores its
 * progress with each unit it finishes, and ends as ok, failed or interrupted.
 */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { StyrkortError } from '../domain/errors.ts';
import type { Db } from './connection.ts';
import { koladaRuns, koladaSyncState } from './schema.ts';

export type RunKind = 'import' | 'sync';
export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

export interface RunRecord {
  id: number;
  kind: RunKind;
  trigger: string;
  status: RunStatus;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  message: string | null;
  request: Record<string, unknown>;
  progress: { done: string[] };
  summary: Record<string, unknown>;
  resumedFrom: number | null;
}

function toRecord(row: typeof koladaRuns.$inferSelect): RunRecord {
  return {
    ...row,
    kind: row.kind as RunKind,
    status: row.status as RunStatus,
    request: row.request as Record<string, unknown>,
    progress: row.progress as { done: string[] },
    summary: row.summary as Record<string, unknown>,
  };
}

/** An import's run, inserted inside the import's own transaction (so a failed import leaves none). */
export async function insertImportRun(db: Db, request: Record<string, unknown>, trigger: string): Promise<number> {
  const [row] = await db.insert(koladaRuns).values({ kind: 'import', trigger, status: 'ok', request }).returning({ id: koladaRuns.id });
  return row!.id;
}

/** Marks syncs whose heartbeat stopped (the process died) as interrupted, so their work can resume. */
export async function expireStaleRuns(db: Db, staleBefore: Date): Promise<void> {
  await db
    .update(koladaRuns)
    .set({ status: 'interrupted', finishedAt: sql`now()`, message: 'Avbruten: synken slutade svara (processen avslutades?)' })
    .where(and(eq(koladaRuns.status, 'running'), lt(koladaRuns.heartbeatAt, staleBefore)));
}

/** Starts a sync run, or says that another one is running. */
export async function claimSyncRun(db: Db, run: { trigger: string; request: Record<string, unknown>; done: string[]; resumedFrom: number | null }): Promise<number> {
  const [row] = await db
    .insert(koladaRuns)
    .values({ kind: 'sync', trigger: run.trigger, status: 'running', request: run.request, progress: { done: run.done }, resumedFrom: run.resumedFrom })
    .onConflictDoNothing()
    .returning({ id: koladaRuns.id });
  if (row) return row.id;
  const [running] = await db.select().from(koladaRuns).where(and(eq(koladaRuns.kind, 'sync'), eq(koladaRuns.status, 'running')));
  const since = running ? ` (startad ${running.startedAt.toISOString()}, senast aktiv ${running.heartbeatAt.toISOString()})` : '';
  throw new StyrkortError('conflict', `En Kolada-synk pågår redan${since}. Försök igen när den är klar.`);
}

/** Records the units done so far and beats the heartbeat. */
export async function saveProgress(db: Db, id: number, done: string[], summary: Record<string, unknown>): Promise<void> {
  await db.update(koladaRuns).set({ progress: { done }, summary, heartbeatAt: sql`now()` }).where(eq(koladaRuns.id, id));
}

export async function beatHeartbeat(db: Db, id: number): Promise<void> {
  await db.update(koladaRuns).set({ heartbeatAt: sql`now()` }).where(eq(koladaRuns.id, id));
}

export async function finishRun(db: Db, id: number, result: { status: Exclude<RunStatus, 'running'>; message: string; summary: Record<string, unknown> }): Promise<void> {
  await db.update(koladaRuns).set({ ...result, finishedAt: sql`now()`, heartbeatAt: sql`now()` }).where(eq(koladaRuns.id, id));
}

/** The latest runs of a kind, newest first. */
export async function listRuns(db: Db, kind: RunKind, limit: number): Promise<RunRecord[]> {
  const found = await db.select().from(koladaRuns).where(eq(koladaRuns.kind, kind)).orderBy(desc(koladaRuns.id)).limit(limit);
  return found.map(toRecord);
}

/** Per "KPI|municipality": the from_date the next sync sends. */
export async function readSyncState(db: Db, kpis: string[], municipalities: string[]): Promise<Map<string, string>> {
  if (kpis.length === 0 || municipalities.length === 0) return new Map();
  const found = await db
    .select({ kpi: koladaSyncState.kpi, municipality: koladaSyncState.municipality, fromDate: koladaSyncState.fromDate })
    .from(koladaSyncState)
    .where(and(inArray(koladaSyncState.kpi, kpis), inArray(koladaSyncState.municipality, municipalities)));
  return new Map(found.map((row) => [`${row.kpi}|${row.municipality}`, row.fromDate]));
}

/** The KPIs a sync has fetched before, so later syncs keep them current. */
export async function syncedKpis(db: Db): Promise<string[]> {
  const found = await db.selectDistinct({ kpi: koladaSyncState.kpi }).from(koladaSyncState).orderBy(koladaSyncState.kpi);
  return found.map((row) => row.kpi);
}

export async function writeSyncState(db: Db, pairs: Array<{ kpi: string; municipality: string }>, fromDate: string): Promise<void> {
  for (let i = 0; i < pairs.length; i += 1000) {
    await db
      .insert(koladaSyncState)
      .values(pairs.slice(i, i + 1000).map((pair) => ({ ...pair, fromDate })))
      .onConflictDoUpdate({ target: [koladaSyncState.kpi, koladaSyncState.municipality], set: { fromDate, syncedAt: sql`now()` } });
  }
}
