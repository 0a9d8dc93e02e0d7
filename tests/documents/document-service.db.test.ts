/**
 * Documents through the service on a real database: an adopted plan's document is built from its
 * adoption snapshot, with the decision on the title page; every format has its content type and
 * file name.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { planSnapshots } from '../../src/db/schema.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { loadPlanForDocument, renderPlanDocument } from '../../src/services/document-service.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import { takeWorkflowStep } from '../../src/services/workflow-service.ts';
import { freshDatabase } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';

const key = 'test-plan-2020-2022';

describe('document service', () => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase('pglite');
    await importPlan(database.db, aPlan(), { actor: 'test', source: 'test' });
  });
  afterEach(async () => database.close());

  it('builds a draft from the plan as it stands', async () => {
    const plan = await loadPlanForDocument(database.db, key);
    expect(plan.plan.status).toBe('draft');
    const html = await renderPlanDocument(plan, 'html');
    expect(html).toMatchObject({ contentType: 'text/html; charset=utf-8', filename: `${key}.html` });
    expect(html.body.toString('utf8')).toContain('Utkast – inte fastställd');
  });

  it('builds an adopted plan from its adoption snapshot, decision on the title page', async () => {
    await takeWorkflowStep(database.db, { planKey: key, step: 'submit', ifMatch: 1, actor: 'test' });
    const decision = { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45', caseNumber: 'SN 2019/123' };
    await takeWorkflowStep(database.db, { planKey: key, step: 'adopt', decision, ifMatch: 2, actor: 'test' });
    // Snapshots are append-only: a later, marked one tells the snapshot apart from the stored plan.
    const [snapshot] = await database.db.select().from(planSnapshots).where(eq(planSnapshots.planKey, key));
    const content = PlanFile.parse(snapshot!.content);
    await database.db.insert(planSnapshots).values({ planKey: key, takenBy: 'test', reason: 'adopted', content: { ...content, plan: { ...content.plan, title: 'Verksamhetsplan 2020-2022 (som fastställd)' } } });

    const plan = await loadPlanForDocument(database.db, key);
    expect(plan.plan.title).toBe('Verksamhetsplan 2020-2022 (som fastställd)');
    const html = (await renderPlanDocument(plan, 'html')).body.toString('utf8');
    expect(html).toContain('<h1>Verksamhetsplan 2020-2022 (som fastställd)</h1>');
    expect(html).toContain('Beslut: Socialnämnden 2019-11-27 SN § 45 dnr SN 2019/123');
  });

  it('gives each format its content type and file name', async () => {
    const plan = await loadPlanForDocument(database.db, key);
    const types = Object.fromEntries(
      await Promise.all((['pdf', 'docx', 'xlsx', 'html'] as const).map(async (format) => [format, (await renderPlanDocument(plan, format)).contentType])),
    );
    expect(types).toEqual({
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      html: 'text/html; charset=utf-8',
    });
  });
});
