/**
 * Plans stored and read back on both engines: the round trip is exact, bad input writes nothing,
 * adopted plans cannot be replaced, goal wordings are kept per period, and the audit trail is append-only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/connection.ts';
import { rows } from '../src/db/migrate.ts';
import { PlanFile } from '../src/domain/plan.ts';
import { exportPlan, importPlan, listPlans, planFileText } from '../src/services/plan-service.ts';
import { engines, freshDatabase } from './helpers/databases.ts';
import { aPlan } from './helpers/plan-builder.ts';

const context = { actor: 'test', source: 'test' };

describe.each(engines)('plan storage on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('exports exactly what was imported, figures as printed', async () => {
    const input = aPlan();
    await importPlan(database.db, input, context);
    const exported = await exportPlan(database.db, 'test-plan-2020-2022');
    expect(planFileText(exported)).toBe(planFileText(PlanFile.parse(input)));
    expect(exported.volumeTables[0]!.rows[0]!.cells['budget-2019']).toBe('194(-9)');
  });

  it('export → import → export gives identical text', async () => {
    await importPlan(database.db, aPlan(), context);
    const first = planFileText(await exportPlan(database.db, 'test-plan-2020-2022'));
    await importPlan(database.db, JSON.parse(first), { ...context, replace: true, ifMatch: 1 });
    expect(planFileText(await exportPlan(database.db, 'test-plan-2020-2022'))).toBe(first);
  });

  it('keeps what an actual carries beside its text: manual status, justification, reference', async () => {
    const input = aPlan();
    input.indicators![0]!.actuals = [
      { period: '2018', text: '84' },
      { period: '2019', text: 'Ej mätt', status: 'yellow', justification: 'Enkäten gjordes inte 2019; bedömt av verksamhetschef', reference: '82' },
    ] as never;
    await importPlan(database.db, input, context);
    const actuals = (await exportPlan(database.db, 'test-plan-2020-2022')).indicators[0]!.actuals;
    expect(actuals).toEqual([
      { period: '2018', text: '84' },
      { period: '2019', text: 'Ej mätt', reference: '82', status: 'yellow', justification: 'Enkäten gjordes inte 2019; bedömt av verksamhetschef' },
    ]);
  });

  it('stores each figure with its period, kind, unit and exact value; missing stays null', async () => {
    await importPlan(database.db, aPlan(), context);
    const figures = await rows<{ row_key: string; period: string; kind: string; printed: string; value: string | null; form: string }>(
      database.db,
      sql`select row_key, period, kind, printed, value::text as value, form from figures where item_type = 'volume-table' order by row_key, position`,
    );
    expect(figures).toContainEqual({ row_key: 'v-vobo', period: '2019', kind: 'budget', printed: '194(-9)', value: '194', form: 'annotated' });
    expect(figures).toContainEqual({ row_key: 'v-mfb', period: '2019', kind: 'budget', printed: '90 + 45', value: '135', form: 'sum' });
    const budget = await rows<{ row_key: string; value: string | null; unit: string }>(
      database.db,
      sql`select row_key, value::text as value, unit from figures where item_type = 'budget-table' and column_key = 'budget-2020' order by position, row_key`,
    );
    expect(budget).toContainEqual({ row_key: 'costs', value: '-528025', unit: 'tkr' });
    // Plan 2021 has no printed cells: there are no figure rows for it, not zeros.
    const plan2021 = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from figures where column_key = 'plan-2021'`);
    expect(plan2021[0]!.n).toBe(0);
  });

  it('refuses an invalid plan with every problem and its path, and writes nothing', async () => {
    const bad = aPlan({ plan: { ownerNode: 'finns-inte', periodStart: 'tjugotjugo' as never } });
    (bad.indicators![0] as { goal: string }).goal = 'kf-9:9';
    const error = await importPlan(database.db, bad, context).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation' });
    const paths = (error as { problems: Array<{ path: string; message: string }> }).problems.map((p) => p.path);
    expect(paths).toContain('$.plan.periodStart');
    expect(await listPlans(database.db)).toEqual([]);
    const counts = await rows<{ n: number }>(database.db, sql`select (select count(*) from municipalities) + (select count(*) from audit_events) as n`);
    expect(Number(counts[0]!.n)).toBe(0);
  });

  it('reports broken references, each with its path and a Swedish message', async () => {
    const bad = aPlan({ plan: { ownerNode: 'finns-inte' } });
    (bad.indicators![0] as { goal: string }).goal = 'kf-9:9';
    const error = (await importPlan(database.db, bad, context).catch((e: unknown) => e)) as { problems: Array<{ path: string; message: string }> };
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { path: '$.plan.ownerNode', message: 'Planens ägare "finns-inte" finns inte i organisationen', code: 'reference' },
        { path: '$.indicators[0].goal', message: 'Målet "kf-9:9" finns inte i planen', code: 'reference' },
      ]),
    );
  });

  it('will not replace an existing plan unless asked, and never an adopted one', async () => {
    await importPlan(database.db, aPlan(), context);
    await expect(importPlan(database.db, aPlan(), context)).rejects.toMatchObject({ code: 'conflict' });
    await importPlan(database.db, aPlan({ plan: { status: 'adopted', decision: { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45' } } }), { ...context, replace: true, ifMatch: 1 });
    await expect(importPlan(database.db, aPlan(), { ...context, replace: true, ifMatch: 2 })).rejects.toMatchObject({ code: 'frozen' });
    expect((await exportPlan(database.db, 'test-plan-2020-2022')).plan.status).toBe('adopted');
  });

  it('keeps each plan period’s wording of a shared goal', async () => {
    await importPlan(database.db, aPlan(), context);
    const older = aPlan({ plan: { key: 'test-plan-2018-2020', periodStart: 2018, periodEnd: 2020 } });
    older.goals![0]!.text = 'Våra brukare inom äldreomsorgen och andra behövande känner sig trygga med den omsorg vi ger dem';
    await importPlan(database.db, older, context);
    expect((await exportPlan(database.db, 'test-plan-2018-2020')).goals[0]!.text).toMatch(/^Våra brukare inom äldreomsorgen/);
    expect((await exportPlan(database.db, 'test-plan-2020-2022')).goals[0]!.text).toMatch(/^Våra brukare\/klienter\/patienter/);
    const goals = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from goals`);
    expect(goals[0]!.n).toBe(1);
  });

  it('audits imports and refuses to change or delete the audit trail', async () => {
    await importPlan(database.db, aPlan(), context);
    const events = await rows<{ action: string; entity_type: string; actor: string }>(database.db, sql`select action, entity_type, actor from audit_events order by id`);
    expect(events).toContainEqual({ action: 'import', entity_type: 'plan', actor: 'test' });
    await expect(database.db.execute(sql`update audit_events set actor = 'någon annan'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('refuses rich text outside the allowed HTML', async () => {
    const bad = aPlan();
    bad.sections = [{ key: 's-x', kind: 'text', heading: 'Uppdrag', level: 1, body: '<p>Hej</p><script>alert(1)</script>' }];
    await expect(importPlan(database.db, bad, context)).rejects.toMatchObject({
      problems: [{ path: '$.sections[0].body', message: expect.stringContaining('HTML som inte är tillåten') }],
    });
  });
});
