/**
 * Documents print what the plan has, and only that (issue 12, points 4–8), on plans of other
 * municipalities: the indicator table a section asks for (Vårgårda's "Utfall 2021 | Utfall 2022 |
 * Målvärde 2023 | Utfall 2023" with the gender rows below a total), letters on delmål and targets
 * (Nynäshamn's 1A, Kungsör's A and B), the goals an activity serves, the goals' assessments in a
 * report in the plan's words (Västervik's Ja/Nej), and no invented perspective numbers, catch-all
 * headings or running header. Each plan prints in every format.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/domain/plan.ts';
import { renderDocx } from '../../src/documents/docx.ts';
import { renderHtml } from '../../src/documents/html.ts';
import { renderPdf } from '../../src/documents/pdf.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import type { Block, TableBlock } from '../../src/documents/view-model.ts';
import { renderXlsx } from '../../src/documents/xlsx.ts';
import { fixturePlans, loadFixturePlan } from '../goals/fixtures.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { docxText, normalise, pdfText } from './helpers.ts';

const tables = (blocks: Block[]) => blocks.filter((block): block is TableBlock => block.kind === 'table');
const rowsOf = (table: TableBlock) => table.body.map((row) => row.cells.map((cell) => cell.text));
const headerOf = (table: TableBlock) => table.header[0]!.map((cell) => cell.text);

describe('the indicator table a section asks for', () => {
  it('prints Vårgårda\'s outcome years beside the target, with kvinnor and män below the total', () => {
    const table = tables(buildPlanDocument(loadFixturePlan('vargarda-bvp-2023-2025')).blocks).find((t) => t.id === 'styrtal-tabell')!;
    expect(headerOf(table)).toEqual(['Mätmetod', 'Utfall 2021', 'Utfall 2022', 'Målvärde 2023', 'Utfall 2023']);
    const rows = rowsOf(table);
    const at = rows.findIndex((row) => row[0] === 'Ökningen av antalet invånare per år');
    expect(rows.slice(at, at + 3)).toEqual([
      ['Ökningen av antalet invånare per år', '234', '88', '≥130', '116'],
      ['kvinnor', '109', '51', '', '48'],
      ['män', '125', '37', '', '68'],
    ]);
    expect(rows.find((row) => row[0]!.startsWith('Personalomsättning'))).toEqual([
      'Personalomsättning - andel medarbetare avgångna till extern arbetsgivare. (redovisas per verksamhet)',
      'Statistik saknas',
      '12,8',
      '<10',
      '13,3',
    ]);
  });

  it('prints a target\'s own letter before it (Kungsör\'s arbetslöshetsmål A and B) and a delmål\'s letter as printed (Nynäshamn 1A.)', () => {
    const kungsor = tables(buildPlanDocument(loadFixturePlan('kungsor-kf-2021-2025')).blocks)[0]!;
    expect(rowsOf(kungsor)).toEqual([['Arbetslöshet december', '10,4 %', 'A) Arbetslöshetsmål dec 2020, 8,3 %', 'B) Arbetslöshetsmål dec 2019, 9,3 %']]);
    const nynashamn = buildPlanDocument(loadFixturePlan('nynashamn-fp-2018-2021'));
    const texts = nynashamn.blocks.flatMap((block) => (block.kind === 'text' ? block.content.flatMap((c) => (c.kind === 'paragraph' ? [c.runs.map((r) => r.text).join('')] : [])) : []));
    expect(texts).toContain('1A. Antal byggrätter ska ligga på en hög nivå');
    expect(headerOf(tables(nynashamn.blocks)[0]!)).toEqual(['Delmål med tillhörande resultatindikatorer', 'Utfall 2016', 'Utfall 2017', 'Utfall 2018', 'Mål 2018', 'Mål 2019', 'Mål 2020', 'Mål 2021']);
  });

  it('prints how, how often and by whom an indicator is measured where the section asks for it', () => {
    const base = PlanFile.parse(aPlan());
    const plan: PlanFile = {
      ...base,
      indicators: base.indicators.map((i) => ({ ...i, owner: 'Enhetschef', measurement: { text: 'Brukarundersökning. Enhetschef mäter en gång per år.', method: 'Brukarundersökning', frequency: 'en gång per år' } })),
      sections: [{ key: 's', kind: 'indicators', heading: 'Styrtal', level: 1, inToc: true, indicatorColumns: [{ kind: 'method' }, { kind: 'frequency' }, { kind: 'responsible' }, { kind: 'target', year: 2020 }] }],
    };
    const table = tables(buildPlanDocument(plan).blocks)[0]!;
    expect(headerOf(table)).toEqual(['Styrtal', 'Mätmetod', 'Mäts', 'Ansvarig', 'Målvärde 2020']);
    expect(rowsOf(table).at(-1)).toEqual(['1.2.1 Nöjd med hemtjänst', 'Brukarundersökning', 'en gång per år', 'Enhetschef', '80%']);
  });

  it('prints the goals and indicators an activity serves by the plan\'s words (Vårgårda\'s project Heltid som norm)', () => {
    const table = tables(buildPlanDocument(loadFixturePlan('vargarda-mal-2019-2021')).blocks).find((t) => t.title === 'Projekt')!;
    expect(rowsOf(table)[0]!.slice(2)).toEqual(['Andelen heltidsanställningar månadsavlönade ska öka', 'Andel heltidsanställda månadsavlönade i %.']);
  });
});

describe('no invented text', () => {
  const plan = PlanFile.parse(aPlan({ perspectives: [{ number: 1, name: 'Invånare' }] }));

  it('prints a perspective without its number unless the plan numbers it, and no running header the plan lacks', () => {
    const view = buildPlanDocument({ ...plan, sections: [] });
    const goalTable = tables(view.blocks)[0]!;
    expect(headerOf(goalTable)).toEqual(['Invånare']);
    expect(tables(view.blocks)[1]!.body[0]!.cells[0]!.text).toBe('Invånare');
    expect(view.letterhead).toEqual([]);
    const numbered = buildPlanDocument({ ...plan, sections: [], perspectives: [{ number: 1, name: 'Invånare', numbered: true }] });
    expect(headerOf(tables(numbered.blocks)[0]!)).toEqual(['1 Invånare']);
  });

  it('heads goals outside the perspectives with nothing, and lists goals without perspectives rather than inventing a heading', () => {
    const goal = { ...plan.goals[0]!, key: 'kf-x', number: '9', perspective: undefined };
    const mixed = buildPlanDocument({ ...plan, sections: [], goals: [...plan.goals, goal] });
    expect(headerOf(tables(mixed.blocks)[0]!)).toEqual(['Invånare', '']);
    const none = buildPlanDocument({ ...plan, sections: [], perspectives: [], goals: [goal], indicators: [] });
    expect(tables(none.blocks).map((t) => t.id)).not.toContain('standard-municipal-goals-tabell');
    expect(JSON.stringify(none.blocks)).not.toContain('Övriga mål');
  });

  it('leaves out the committee column when neither the plan\'s table nor an indicator names one', () => {
    const bare: PlanFile = { ...plan, indicatorTable: null, indicators: plan.indicators.map(({ appliesTo: _a, ...i }) => i) };
    expect(headerOf(tables(buildPlanDocument({ ...bare, sections: [] }).blocks)[1]!)).toEqual(['Styrtal', '2018', '2020']);
  });
});

describe('goals\' assessments in a follow-up report', () => {
  it('prints Västervik\'s goals with Ja and the comment under the plan\'s own heading, and counts goals and areas apart', () => {
    const view = buildReportDocument(loadFixturePlan('vastervik-ar-2021'), { period: '2021' });
    const table = tables(view.blocks).find((t) => t.id === 'uppfoljning-mal')!;
    expect(headerOf(table)).toEqual(['Mål', 'Uppfyllt Ja/Nej', 'Förklaring', 'Kommentar']);
    expect(rowsOf(table).map((row) => row.slice(0, 2))).toEqual([
      ['1. Samverkan och innovation – för en trygg välfärd', 'Ja'],
      ['Antalet innovativa lösningar för en tryggad välfärd ska öka, tex genom digitala lösningar.', 'Ja'],
      ['2. Kommunikationer - närmare varandra och omvärlden', 'Ja'],
      ['Ökad möjlighet för kollektivt resande i kommunen, samt till och från kommunen.', 'Ja'],
    ]);
    const summary = view.blocks.find((block) => block.kind === 'text')!;
    expect(JSON.stringify(summary)).toContain('Av 2 bedömda prioriterade områden är 2 uppfyllda.');
  });

  it('prints a goal\'s analysis for the period under the goal (Vårgårda delmål 1, Hållbar ekonomi)', () => {
    const view = buildReportDocument(loadFixturePlan('vargarda-bvp-2023-2025'), { period: '2023' });
    const headings = view.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    expect(headings).toContain('Delmål 1 Det ekonomiska resultatet i Vårgårda kommun ska under åren i snitt vara> 2 % av skatteintäkter och generella statsbidrag.');
  });
});

describe.each(fixturePlans)('%s prints in every format', (key) => {
  const plan = loadFixturePlan(key);
  const view = buildPlanDocument(plan);

  it('as PDF, Word, Excel and HTML, the same text in each', async () => {
    const needle = normalise(rowsOrFirstText(view));
    expect(normalise(pdfText(await renderPdf(view)))).toContain(needle);
    expect(normalise(docxText(await renderDocx(view)))).toContain(needle);
    expect((await renderXlsx(view)).length).toBeGreaterThan(1_000);
    expect(normalise(renderHtml(view).replace(/<[^>]+>/g, ' '))).toContain(needle);
  });
});

/** A short text every format prints: the first words of the first table row or paragraph. */
function rowsOrFirstText(view: ReturnType<typeof buildPlanDocument>): string {
  const first = view.blocks.find((block) => block.kind === 'table' || block.kind === 'text')!;
  const paragraph = first.kind === 'text' ? first.content[0] : undefined;
  const text = first.kind === 'table' ? first.body[0]!.cells[0]!.text : paragraph?.kind === 'paragraph' ? paragraph.runs.map((run) => run.text).join('') : '';
  return text.split(/\s+/).filter((word) => /^\p{L}+$/u.test(word)).slice(0, 3).join(' ');
}
