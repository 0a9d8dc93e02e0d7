/**
 * The follow-up report for the 2017 monthly data of the 2018–2020 plan (the interim report after
 * August): volumes against plan with deviation, the operating budget against budget with the
 * August forecast and deviation per node, activities, in all four formats; and a monthly
 * follow-up with indicator statuses and the analyses entered for the period.
 */
import { describe, expect, it } from 'vitest';
import { buildReportDocument, reportTitle } from '../../src/documents/report-view-model.ts';
import type { TableBlock } from '../../src/documents/view-model.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { documentFormats, renderReport } from '../../src/services/document-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { docxText, loadDemoPlan, pdfText, unzip } from './helpers.ts';

const rowText = (table: TableBlock, label: string) => table.body.find((row) => row.cells[0]!.text === label)?.cells.map((cell) => cell.text);

describe('interim report 2017-08 of timra-ifo-2018-2020', () => {
  const plan = loadDemoPlan('timra-ifo-2018-2020');
  const view = buildReportDocument(plan, { period: '2017-08' });
  const table = (id: string) => view.blocks.find((block): block is TableBlock => block.kind === 'table' && block.id === id)!;

  it('is titled as the interim report and lists its parts', () => {
    expect(view.titlePage.title).toBe('Delårsrapport januari–augusti 2017');
    expect(view.toc.map((entry) => entry.text)).toEqual(['Sammanfattning', 'Avvikelser', 'Volymer', 'Driftbudget och prognos', 'Aktiviteter']);
    expect(view.filename).toBe('timra-ifo-2018-2020-uppfoljning-2017-08');
  });

  it('compares volumes with the 2017 plan: outcome, deviation and status', () => {
    const volumes = table('uppfoljning-ifo-matt-2017');
    expect(rowText(volumes, 'Antal brukare individstöd (sista dagen i månaden)')!.slice(0, 6)).toEqual(['Antal brukare individstöd (sista dagen i månaden)', '65', '47', '-18', '27,7 %', 'Röd']);
    expect(rowText(volumes, 'Antal hushåll med försörjningsstöd')!.slice(0, 6)).toEqual(['Antal hushåll med försörjningsstöd', '-', '189', '', '', 'Plan saknas']);
  });

  it('compares the operating budget per node with the August forecast', () => {
    const budget = table('uppfoljning-driftbudget');
    expect(budget.body.filter((row) => row.role === 'group').map((row) => row.cells[0]!.text)).toEqual([
      'Individ- och familjeomsorgen',
      'IFO, Barn o familj',
      'IFO, Vuxna',
      'IFO, Öppenvård o mottagning',
      'Försörjningsstöd, utbetaln',
      'EKB, Ensamkommande barn',
    ]);
    // Deviation in figures and in per cent of the budget: 2 700 of 34 201 is 7,9 % better.
    expect(rowText(budget, 'IFO, Vuxna nettokostnader')).toEqual(['IFO, Vuxna nettokostnader', '-34 201', '-31 501', 'Prognos 2017 aug', '2 700', '7,9 %', 'Röd']);
    expect(rowText(budget, 'IFO, Barn o familj kostnader')).toEqual(['IFO, Barn o familj kostnader', '-35 803', '-36 272', 'Prognos 2017 aug', '-469', '-1,3 %', 'Inom tolerans']);
  });

  it.each(documentFormats)('renders as %s', async (format) => {
    const document = await renderReport(plan, { period: '2017-08', format });
    expect(document.filename).toBe(`timra-ifo-2018-2020-uppfoljning-2017-08.${format}`);
    if (format === 'pdf') expect(pdfText(document.body)).toContain('IFO, Vuxna nettokostnader -34 201 -31 501 Prognos 2017 aug 2 700 7,9 % ● Röd');
    if (format === 'docx') expect(docxText(document.body)).toContain('Antal brukare individstöd (sista dagen i månaden) 65 47 -18 27,7 %');
    if (format === 'xlsx') expect(unzip(document.body).has('xl/workbook.xml')).toBe(true);
    if (format === 'html') expect(document.body.toString('utf8')).toContain('<td class="num">-34 201</td>');
  });
});

describe('monthly follow-up with indicators and analyses', () => {
  // The test plan's indicator "Nöjd med hemtjänst" has target 80% for 2020; an outcome and an analysis for August.
  const base = aPlan();
  const plan = PlanFile.parse({
    ...base,
    indicators: [{ ...base.indicators![0]!, actuals: [{ period: '2020-08', text: '71' }] }],
    analyses: [{ key: 'a1', period: '2020-08', subject: 'st-1.2.1', text: '<p>Färre svarande i sommar.</p>', author: 'Enhetschef hemtjänst' }],
  });
  const view = buildReportDocument(plan, { period: '2020-08' });

  it('shows target, outcome, status with its explanation, and the analysis under its indicator', () => {
    const indicators = view.blocks.find((block): block is TableBlock => block.kind === 'table' && block.id === 'uppfoljning-styrtal')!;
    const [label, target, actual, status] = indicators.body[0]!.cells;
    expect([label!.text, target!.text, actual!.text]).toEqual(['1.2.1 Nöjd med hemtjänst', '80%', '71']);
    expect(status!.status).toMatch(/red|yellow/);
    expect(indicators.body[0]!.cells[4]!.text.length).toBeGreaterThan(10);
    const headingIndex = view.blocks.findIndex((block) => block.kind === 'heading' && block.text === '1.2.1 Nöjd med hemtjänst');
    expect(view.blocks[headingIndex + 1]).toEqual({ kind: 'text', content: [{ kind: 'paragraph', runs: [{ text: 'Färre svarande i sommar.' }] }] });
  });

  it('names each kind of report by its period', () => {
    expect([reportTitle('2020-03'), reportTitle('2020-08'), reportTitle('2020')]).toEqual(['Månadsuppföljning mars 2020', 'Delårsrapport januari–augusti 2020', 'Verksamhetsberättelse 2020']);
  });
});
