/** Follow-up over the API on the demo: scorecard, forecasts from the 2017 months, deviations, comparison. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './harness.ts';

describe('follow-up API', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi('pglite');
  });
  afterAll(() => api.close());

  it('gives the scorecard of an adopted plan to anyone, with a status and an explanation per indicator', async () => {
    const response = await api.anonymous.get('/api/plans/timra-sn-2020-2022/scorecard?period=2020');
    expect(response.statusCode).toBe(200);
    const card = response.json();
    expect(card.indicators).toHaveLength(19);
    const hemtjanst = card.indicators.find((i: { number: string }) => i.number === '1.2.1');
    expect(hemtjanst).toMatchObject({ target: '80%', actual: null, status: 'not-measured' });
    expect(typeof hemtjanst.explanation).toBe('string');
    expect((await api.anonymous.get('/api/plans/timra-sn-2020-2022/scorecard?period=20-20')).statusCode).toBe(400);
  });

  it('forecasts 2017 year ends from January–August, beside the economist’s "Prognos 2017 aug"', async () => {
    const response = await api.anonymous.get('/api/plans/timra-ifo-2018-2020/forecast?asOf=2017-08');
    expect(response.statusCode).toBe(200);
    const forecast = response.json();
    expect(forecast).toMatchObject({ asOf: '2017-08', year: 2017 });
    expect(forecast.volumes).toHaveLength(12);
    const individstod = forecast.volumes.find((v: { rowKey: string }) => v.rowKey === 'individstod-brukare');
    const runRate = individstod.forecast.methods.find((m: { method: string }) => m.method === 'run-rate');
    // 46,6 (43,6–49,7) is what `styrkort forecast … --as-of 2017-08` prints for this row.
    expect(Number(runRate.value).toFixed(1)).toBe('46.6');
    expect([Number(runRate.low).toFixed(1), Number(runRate.high).toFixed(1)]).toEqual(['43.6', '49.7']);
    expect(individstod.plan).toMatchObject({ columnLabel: 'Plan 2017', text: '65' });
  });

  it('lists deviations for a period and compares two plans (goal 1:2’s new wording)', async () => {
    expect((await api.anonymous.get('/api/plans/timra-ifo-2018-2020/deviations?period=2017-12')).statusCode).toBe(200);
    const diff = await api.anonymous.get('/api/compare?a=timra-ifo-2018-2020&b=timra-sn-2020-2022');
    expect(diff.statusCode).toBe(200);
    expect(JSON.stringify(diff.json())).toContain('Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem');
    expect((await api.anonymous.get('/api/compare?a=timra-ifo-2018-2020&b=test-plan-2020-2022')).statusCode).toBe(401);
  });
});
