/**
 * The demo's Kolada part: the real Kolada files in demo/kolada, imported when no Kolada values are
 * stored, and the demo measures' links to those KPIs (demo/kolada-links.json), set where missing,
 * so a fresh `npm start` compares Timrå with its "Liknande kommuner" groups and the country.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { appendAudit } from '../db/audit-repository.ts';
import { findLink, insertLink } from '../db/kolada-link-repository.ts';
import { countStored } from '../db/kolada-read-repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { linkItemTypes, normaliseKpiLinks } from '../domain/kolada/links.ts';
import { demoDir } from './demo.ts';
import { importKoladaFiles } from './kolada-import-service.ts';

const DemoLinks = z.object({
  municipality: z.string(),
  links: z.array(z.object({ itemType: z.enum(linkItemTypes), measure: z.string(), kpis: z.array(z.object({ kpi: z.string(), group: z.string().nullable() })) })),
});

export interface KoladaDemoOutcome {
  /** Values imported from demo/kolada; 0 when Kolada data was there already. */
  valuesImported: number;
  linksCreated: number;
}

/** Whether the demo includes Kolada: yes unless STYRKORT_DEMO_KOLADA=off (tests that only need the plans). */
export function koladaDemoWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STYRKORT_DEMO_KOLADA !== 'off';
}

/** Imports demo/kolada into a database without Kolada values and links the demo measures not linked yet. */
export async function loadKoladaDemo(db: Db, actor = 'demo'): Promise<KoladaDemoOutcome> {
  let valuesImported = 0;
  if ((await countStored(db)).values === 0) {
    const dir = join(demoDir, 'kolada');
    const files = readdirSync(dir).filter((name) => /\.(csv|json)$/i.test(name)).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    const result = await importKoladaFiles(db, files, { trigger: 'demo' });
    valuesImported = result.stored.values.inserted;
  }
  const demo = DemoLinks.parse(JSON.parse(readFileSync(join(demoDir, 'kolada-links.json'), 'utf8')));
  let linksCreated = 0;
  await inTransaction(db, async (tx) => {
    for (const link of demo.links) {
      const key = { municipality: demo.municipality, itemType: link.itemType, measure: link.measure };
      if (await findLink(tx, key)) continue;
      const kpis = normaliseKpiLinks(link.kpis);
      await insertLink(tx, key, kpis, actor);
      await appendAudit(tx, { actor, action: 'create', entityType: 'kolada-link', entityKey: `${key.municipality}/${key.itemType}/${key.measure}`, after: kpis, reason: 'demo/kolada-links.json' });
      linksCreated++;
    }
  });
  return { valuesImported, linksCreated };
}
