/**
 * The status legend in documents: a follow-up report prints what its statuses mean under the
 * plan's rule beneath the indicator table; a plan document prints the legend only when the plan
 * has a rule of its own, so Timrå's demo plans print exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import type { DocumentView, TableBlock } from '../../src/documents/view-model.ts';
import { PlanFile, type StatusRule } from '../../src/domain/plan.ts';
import { renderReport } from '../../src/services/document-service.ts';
import { loadDemoPlan } from '../documents/helpers.ts';
import { aPlan } from '../helpers/plan-builder.ts';

// Helsingborgs stad, årsredovisning 2016: "Uppfyllelse 100 procent / 91–99 procent / 90 procent eller lägre / Uppföljning är inte genomförd"
// https://arsredovisning.helsingborg.se/forvaltningsberattelse/organisation-och-styrning/sa-styrs-helsingborg/stadens-mal/
const helsingborg: StatusRule = { kind: 'fulfilment-bands', greenFrom: '100', yellowFrom: '91', rounding: 'whole-down' };

const tables = (view: DocumentView) => view.blocks.filter((block): block is TableBlock => block.kind === 'table');
const noteLines = (table: TableBlock) => table.notes.map((note) => (note.kind === 'paragraph' ? note.runs.map((run) => run.text).join('') : ''));

describe('the status legend in documents', () => {
  it('prints the tolerance rule and the statuses that occur under a report\'s indicator table', () => {
    const view = buildReportDocument(PlanFile.parse(aPlan()), { period: '2018' });
    const indicators = tables(view).find((table) => table.id === 'uppfoljning-styrtal')!;
    expect(noteLines(indicators)).toEqual([
      'Teckenförklaring:',
      'Grön – Målvärdet är nått.',
      'Gul – Nära målet: inom toleransen, som styrtalet anger eller annars 5 % av målvärdet.',
      'Röd – Längre från målet än toleransen.',
    ]);
  });

  it('prints the plan\'s banded rule as Helsingborg prints it, in the report and in the plan document', async () => {
    const base = PlanFile.parse(aPlan({ plan: { statusRule: helsingborg } }));
    const actuals = [{ period: '2018', text: '84' }, { period: '2020', text: '', status: 'not-followed-up' as const, justification: 'Enkäten genomfördes inte 2020' }];
    const styrtal = { key: 'styrtal', kind: 'indicators' as const, heading: 'Styrtal', level: 1, inToc: true };
    const plan = { ...base, sections: [styrtal], indicators: base.indicators.map((indicator) => ({ ...indicator, actuals })) };
    const report = tables(buildReportDocument(plan, { period: '2018' })).find((table) => table.id === 'uppfoljning-styrtal')!;
    expect(report.body[0]!.cells.map((cell) => cell.text)).toEqual(['1.2.1 Nöjd med hemtjänst', '90%', '84', 'Gul', 'Utfall 84 % mot målvärde 90 %: delvis uppfyllt, uppfyllelse 93 %']);
    expect(noteLines(report).slice(1)).toEqual([
      'Grön – Uppfyllelse 100 % eller mer. Uppfyllelse är utfallet i procent av målvärdet (när lägre är bättre: målvärdet i procent av utfallet); den avrundas nedåt till hela procent.',
      'Gul – Uppfyllelse 91–99 %.',
      'Röd – Uppfyllelse 90 % eller lägre.',
    ]);
    const later = tables(buildReportDocument(plan, { period: '2020' })).find((table) => table.id === 'uppfoljning-styrtal')!;
    expect(later.body[0]!.cells[3]!.text).toBe('Ej uppföljt');
    expect(noteLines(later).at(-1)).toBe('Ej uppföljt – Följdes inte upp under perioden.');
    const planTable = tables(buildPlanDocument(plan)).find((table) => table.body.some((row) => row.cells[0]!.text === '1.2.1 Nöjd med hemtjänst'))!;
    expect(noteLines(planTable)).toEqual(['Teckenförklaring:', ...noteLines(report).slice(1)]);
    const html = (await renderReport(plan, { period: '2018', format: 'html' })).body.toString('utf8');
    expect(html).toContain('Teckenförklaring:');
    expect(html).toContain('Uppfyllelse 91–99 %.');
  });

  it('leaves the legend out of a plan document whose plan has no rule (the demo prints as before)', () => {
    const sn = loadDemoPlan('timra-sn-2020-2022');
    expect(sn.plan.statusRule).toBeUndefined();
    for (const table of tables(buildPlanDocument(sn))) expect(noteLines(table).join(' ')).not.toContain('Teckenförklaring');
  });
});
