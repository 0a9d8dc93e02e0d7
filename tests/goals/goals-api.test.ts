/**
 * The goals work through the API: Västervik's goal takes its assessment and comment by PUT, also
 * once the plan is adopted (an assessment is follow-up), while its wording is then frozen; the
 * plan head takes the assessment scale; the scorecard answers with the assessments in the plan's
 * words; plan comparison matches Vårgårda's indicators of one measure; the plan file the API
 * returns carries the measures with every value the municipality holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../src/services/plan-service.ts';
import { etagOf, startApi, type Api, type Client } from '../api/harness.ts';
import { fixtureText } from './fixtures.ts';

const plan = '/api/plans/vastervik-ar-2021';

describe('goals, assessments and measures through the API', () => {
  let api: Api;
  let admin: Client;
  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    for (const key of ['vastervik-ar-2021', 'vargarda-mal-2019-2021', 'vargarda-bvp-2023-2025'] as const) {
      await importPlan(api.database.db, JSON.parse(fixtureText(key)), { actor: 'test', source: `tests/fixtures/plans/${key}.json` });
    }
    admin = await api.as('admin');
  });
  afterAll(() => api.close());

  it('records an assessment with its comment on a goal, and the scorecard answers in the plan\'s words', async () => {
    const url = `${plan}/goals/mal-2-2`;
    const goal = (await admin.get(url)).json() as Record<string, unknown>;
    const assessed = { ...goal, assessments: [{ period: '2021', status: 'not-fulfilled', comment: '<p>Bredbandsmålet nås inte fullt ut.</p>' }] };
    const saved = await admin.send('PUT', url, assessed, { 'if-match': await etagOf(admin, url) });
    expect(saved.statusCode).toBe(200);
    const card = (await admin.get(`${plan}/scorecard?period=2021`)).json();
    expect(card.assessments.find((a: { goalKey: string }) => a.goalKey === 'mal-2-2')).toMatchObject({ label: 'Nej', manual: true, comment: '<p>Bredbandsmålet nås inte fullt ut.</p>' });
    // Area 2 follows its goals: one Ja, one Nej, the worst decides.
    expect(card.assessments.find((a: { goalKey: string }) => a.goalKey === 'po-2')).toMatchObject({ label: 'Nej', manual: false });
  });

  it('refuses a status by hand without a reason, naming the field', async () => {
    const url = `${plan}/goals/mal-1-1`;
    const goal = (await admin.get(url)).json() as Record<string, unknown>;
    const bad = await admin.send('PUT', url, { ...goal, assessments: [{ period: '2020', status: 'fulfilled' }] }, { 'if-match': await etagOf(admin, url) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toContainEqual(expect.objectContaining({ message: 'En bedömning som sätts för hand kräver en motivering eller en kommentar' }));
  });

  it('takes the assessment scale on the plan head', async () => {
    const changed = await admin.send('PATCH', plan, { goalAssessment: { scale: 'yes-no', heading: 'Uppfyllt Ja/Nej', labels: { fulfilled: 'JA' } } }, { 'if-match': await etagOf(admin, plan) });
    expect(changed.statusCode).toBe(200);
    const card = (await admin.get(`${plan}/scorecard?period=2021`)).json();
    expect(card.assessments.find((a: { goalKey: string }) => a.goalKey === 'mal-1-1').label).toBe('JA');
  });

  it('takes an assessment on an adopted plan, and nothing else of the goal', async () => {
    await admin.send('POST', `${plan}/submit`, {}, { 'if-match': await etagOf(admin, plan) });
    const adopted = await admin.send('POST', `${plan}/adopt`, { decision: { date: '2022-04-25', body: 'Kommunfullmäktige', paragraph: 'KF § 1' } }, { 'if-match': await etagOf(admin, plan) });
    expect(adopted.statusCode).toBe(200);
    const url = `${plan}/goals/mal-2-1`;
    const goal = (await admin.get(url)).json() as { assessments: unknown[] };
    const followUp = await admin.send('PUT', url, { ...goal, assessments: [...goal.assessments, { period: '2022', comment: '<p>Följs upp i nästa årsredovisning.</p>' }] }, { 'if-match': await etagOf(admin, url) });
    expect(followUp.statusCode).toBe(200);
    const current = (await admin.get(url)).json() as Record<string, unknown>;
    const reworded = await admin.send('PUT', url, { ...current, text: 'Annan formulering' }, { 'if-match': await etagOf(admin, url) });
    expect(reworded.statusCode).toBe(409);
  });

  it('compares Vårgårda\'s two plans by measure and gives each plan file every value of its measures', async () => {
    const diff = (await admin.get('/api/compare?a=vargarda-mal-2019-2021&b=vargarda-bvp-2023-2025')).json();
    expect(diff.indicators.changed.map((change: { measure?: string }) => change.measure)).toEqual(expect.arrayContaining(['vargarda-heltid', 'vargarda-invanare-okning']));
    const file = (await admin.get('/api/plans/vargarda-mal-2019-2021')).json();
    expect(file.measures.find((m: { key: string }) => m.key === 'vargarda-heltid').values.map((v: { period: string }) => v.period)).toEqual(['2016', '2017', '2021', '2022', '2023']);
  });
});
