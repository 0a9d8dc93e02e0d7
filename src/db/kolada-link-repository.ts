/** Stored links from measures (indicators, volume measures) to Kolada KPIs, per municipality. */
import { and, asc, eq } from 'drizzle-orm';
import type { KpiLink, LinkItemType, MeasureLink } from '../domain/kolada/links.ts';
import type { Queryable, Tx } from './connection.ts';
import { koladaLinks } from './schema.ts';

function toLink(row: typeof koladaLinks.$inferSelect): MeasureLink & { updatedBy: string; updatedAt: Date } {
  return { itemType: row.itemType as LinkItemType, measure: row.measure, kpis: row.kpis, version: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}

/** Every link of a municipality, by item type and measure. */
export async function findLinks(db: Queryable, municipality: string): Promise<MeasureLink[]> {
  const rows = await db.select().from(koladaLinks).where(eq(koladaLinks.municipality, municipality)).orderBy(asc(koladaLinks.itemType), asc(koladaLinks.measure));
  return rows.map(toLink);
}

/** One measure's link, locked for the write when `tx` is given. */
export async function findLink(db: Queryable, key: { municipality: string; itemType: LinkItemType; measure: string }, lock = false): Promise<MeasureLink | null> {
  const query = db
    .select()
    .from(koladaLinks)
    .where(and(eq(koladaLinks.municipality, key.municipality), eq(koladaLinks.itemType, key.itemType), eq(koladaLinks.measure, key.measure)));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toLink(row) : null;
}

/** Creates a measure's link (version 1); a concurrent create loses on the unique key (a 409). */
export async function insertLink(tx: Tx, key: { municipality: string; itemType: LinkItemType; measure: string }, kpis: KpiLink[], actor: string): Promise<number> {
  await tx.insert(koladaLinks).values({ ...key, kpis, updatedBy: actor });
  return 1;
}

/** Replaces a measure's KPIs, one version up. */
export async function updateLink(tx: Tx, key: { municipality: string; itemType: LinkItemType; measure: string }, kpis: KpiLink[], version: number, actor: string): Promise<number> {
  await tx
    .update(koladaLinks)
    .set({ kpis, version: version + 1, updatedBy: actor, updatedAt: new Date() })
    .where(and(eq(koladaLinks.municipality, key.municipality), eq(koladaLinks.itemType, key.itemType), eq(koladaLinks.measure, key.measure), eq(koladaLinks.version, version)));
  return version + 1;
}

/** Removes a measure's link. */
export async function deleteLink(tx: Tx, key: { municipality: string; itemType: LinkItemType; measure: string }): Promise<void> {
  await tx.delete(koladaLinks).where(and(eq(koladaLinks.municipality, key.municipality), eq(koladaLinks.itemType, key.itemType), eq(koladaLinks.measure, key.measure)));
}

/** Every KPI linked to a measure of the municipality (what a sync fetches values for). */
export async function linkedKpis(db: Queryable, municipality: string): Promise<string[]> {
  return [...new Set((await findLinks(db, municipality)).flatMap((link) => link.kpis.map((k) => k.kpi)))].sort();
}
