/**
 * The goals work stored and read back on both engines: the plans of Vårgårda, Västervik, Nynäshamn
 * and Kungsör (and Timrå's demo) export byte for byte as imported; a goal's plan-local part stays
 * with its plan; a measure holds its values once for the municipality, so an indicator of one plan
 * shows the values another plan brought, and a changed value is audited.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { rows } from '../../src/db/migrate.ts';
import { findPlanVersion } from '../../src/db/plan-version-repository.ts';
import { scorecard } from '../../src/domain/status.ts';
import { exportPlan, importPlan, planFileText } from '../../src/services/plan-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { fixturePlans, fixtureText } from './fixtures.ts';

const context = { actor: 'test', source: 'test' };
const demo = (key: string) => readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8');

describe.each(engines)('goals, measures and breakdowns stored on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it.each([...fixturePlans])('%s exports byte for byte as imported', async (key) => {
    const text = fixtureText(key);
    await importPlan(database.db, JSON.parse(text), context);
    expect(planFileText(await exportPlan(database.db, JSON.parse(text).plan.key))).toBe(text);
  });

  it.each(['timra-ifo-2018-2020', 'timra-sn-2020-2022'])('Timrå\'s demo %s: export → import → export gives the same bytes, with no measure or goal detail added', async (key) => {
    await importPlan(database.db, JSON.parse(demo(key)), context);
    const first = planFileText(await exportPlan(database.db, key));
    // The demo plans are adopted, so they cannot be replaced: the second import goes to a fresh database.
    const second = await freshDatabase(engine);
    try {
      await importPlan(second.db, JSON.parse(first), context);
      expect(planFileText(await exportPlan(second.db, key))).toBe(first);
    } finally {
      await second.close();
    }
    expect(first).not.toMatch(/"measures"|"assessments"|"goalAssessment"|"contributesTo"/);
    const [details] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from plan_items where item_type = 'goal-detail'`);
    expect(details!.n).toBe(0);
  });

  it('holds a measure\'s values once: the annual report 2023 shows the values the goal pages 2019–2021 brought, and the other way round', async () => {
    await importPlan(database.db, JSON.parse(fixtureText('vargarda-mal-2019-2021')), context);
    await importPlan(database.db, JSON.parse(fixtureText('vargarda-bvp-2023-2025')), context);
    const report = await exportPlan(database.db, 'vargarda-bvp-2023-2025');
    const goals = await exportPlan(database.db, 'vargarda-mal-2019-2021');
    const periods = (plan: typeof report, key: string) => plan.measures!.find((m) => m.key === key)!.values.map((v) => v.period);
    expect(periods(report, 'vargarda-invanare-okning')).toEqual(['2015', '2016', '2017', '2021', '2022', '2023']);
    expect(periods(goals, 'vargarda-heltid')).toEqual(['2016', '2017', '2021', '2022', '2023']);
    // The 2019–2021 plan's indicator, worded its own way, now has the 2021 outcome of the same measure.
    expect(scorecard(goals, { period: '2021' }).indicators.find((i) => i.indicatorKey === 'st-heltid')).toMatchObject({ actual: '91', target: '100', status: 'red' });
    const [count] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from measure_values`);
    expect(count!.n).toBe(11);
  });

  it('changes a value another plan brings with a different print, audited, and never removes one', async () => {
    await importPlan(database.db, JSON.parse(fixtureText('vargarda-bvp-2023-2025')), context);
    const other = JSON.parse(fixtureText('vargarda-mal-2019-2021'));
    other.measures[1].values.push({ period: '2022', text: '92,4' });
    const imported = await importPlan(database.db, other, context);
    const report = await exportPlan(database.db, 'vargarda-bvp-2023-2025');
    expect(report.measures!.find((m) => m.key === 'vargarda-heltid')!.values.find((v) => v.period === '2022')).toEqual({ period: '2022', text: '92,4' });
    const audit = await rows<{ action: string; before: { text: string }; after: { text: string } }>(
      database.db,
      sql`select action, before, after from audit_events where entity_type = 'measure-value' and entity_key = '1442/vargarda-heltid:2022' order by id`,
    );
    expect(audit.map((a) => [a.action, a.before?.text ?? null, a.after.text])).toEqual([
      ['create', null, '92'],
      ['update', '92', '92,4'],
    ]);
    // Replacing the plan without the value keeps it: another plan may show it.
    other.measures[1].values.pop();
    await importPlan(database.db, other, { ...context, replace: true, ifMatch: imported.version });
    expect((await exportPlan(database.db, 'vargarda-bvp-2023-2025')).measures!.find((m) => m.key === 'vargarda-heltid')!.values.map((v) => v.text)).toContain('92,4');
  });

  it('keeps a plan\'s own description of a measure when another plan describes it anew: only the values are shared', async () => {
    const first = fixtureText('vargarda-bvp-2023-2025');
    await importPlan(database.db, JSON.parse(first), context);
    const before = planFileText(await exportPlan(database.db, 'vargarda-bvp-2023-2025'));
    const other = JSON.parse(fixtureText('vargarda-mal-2019-2021'));
    other.measures[1].name = 'Heltidsanställda, andel av månadsavlönade';
    await importPlan(database.db, other, context);
    // The values the other plan brought (2016, 2017) reach this plan's series; its words stay its own.
    const after = await exportPlan(database.db, 'vargarda-bvp-2023-2025');
    expect(after.measures!.find((m) => m.key === 'vargarda-heltid')).toMatchObject({ name: 'Andel heltidsanställda månadsavlönade' });
    expect(after.measures!.find((m) => m.key === 'vargarda-heltid')!.values.map((v) => v.period)).toEqual(['2016', '2017', '2021', '2022', '2023']);
    expect((await exportPlan(database.db, 'vargarda-mal-2019-2021')).measures![1]!.name).toBe('Heltidsanställda, andel av månadsavlönade');
    expect(planFileText(after)).not.toBe(before);
    const [audit] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events where entity_type = 'measure' and action = 'update' and entity_key = '1442/vargarda-heltid'`);
    expect(audit!.n).toBe(1);
  });

  it('gives a plan a new content version when another plan changes a value of its measure, so no cached read shows the old series', async () => {
    await importPlan(database.db, JSON.parse(fixtureText('vargarda-bvp-2023-2025')), context);
    const before = (await findPlanVersion(database.db, 'vargarda-bvp-2023-2025'))!.content;
    const other = JSON.parse(fixtureText('vargarda-mal-2019-2021'));
    other.measures[1].values.push({ period: '2022', text: '92,4' });
    await importPlan(database.db, other, context);
    const after = (await findPlanVersion(database.db, 'vargarda-bvp-2023-2025'))!.content;
    expect(after.shared).not.toBe(before.shared);
    // Listing measures is the plan's own content: the other plan's version moved when it linked them.
    const linked = (await findPlanVersion(database.db, 'vargarda-mal-2019-2021'))!.content.plan;
    await database.db.execute(sql`delete from plan_measures where plan_id = (select id from plans where key = 'vargarda-mal-2019-2021')`);
    expect((await findPlanVersion(database.db, 'vargarda-mal-2019-2021'))!.content.plan).not.toBe(linked);
  });

  it('keeps a goal\'s assessment, comment and kind with its plan: a second plan with the same goal and other words changes nothing in the first', async () => {
    const first = fixtureText('vastervik-ar-2021');
    await importPlan(database.db, JSON.parse(first), context);
    const next = JSON.parse(first);
    next.plan.key = 'vastervik-ar-2022';
    next.plan.periodStart = 2022;
    next.plan.periodEnd = 2022;
    next.goals[1].assessments = [{ period: '2022', status: 'not-fulfilled', comment: '<p>Annan kommentar.</p>' }];
    next.goals[1].kind = 'assignment';
    next.goals[1].description = '<p>Bara i 2022 års plan.</p>';
    await importPlan(database.db, next, context);
    expect(planFileText(await exportPlan(database.db, 'vastervik-ar-2021'))).toBe(first);
    expect((await exportPlan(database.db, 'vastervik-ar-2022')).goals[1]).toMatchObject({ kind: 'assignment', description: '<p>Bara i 2022 års plan.</p>' });
  });
});
