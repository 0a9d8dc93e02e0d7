/**
 * `kolada sync`: fetches KPI metadata, municipalities and groups, then the values of the chosen
 * KPIs for the own municipality, the members of its "Liknande kommuner …" groups and the country.
 * Each unit (one list, or ≤ 25 KPIs × ≤ 25 municipalities with all their pages) is stored in one
 * transaction together with the run's progress; a sync that stops (network, bad answer, Ctrl-C, a
 * crash) leaves the finished units stored, and the next sync with the same request skips them.
 * Values are asked for with from_date: only what Kolada changed since the last fetch.
 */
import type { Db } from '../db/connection.ts';
import { findGroup, planMunicipalityCodes, refreshStatistics } from '../db/kolada-read-repository.ts';
import { storeBatch, type StoreSummary } from '../db/kolada-repository.ts';
import { linkedKpis } from '../db/kolada-link-repository.ts';
import { claimSyncRun, expireStaleRuns, finishRun, listRuns, readSyncState, saveProgress, beatHeartbeat, syncedKpis, writeSyncState } from '../db/kolada-run-repository.ts';
import { isStyrkortError, StyrkortError } from '../domain/errors.ts';
import { ProblemList, readApiObjects } from '../domain/kolada/api-objects.ts';
import { COUNTRY_ID, isKpiId } from '../domain/kolada/model.ts';
import { dataPath, metadataUnits, planDataUnits, sameRequest, type DataUnit } from '../domain/kolada/sync-plan.ts';
import { comparisonGroupsFor, resolveMunicipality } from './kolada-compare-service.ts';
import { DEFAULT_KOLADA_URL, KoladaClient, type ClientOptions } from './kolada-client.ts';

export interface SyncOptions {
  trigger: 'cli' | 'schedule' | 'api';
  /** Kolada's address; by default STYRKORT_KOLADA_URL or https://api.kolada.se/v3. */
  baseUrl?: string;
  /** The KPIs whose values to fetch; by default those linked to the municipality's measures, STYRKORT_KOLADA_KPIS and those synced before. */
  kpis?: string[];
  /** The own municipality (code or name); by default STYRKORT_KOLADA_MUNICIPALITY or the plans' municipality. */
  municipality?: string;
  /** Fetch values updated since this date ('YYYY-MM-DD') instead of since each value's last fetch. */
  since?: string;
  /** Client settings (tests make the back-off short). */
  client?: Omit<ClientOptions, 'baseUrl' | 'signal' | 'beforeRequest'>;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
  /** A running sync whose heartbeat is older than this is taken as dead. */
  staleAfterMs?: number;
  now?: () => Date;
}

export interface SyncResult {
  runId: number;
  resumedFrom: number | null;
  message: string;
  summary: SyncSummary;
}

export interface SyncSummary {
  units: number;
  unitsSkipped: number;
  requests: number;
  pages: number;
  retries: number;
  values: { inserted: number; updated: number; unchanged: number };
  deletedValues: number;
  municipalities: number;
  kpis: number;
}

/** The Kolada address in use. */
export function koladaBaseUrl(given?: string): string {
  return given ?? process.env.STYRKORT_KOLADA_URL ?? DEFAULT_KOLADA_URL;
}

/** The KPIs configured for syncing (STYRKORT_KOLADA_KPIS, comma-separated). */
export function configuredKpis(): string[] {
  return (process.env.STYRKORT_KOLADA_KPIS ?? '').split(/[\s,]+/).filter(Boolean).map((kpi) => kpi.toUpperCase());
}

/** Runs one sync (or resumes the last one if it stopped with the same request) and records how it went. */
export async function syncKolada(db: Db, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const request = await syncRequest(db, options);
  await expireStaleRuns(db, new Date(now().getTime() - (options.staleAfterMs ?? 10 * 60_000)));
  // The newest earlier run of the same request: resumed when it did not finish.
  const previous = (await listRuns(db, 'sync', 20)).find((run) => sameRequest(run.request, request));
  const resumable = previous && (previous.status === 'failed' || previous.status === 'interrupted') ? previous : null;
  const done = new Set(resumable?.progress.done ?? []);
  const runId = await claimSyncRun(db, { trigger: options.trigger, request, done: [...done], resumedFrom: resumable?.id ?? null });
  const summary: SyncSummary = { units: 0, unitsSkipped: 0, requests: 0, pages: 0, retries: 0, values: { inserted: 0, updated: 0, unchanged: 0 }, deletedValues: 0, municipalities: 0, kpis: request.kpis.length };
  let lastBeat = 0;
  const client = new KoladaClient({
    ...options.client,
    baseUrl: koladaBaseUrl(options.baseUrl),
    signal: options.signal,
    beforeRequest: async () => {
      if (Date.now() - lastBeat < 15_000) return;
      lastBeat = Date.now();
      await beatHeartbeat(db, runId);
    },
    onRetry: (event) => options.onProgress?.(`Försöker igen om ${Math.round(event.waitMs / 100) / 10} s (${event.reason}): ${event.url}`),
  });
  const context: UnitContext = { db, client, runId, done, summary, today: now().toISOString().slice(0, 10), progress: options.onProgress ?? (() => undefined) };
  try {
    for (const unit of metadataUnits) await runUnit(context, unit.key, unit.path, {}, { completeGroups: unit.completeGroups });
    const municipalities = await participants(db, request.municipality);
    summary.municipalities = municipalities.length;
    const units = planDataUnits({ kpis: request.kpis, municipalities, state: await readSyncState(db, request.kpis, municipalities), since: request.since ?? undefined });
    for (const unit of units) await runUnit(context, unit.key, dataPath(unit), { from_date: unit.fromDate ?? undefined }, { unit });
    Object.assign(summary, client.stats);
    if (summary.values.inserted + summary.values.updated + summary.deletedValues > 0) await refreshStatistics(db);
    const message = finishedMessage(summary, request.kpis);
    await finishRun(db, runId, { status: 'ok', message, summary: { ...summary } });
    return { runId, resumedFrom: resumable?.id ?? null, message, summary };
  } catch (error) {
    Object.assign(summary, client.stats);
    const interrupted = options.signal?.aborted === true;
    const message = isStyrkortError(error) ? error.message : `Oväntat fel: ${(error as Error).message}`;
    await finishRun(db, runId, { status: interrupted ? 'interrupted' : 'failed', message, summary: { ...summary } });
    throw isStyrkortError(error) ? error : new StyrkortError('upstream', message);
  }
}

interface SyncRequest extends Record<string, unknown> {
  kpis: string[];
  municipality: string;
  since: string | null;
}

async function syncRequest(db: Db, options: SyncOptions): Promise<SyncRequest> {
  const municipality = options.municipality ?? process.env.STYRKORT_KOLADA_MUNICIPALITY ?? onlyOne(await planMunicipalityCodes(db));
  if (!municipality) throw new StyrkortError('usage', 'Ange kommunen med --municipality (kommunkod, t.ex. 2262) eller STYRKORT_KOLADA_MUNICIPALITY');
  const kpis = options.kpis?.length ? options.kpis.map((kpi) => kpi.toUpperCase()) : [...new Set([...configuredKpis(), ...(await linkedKpis(db, municipality)), ...(await syncedKpis(db))])];
  const bad = kpis.find((kpi) => !isKpiId(kpi));
  if (bad) throw new StyrkortError('usage', `"${bad}" är inget nyckeltals id; ange t.ex. --kpi N31807`);
  return { kpis: [...new Set(kpis)].sort(), municipality, since: options.since ?? null };
}

function onlyOne(codes: string[]): string | undefined {
  return codes.length === 1 ? codes[0] : undefined;
}

/** The own municipality, every member of its comparison groups, and the country, sorted. */
async function participants(db: Db, municipality: string): Promise<string[]> {
  const own = await resolveMunicipality(db, municipality);
  const ids = new Set([own.id, COUNTRY_ID]);
  for (const group of await comparisonGroupsFor(db, own)) {
    for (const member of (await findGroup(db, group.id))?.members ?? []) ids.add(member.id);
  }
  return [...ids].sort();
}

interface UnitContext {
  db: Db;
  client: KoladaClient;
  runId: number;
  done: Set<string>;
  summary: SyncSummary;
  today: string;
  progress: (message: string) => void;
}

/** Fetches one unit completely, then stores it with the run's progress in one transaction. */
async function runUnit(context: UnitContext, key: string, path: string, query: Record<string, string | undefined>, how: { completeGroups?: boolean; unit?: DataUnit }): Promise<void> {
  context.summary.units++;
  if (context.done.has(key)) {
    context.summary.unitsSkipped++;
    return;
  }
  const objects = await context.client.fetchAll(path, query);
  const problems = new ProblemList();
  const batch = readApiObjects(objects, (i) => `${path}: $.values[${i}]`, problems);
  if (problems.problems.length > 0) {
    const first = problems.problems[0]!;
    throw new StyrkortError('upstream', `Kolada svarade med ${problems.problems.length} oläsliga objekt på ${path} (${first.path}: ${first.message}). Inget från den delen har sparats.`, problems.problems.slice(0, 50));
  }
  await context.db.transaction(async (tx) => {
    const stored = await storeBatch(tx, batch, context.runId, { completeGroups: how.completeGroups });
    addValues(context.summary, stored);
    if (how.unit) {
      const pairs = how.unit.kpis.flatMap((kpi) => how.unit!.municipalities.map((municipality) => ({ kpi, municipality })));
      await writeSyncState(tx, pairs, context.today);
    }
    context.done.add(key);
    await saveProgress(tx, context.runId, [...context.done], { ...context.summary, ...context.client.stats });
  });
  context.progress(`${how.unit ? `Värden ${how.unit.kpis.join(', ')} för ${how.unit.municipalities.length} kommuner${how.unit.fromDate ? ` (ändrade sedan ${how.unit.fromDate})` : ''}` : path}: ${objects.length} poster`);
}

function addValues(summary: SyncSummary, stored: StoreSummary): void {
  summary.values.inserted += stored.values.inserted;
  summary.values.updated += stored.values.updated;
  summary.values.unchanged += stored.values.unchanged;
  summary.deletedValues += stored.deletedValues;
}

function finishedMessage(summary: SyncSummary, kpis: string[]): string {
  if (kpis.length === 0) return 'Klar: metadata hämtad. Inga nyckeltal att hämta värden för; ange --kpi (t.ex. --kpi N31807) eller STYRKORT_KOLADA_KPIS.';
  const v = summary.values;
  const skipped = summary.unitsSkipped ? `, ${summary.unitsSkipped} delar klara sedan förra körningen` : '';
  return `Klar: ${kpis.length} nyckeltal för ${summary.municipalities} kommuner; värden ${v.inserted} nya, ${v.updated} ändrade, ${v.unchanged} oförändrade, ${summary.deletedValues} borttagna (${summary.requests} anrop, ${summary.retries} omförsök${skipped}).`;
}
