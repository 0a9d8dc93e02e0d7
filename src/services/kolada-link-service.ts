/**
 * Links from a plan's measures (indicators, volume measures) to Kolada KPIs: read per plan, and
 * set per measure with If-Match and an audit entry. The link is the municipality's, so every plan
 * showing the measure shares it; it is not plan content, so an adopted plan's measures may be linked.
 */
import type { Db, Queryable } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { deleteLink, findLink, findLinks, insertLink, updateLink } from '../db/kolada-link-repository.ts';
import { findKpi, hasValues } from '../db/kolada-read-repository.ts';
import { findPlanSummary, type PlanSummary } from '../db/plan-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { StyrkortError } from '../domain/errors.ts';
import { koladaProvenance, linkableMeasures, normaliseKpiLinks, type KpiLink, type LinkableMeasure, type LinkedKpi, type LinkItemType, type MeasureLink, type MeasureWithLink, type PlanLinks } from '../domain/kolada/links.ts';
import type { PlanFile } from '../domain/plan.ts';
import { exportPlan } from './plan-service.ts';

async function planOf(db: Queryable, planKey: string): Promise<{ summary: PlanSummary; plan: PlanFile }> {
  const summary = await findPlanSummary(db, planKey);
  if (!summary) throw new StyrkortError('not-found', `Planen ${planKey} finns inte`);
  return { summary, plan: await exportPlan(db, planKey) };
}

async function describe(db: Db, link: KpiLink): Promise<LinkedKpi> {
  const kpi = await findKpi(db, link.kpi);
  return { ...link, title: kpi?.title ?? null, publicationDate: kpi?.publicationDate ?? null, source: koladaProvenance(kpi?.publicationDate), hasValues: await hasValues(db, link.kpi) };
}

/** The plan's measures with their Kolada links (unlinked ones too, to link them). */
export async function planKoladaLinks(db: Db, planKey: string): Promise<PlanLinks> {
  const { summary, plan } = await planOf(db, planKey);
  const links = new Map((await findLinks(db, summary.municipalityCode)).map((l) => [`${l.itemType}|${l.measure}`, l] as const));
  const measures = await Promise.all(
    linkableMeasures(plan).map(async (measure): Promise<MeasureWithLink> => {
      const link = links.get(`${measure.itemType}|${measure.measure}`);
      return { ...measure, kpis: link ? await Promise.all(link.kpis.map((k) => describe(db, k))) : [], version: link?.version ?? 0 };
    }),
  );
  return { planKey, municipality: summary.municipalityCode, measures };
}

/** One measure of the plan with its Kolada link. */
export async function measureKoladaLink(db: Db, planKey: string, itemType: LinkItemType, measure: string): Promise<MeasureWithLink> {
  const { municipality, measure: found } = await linkTarget(db, planKey, itemType, measure);
  const link = await findLink(db, { municipality, itemType, measure });
  return { ...found, kpis: link ? await Promise.all(link.kpis.map((k) => describe(db, k))) : [], version: link?.version ?? 0 };
}

/** The measure of the plan a link is set on, and the plan's municipality (for the permission check). */
export async function linkTarget(db: Db, planKey: string, itemType: LinkItemType, measure: string): Promise<{ municipality: string; measure: LinkableMeasure }> {
  const { summary, plan } = await planOf(db, planKey);
  const found = linkableMeasures(plan).find((m) => m.itemType === itemType && m.measure === measure);
  const noun = itemType === 'indicator' ? 'styrtalet' : 'volymmåttet';
  if (!found) throw new StyrkortError('not-found', `Planen ${planKey} har inget ${noun} "${measure}"`);
  return { municipality: summary.municipalityCode, measure: found };
}

export interface SetLinksInput {
  planKey: string;
  itemType: LinkItemType;
  measure: string;
  kpis: ReadonlyArray<{ kpi: string; group?: string | null }>;
  /** The version read (If-Match); null when absent. A measure not linked yet has version 0. */
  ifMatch: number | null;
  actor: string;
  reason?: string | null;
}

/** Replaces a measure's KPIs (an empty list removes the link); returns the new version (0: no link). */
export async function setKoladaLinks(db: Db, input: SetLinksInput): Promise<{ version: number; link: MeasureLink | null }> {
  const { municipality } = await linkTarget(db, input.planKey, input.itemType, input.measure);
  const kpis = normaliseKpiLinks(input.kpis);
  const key = { municipality, itemType: input.itemType, measure: input.measure };
  return inTransaction(db, async (tx) => {
    const current = await findLink(tx, key, true);
    if (input.ifMatch === null) {
      throw new StyrkortError('precondition-required', 'Ändringen saknar If-Match: ange versionen (ETag) du läste, "0" för ett mått som inte är kopplat än, så att ingen annans ändring skrivs över');
    }
    const currentVersion = current?.version ?? 0;
    if (input.ifMatch !== currentVersion) {
      throw new StyrkortError('precondition-failed', `Någon annan har ändrat kopplingen sedan du läste den (din version ${input.ifMatch}, nuvarande ${currentVersion}). Läs om och gör ändringen igen.`, [], { current: { version: currentVersion } });
    }
    if (current && JSON.stringify(current.kpis) === JSON.stringify(kpis)) return { version: current.version, link: current }; // nothing changes
    let version = 0;
    if (kpis.length === 0) {
      if (current) await deleteLink(tx, key);
    } else {
      version = current ? await updateLink(tx, key, kpis, current.version, input.actor) : await insertLink(tx, key, kpis, input.actor);
    }
    if (current || kpis.length) {
      await appendAudit(tx, {
        actor: input.actor,
        action: kpis.length === 0 ? 'delete' : current ? 'update' : 'create',
        entityType: 'kolada-link',
        entityKey: `${municipality}/${input.itemType}/${input.measure}`,
        planKey: input.planKey,
        before: current?.kpis ?? null,
        after: kpis.length ? kpis : null,
        reason: input.reason ?? null,
      });
    }
    return { version, link: version ? { ...key, kpis, version } : null };
  });
}
