/**
 * Issue 10, defect 13: anonymous GET /api/plans/{adopted}/history listed a rolled-over draft's key
 * and the user who created it. The public now sees only linked plans it may read (adopted) and no
 * user names; an account sees everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '../api/harness.ts';

const adopted = 'timra-sn-2020-2022';
const draft = 'timra-sn-2021-2023';

describe('public history', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi('pglite');
    const leader = await api.as('ledning-sn');
    expect((await leader.send('POST', `/api/plans/${adopted}/rollover`, { to: '2021-2023' })).statusCode).toBe(201);
  });
  afterAll(() => api?.close());

  it('defect 13: the public sees neither the rolled-over draft nor who created it', async () => {
    const history = await api.anonymous.get(`/api/plans/${adopted}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual({ from: [], to: [] });
    expect(history.body).not.toContain(draft);
    expect(history.body).not.toContain('ledning-sn');
    expect((await api.anonymous.get(`/api/plans/${draft}/history`)).statusCode).toBe(401);
  });

  it('defect 13: an account sees the draft and who created it', async () => {
    const reader = await api.as('lasare');
    const history = (await reader.get(`/api/plans/${adopted}/history`)).json();
    expect(history.to).toEqual([{ plan: draft, kind: 'rollover', at: expect.any(String), by: 'ledning-sn' }]);
  });

  it('defect 13: once the next plan is adopted, the public sees the link, still without names', async () => {
    const leader = await api.as('ledning-sn');
    const url = `/api/plans/${draft}`;
    const etag = async () => String((await leader.get(url)).headers.etag);
    expect((await leader.send('POST', `${url}/submit`, {}, { 'if-match': await etag() })).statusCode).toBe(200);
    const decision = { date: '2020-11-25', body: 'Socialnämnden', paragraph: 'SN § 98', caseNumber: 'SN 2020/123' };
    expect((await leader.send('POST', `${url}/adopt`, { decision }, { 'if-match': await etag() })).statusCode).toBe(200);
    const history = (await api.anonymous.get(`/api/plans/${adopted}/history`)).json();
    expect(history.to).toEqual([{ plan: draft, kind: 'rollover', at: expect.any(String) }]);
  });
});
