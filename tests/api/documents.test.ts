/** Documents over HTTP: the adopted plan is public in every format, a report for a period, drafts need an account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftKey, startApi, type Api } from './harness.ts';

describe('document endpoints', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi('pglite');
  });
  afterAll(() => api.close());

  it('serves the adopted plan as PDF, Word, Excel and HTML to anyone', async () => {
    const pdf = await api.anonymous.get('/api/plans/timra-sn-2020-2022/document.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    const docx = await api.anonymous.get('/api/plans/timra-sn-2020-2022/document.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await api.anonymous.get('/api/plans/timra-ifo-2018-2020/document.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const html = await api.anonymous.get('/api/plans/timra-ifo-2018-2020/document.html');
    expect(html.headers['content-disposition']).toMatch(/^inline/);
    expect(html.body).toContain('<html lang="sv');
    expect(html.body).toContain('-65 594');
  });

  it('builds a follow-up report for a period', async () => {
    const report = await api.anonymous.get('/api/plans/timra-ifo-2018-2020/report.html?period=2017-08');
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('2017');
    expect((await api.anonymous.get('/api/plans/timra-ifo-2018-2020/report.pdf?period=augusti')).statusCode).toBe(400);
  });

  it('keeps drafts and unknown formats out', async () => {
    expect((await api.anonymous.get(`/api/plans/${draftKey}/document.pdf`)).statusCode).toBe(401);
    expect((await (await api.as('lasare')).get(`/api/plans/${draftKey}/document.html`)).statusCode).toBe(200);
    expect((await api.anonymous.get('/api/plans/timra-sn-2020-2022/document.odt')).statusCode).toBe(400);
  });
});
