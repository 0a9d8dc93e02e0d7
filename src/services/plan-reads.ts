/**
 * Reads of whole plans at the speed of memory: the plan file as JSON text, the scorecard, the plan
 * document and follow-up reports are each built once per content version of the plan and then
 * served as the same bytes with a strong ETag. A read asks the database one indexed question (the
 * plan's versions, src/db/plan-version-repository.ts), which stays right with several server
 * processes on one PostgreSQL database: every write changes the version in its own transaction
 * (drizzle/0017), so no process can serve what another has changed. On the embedded database,
 * which one process owns, the answer is remembered until the database gives notice that plans
 * changed (drizzle/0024), so a cached read asks nothing.
 */
import { StyrkortError } from '../domain/errors.ts';
import { yearOf } from '../domain/period.ts';
import type { PlanFile } from '../domain/plan.ts';
import { latestFollowUpPeriod, scorecard, type Scorecard } from '../domain/status.ts';
import type { Db } from '../db/connection.ts';
import { findPlanVersion, type PlanVersion } from '../db/plan-version-repository.ts';
import { planVersionNotices, type PlanVersionNotices } from '../db/plan-version-notices.ts';
import { loadPlanForDocument, renderPlanDocument, renderReport, type DocumentFormat, type RenderedDocument } from './document-service.ts';
import { koladaFollowUp, koladaReport } from './kolada-plan-service.ts';
import { exportPlan } from './plan-service.ts';
import { coalesced } from './coalesce.ts';
import { cacheBytesFromEnv, RepresentationCache, type Representation } from './read-cache.ts';

export type { PlanVersion, Representation };

/** Throws (401, 403) unless the caller may read the plan as it is at this version. */
export type ReadCheck = (version: PlanVersion) => void | Promise<void>;

/** The plan's versions, read after this call (concurrent readers share a query), or 404. */
export async function planVersion(db: Db, key: string): Promise<PlanVersion> {
  const version = await readsOf(db).version(key);
  if (!version) throw new StyrkortError('not-found', `Planen ${key} finns inte`);
  return version;
}

/** The strong ETag of everything read from a plan at this version: head version, then content. */
export function planEtag(version: PlanVersion): string {
  return `"${version.version}.${version.content.plan}.${version.content.shared}"`;
}

/** The plan file as JSON text. */
export function planJson(db: Db, key: string, check: ReadCheck): Promise<Representation> {
  return read(db, key, check, (reads, version) => reads.fromPlan(version, 'plan', (plan) => json(JSON.stringify(plan))));
}

/**
 * The scorecard at a period (the latest with actuals when not given), as `present` puts it on the
 * wire (the HTTP layer's presenter: the same for every read of this representation).
 */
export function scorecardJson(db: Db, key: string, check: ReadCheck, options: { period?: string; present: (card: Scorecard) => unknown }): Promise<Representation> {
  const { period, present } = options;
  return read(db, key, check, (reads, version) =>
    reads.fromPlan(version, `scorecard:${period ?? ''}`, async (stored) => {
      // Outcomes from Kolada where the plan names it as the source; targets against the group or the country.
      const { plan, references } = await koladaFollowUp(db, stored);
      return json(JSON.stringify(present(scorecard(plan, { period: period ?? latestFollowUpPeriod(plan), ...(references ? { references } : {}) }))));
    }),
  );
}

/** The plan document; an adopted plan's is built from its adoption snapshot. */
export function planDocument(db: Db, key: string, check: ReadCheck, format: DocumentFormat): Promise<Representation> {
  return read(db, key, check, (reads, version) => reads.rendered(version, `document:${format}`, async () => renderPlanDocument(await loadPlanForDocument(db, key), format)));
}

/** A follow-up report of the plan for a period. */
export function reportDocument(db: Db, key: string, check: ReadCheck, options: { period: string; format: DocumentFormat }): Promise<Representation> {
  return read(db, key, check, (reads, version) =>
    reads.rendered(version, `report:${options.period}:${options.format}`, async () => {
      // Kolada: outcomes and references as for the scorecard, and the linked measures' comparison.
      const { plan, report } = await koladaReport(db, key, await exportPlan(db, key), yearOf(options.period));
      return renderReport(plan, { ...options, ...(report ? { kolada: report } : {}) });
    }),
  );
}

/** Tries a read again this often when writes keep changing the plan while it is built. */
const attempts = 3;

async function read(db: Db, key: string, check: ReadCheck, body: (reads: PlanReads, version: PlanVersion) => Promise<Representation>): Promise<Representation> {
  for (let attempt = 1; ; attempt += 1) {
    const version = await planVersion(db, key);
    await check(version);
    try {
      return await body(readsOf(db), version);
    } catch (error) {
      if (!(error instanceof PlanChanged) || attempt === attempts) throw error;
    }
  }
}

function json(text: string): Omit<Representation, 'etag'> {
  return { body: Buffer.from(text, 'utf8'), contentType: 'application/json; charset=utf-8' };
}

/** How many parsed plans are kept besides their representations (the last few versions read). */
const parsedPlansKept = 8;

/** The caches of one database: two servers on one database share them, two databases never do. */
class PlanReads {
  private readonly cache = new RepresentationCache(cacheBytesFromEnv());
  private readonly plans = new Map<string, Promise<PlanFile>>();
  /** The plan's versions; readers who ask at once share one query (see coalesce.ts). */
  readonly version: (key: string) => Promise<PlanVersion | null>;

  constructor(private readonly db: Db) {
    const asked = coalesced((key: string) => findPlanVersion(db, key));
    const notices = planVersionNotices(db);
    this.version = notices ? remembered(asked, notices) : asked;
  }

  /** A representation built from the plan as stored at `version`. */
  fromPlan(version: PlanVersion, kind: string, build: (plan: PlanFile) => Omit<Representation, 'etag'> | Promise<Omit<Representation, 'etag'>>): Promise<Representation> {
    return this.cache.get(`${kind}\u0000${version.key}\u0000${planEtag(version)}`, async () => ({ ...(await build(await this.plan(version))), etag: planEtag(version) }));
  }

  /** A document rendered from what is stored at `version`. */
  rendered(version: PlanVersion, kind: string, render: () => Promise<RenderedDocument>): Promise<Representation> {
    return this.cache.get(`${kind}\u0000${version.key}\u0000${planEtag(version)}`, async () => {
      const { body, contentType, filename } = await this.consistent(version, render);
      return { body, contentType, filename, etag: planEtag(version) };
    });
  }

  /**
   * The plan as stored at `version`, parsed once and frozen (every representation of that version
   * is built from the same object, so none may change it).
   */
  private plan(version: PlanVersion): Promise<PlanFile> {
    const key = `${version.key}\u0000${planEtag(version)}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = this.consistent(version, () => exportPlan(this.db, version.key)).then(deepFreeze);
      plan.catch(() => this.plans.delete(key));
      this.plans.set(key, plan);
      for (const oldest of this.plans.keys()) {
        if (this.plans.size <= parsedPlansKept) break;
        this.plans.delete(oldest);
      }
    }
    return plan;
  }

  /**
   * Runs `load`, then checks that the plan is still at `version`: every write changes the version
   * in its own transaction, so an unchanged version means every statement of the load saw the
   * content of that version (and not half of a write). Otherwise PlanChanged, and the read starts
   * again from the new version. Cheaper than a transaction per miss; a write in between is rare.
   */
  private async consistent<T>(version: PlanVersion, load: () => Promise<T>): Promise<T> {
    const value = await load();
    const after = await this.version(version.key);
    if (!after || planEtag(after) !== planEtag(version)) throw new PlanChanged();
    return value;
  }
}

/**
 * The answers of `ask`, each remembered until the database gives notice that plans changed
 * (src/db/plan-version-notices.ts): an answer asked for before a notice is never given after it.
 */
function remembered<V>(ask: (key: string) => Promise<V>, notices: PlanVersionNotices): (key: string) => Promise<V> {
  const answers = new Map<string, { count: number; answer: Promise<V> }>();
  return (key) => {
    const held = answers.get(key);
    if (held && held.count === notices.count) return held.answer;
    if (answers.size >= rememberedKeys) answers.clear();
    const entry = { count: notices.count, answer: ask(key) };
    entry.answer.catch(() => answers.get(key) === entry && answers.delete(key));
    answers.set(key, entry);
    return entry.answer;
  };
}

/** Plans whose read check is remembered at once (each a few hundred bytes). */
const rememberedKeys = 10_000;

/** A plan changed while one of its representations was built: the read starts again. */
class PlanChanged extends Error {}

const readsByDatabase = new WeakMap<Db, PlanReads>();

function readsOf(db: Db): PlanReads {
  let reads = readsByDatabase.get(db);
  if (!reads) {
    reads = new PlanReads(db);
    readsByDatabase.set(db, reads);
  }
  return reads;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
