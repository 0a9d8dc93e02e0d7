/**
 * Other municipalities' operating statements (tests/fixtures/economy) print as they printed them:
 * the columns in order under their headings, committees' headings across the table, subtotals and
 * totals in bold, every amount as printed in PDF, Word and HTML, a wide table on a landscape page,
 * and in Excel numbers as numbers in the table's format ("#,##0.0", shown "# ##0,0" in Swedish).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/documents/docx.ts';
import { renderHtml } from '../../src/documents/html.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import type { TableBlock } from '../../src/documents/view-model.ts';
import { renderXlsx } from '../../src/documents/xlsx.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { docxText, loadDemoPlan, normalise, pdfInfo, pdfText } from './helpers.ts';

const fixtures = ['vastervik-2021-driftsredovisning', 'gnesta-2013-driftredovisning', 'tyreso-2018-kommunstyrelsen', 'sjobo-2025-driftbudget'] as const;
const read = (name: string, ext: string) => readFileSync(new URL(`../fixtures/economy/${name}.${ext}`, import.meta.url), 'utf8');
const planOf = (name: string) => PlanFile.parse(JSON.parse(read(name, 'json')));

/** The printed rows of a statement, each as its label and printed figures ("" where nothing is printed). */
function printedRows(name: string): string[][] {
  return read(name, 'tsv')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t'));
}

const tableOf = (name: string) => buildPlanDocument(planOf(name)).blocks.find((block): block is TableBlock => block.kind === 'table')!;

/** A printed row as a reader finds it in running text: label and figures in order, empty cells left out. */
const asText = (row: string[]) => normalise(row.filter((cell) => cell !== '').join(' '));

describe.each(fixtures)('%s as a document', (name) => {
  const rows = printedRows(name);

  it('has the printed header and every row with its cells in column order', () => {
    const table = tableOf(name);
    const header = read(name, 'tsv').split('\n').find((line) => line && !line.startsWith('#'))!.split('\t');
    expect(table.header[0]!.map((cell) => cell.text)).toEqual(header);
    expect(table.body.map((row) => (row.role === 'group' ? [row.cells[0]!.text] : row.cells.map((cell) => cell.text)))).toEqual(rows);
  });

  it('prints subtotals and totals in bold and committee headings across the table', () => {
    const plan = planOf(name);
    const table = tableOf(name);
    plan.budgetTables[0]!.rows.forEach((row, i) => {
      const printed = table.body[i]!;
      if (row.kind === 'subtotal' || row.kind === 'total') expect([printed.role, printed.cells.every((cell) => cell.bold)]).toEqual(['total', true]);
      else if (row.kind === 'heading') expect(printed.cells).toMatchObject([{ text: row.label, colSpan: table.columns.length }]);
      else expect(printed.role).toBe('data');
      expect(printed.role).toBe(row.kind === 'subtotal' || row.kind === 'total' ? 'total' : row.kind === 'heading' ? 'group' : 'data');
    });
  });

  it('PDF, Word and HTML hold every printed row, amounts as printed', async () => {
    const view = buildPlanDocument(planOf(name));
    const pdf = pdfText(await renderPdf(view));
    const docx = docxText(await renderDocx(view));
    const html = normalise(renderHtml(view).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
    for (const row of rows) {
      expect(pdf, `PDF: ${row[0]}`).toContain(asText(row));
      expect(docx, `Word: ${row[0]}`).toContain(asText(row));
      expect(html, `HTML: ${row[0]}`).toContain(asText(row));
    }
  });
});

describe('Excel', () => {
  async function sheetOf(name: string): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(buildPlanDocument(planOf(name)))) as unknown as ArrayBuffer);
    return workbook.worksheets[1]!;
  }
  const rowOf = (sheet: ExcelJS.Worksheet, label: string, nth = 0) => {
    const found: ExcelJS.Row[] = [];
    sheet.eachRow((row) => (row.getCell(1).value === label ? found.push(row) : undefined));
    return found[nth]!;
  };

  it('stores mnkr with one decimal as numbers in the table format, grouped even where the report printed "-1004,4"', async () => {
    const sheet = await sheetOf('vastervik-2021-driftsredovisning');
    const bun = rowOf(sheet, 'Barn- och utbildningsnämnd');
    expect(bun.getCell(5)).toMatchObject({ value: -1004.4, numFmt: '#,##0.0;-#,##0.0' });
    expect(bun.getCell(2)).toMatchObject({ value: 134.6, numFmt: '#,##0.0;-#,##0.0' });
    expect(bun.getCell(2).font?.bold).toBe(true);
    expect(rowOf(sheet, 'Politisk verksamhet').getCell(2)).toMatchObject({ value: 0, numFmt: '#,##0.0;-#,##0.0' });
    const uttag = rowOf(sheet, 'Uttag ur resultatutjämningsfond');
    expect([uttag.getCell(2).value, uttag.getCell(6).value, uttag.getCell(7).value]).toEqual([null, 0, -8.7]); // nothing printed is no number
  });

  it('reads a spaced minus as a negative number and keeps a percentage column in per cent', async () => {
    const sheet = await sheetOf('gnesta-2013-driftredovisning');
    const revision = rowOf(sheet, 'Revision');
    expect(revision.getCell(2)).toMatchObject({ value: -614, numFmt: '#,##0;-#,##0' });
    expect(revision.getCell(4)).toMatchObject({ value: 0.016, numFmt: '0.0 %' });
  });

  it('fills a committee heading row and bolds its Summa', async () => {
    const sheet = await sheetOf('sjobo-2025-driftbudget');
    expect(rowOf(sheet, 'Familjenämnd').getCell(1).fill).toMatchObject({ type: 'pattern' });
    expect(rowOf(sheet, 'Summa', 1).getCell(4)).toMatchObject({ value: 710.7, font: { bold: true } });
    expect(rowOf(sheet, 'Politisk verksamhet', 3).getCell(5)).toMatchObject({ value: -1.8 }); // Teknisk nämnd prints "– 1,8"
  });
});

describe('a wide statement', () => {
  it("is laid out landscape when its labels would break inside a word on a portrait page; Timrå's statements stay portrait", () => {
    expect(tableOf('vastervik-2021-driftsredovisning').wide).toBe(true); // "Uttag ur resultatutjämningsfond" beside seven figure columns
    expect(tableOf('sjobo-2025-driftbudget').wide).toBe(false);
    for (const key of ['timra-ifo-2018-2020', 'timra-sn-2020-2022']) {
      const plan = loadDemoPlan(key);
      const budgets = plan.budgetTables.map((table) => table.key);
      const tables = buildPlanDocument(plan).blocks.filter((block): block is TableBlock => block.kind === 'table' && budgets.some((budget) => block.id.endsWith(budget)));
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.map((table) => table.wide)).toEqual(tables.map(() => false));
    }
  });

  it('takes a landscape page of its own in the PDF', async () => {
    const plan = planOf('vastervik-2021-driftsredovisning');
    const table = plan.budgetTables[0]!;
    // Budget and deviation for 2020 too, as some reports print them: ten columns.
    const wide = { ...table, columns: [...table.columns, { key: 'budget-2020', label: 'Budget 2020', measure: 'budget' as const, period: '2020' }, { key: 'avvikelse-2020', label: 'Avvikelse 2020', measure: 'deviation' as const, period: '2020' }] };
    const view = buildPlanDocument({ ...plan, budgetTables: [wide] });
    expect(view.blocks.find((block): block is TableBlock => block.kind === 'table')!.wide).toBe(true);
    const pdf = await renderPdf(view);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1]);
    const sizes = [...pdfInfoPages(pdf, pages).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
    expect(sizes).toContain('landscape');
    expect(sizes[0]).toBe('portrait');
  });
});

/** pdfinfo's size line of every page. */
function pdfInfoPages(pdf: Buffer, pages: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the follow-up report on a general table', () => {
  const rowText = (table: TableBlock, label: string) => table.body.find((row) => row.cells[0]!.text === label)?.cells.map((cell) => cell.text);

  it('compares each unit with its budget in figures and per cent, the printed deviation beside the computed where they differ', async () => {
    const { buildReportDocument } = await import('../../src/documents/report-view-model.ts');
    const view = buildReportDocument(planOf('vastervik-2021-driftsredovisning'), { period: '2021' });
    const budget = view.blocks.find((block): block is TableBlock => block.kind === 'table' && block.id === 'uppfoljning-driftbudget')!;
    expect(budget.header[0]!.map((cell) => cell.text)).toEqual(['Resultaträkning, mnkr', 'Budget 2021', 'Utfall eller prognos helår', 'Källa', 'Avvikelse mot budget', 'Avvikelse %', 'Angiven avvikelse', 'Bedömning']);
    expect(rowText(budget, 'Äldreomsorg')).toEqual(['Äldreomsorg', '-445,1', '-431,2', 'Nettokostnad 2021', '13,9', '3,1 %', '', 'Gul']);
    // -124,9 − -111,6 is -13,3; the report prints -13,2 (its figures are rounded): both are shown.
    expect(rowText(budget, 'Samhällsbyggnad')).toEqual(['Samhällsbyggnad', '-111,6', '-124,9', 'Nettokostnad 2021', '-13,3', '-11,9 %', '-13,2', 'Röd']);
  });
});
