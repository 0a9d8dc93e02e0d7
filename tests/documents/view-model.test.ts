/**
 * The document view model: the plan's sections are the stored configuration of the document
 * (order, headings, which items), sections without content are left out, headings nest in order,
 * cells keep their printed text, and rich text reads into paragraphs and lists.
 */
import { describe, expect, it } from 'vitest';
import { formatCell } from '../../src/domain/format.ts';
import { PlanFile } from '../../src/domain/plan.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { parseRich } from '../../src/documents/rich.ts';
import type { Block, TableBlock } from '../../src/documents/view-model.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { loadDemoPlan } from './helpers.ts';

const headings = (blocks: Block[]) => blocks.flatMap((block) => (block.kind === 'heading' ? [`${block.level} ${block.text}`] : []));
const tables = (blocks: Block[]) => blocks.filter((block): block is TableBlock => block.kind === 'table');

describe('plan document view model', () => {
  it('follows the seed: the 2018 plan in its order, the empty illustration section left out', () => {
    const view = buildPlanDocument(loadDemoPlan('timra-ifo-2018-2020'));
    expect(view.toc.map((entry) => entry.text)).toEqual([
      'Uppdrag och organisation',
      'Kommunens mål',
      'Individ och familjeomsorgens utvalda mål',
      'Kommunens strategier',
      'Strategier inom individ och familjeomsorgen',
      'Aktiviteter',
      'Budget',
    ]);
    expect(headings(view.blocks)).toContain('2 Mål 1:2');
    expect(view.titlePage).toMatchObject({ municipality: 'Timrå kommun', organisation: 'Socialnämnden', period: 'Planperiod 2018–2020', status: 'Fastställd' });
    const volumes = tables(view.blocks).find((table) => table.title.startsWith('MÅTT'))!;
    expect(volumes.wide).toBe(true);
    expect(volumes.notes).toHaveLength(1);
    const ekb = tables(view.blocks).at(-1)!;
    expect(ekb.body.at(-1)!.role).toBe('total');
    expect(ekb.notes[0]).toEqual({ kind: 'paragraph', runs: [{ text: '(EKB Ingår ej i IFO:s budget)' }] });
  });

  it('nests the 2020 plan headings from level 1, keeps heading-only sections that have content below, drops the empty comment', () => {
    const view = buildPlanDocument(loadDemoPlan('timra-sn-2020-2022'));
    const all = headings(view.blocks);
    expect(all[0]).toBe('1 Vision');
    expect(all).toContain('1 Budget');
    expect(all).toContain('2 Volymuppgifter');
    expect(all.filter((heading) => heading === '2 Kommentar')).toHaveLength(2); // the third, empty one is left out
    for (let i = 1; i < all.length; i += 1) expect(Number(all[i]!.split(' ')[0])).toBeLessThanOrEqual(Number(all[i - 1]!.split(' ')[0]) + 1);
    const indicators = tables(view.blocks).find((table) => table.title === 'Styrtalet')!;
    expect(indicators.header[0]!.map((cell) => `${cell.text}${cell.mark ?? ''}`)).toEqual(['Styrtalet1', '2018', '2019', '20202', '2025', 'Nämnd']);
    expect(indicators.footnotes.map((note) => note.mark)).toEqual(['1', '2']);
    expect(indicators.body[0]!).toMatchObject({ role: 'group', cells: [{ text: '1. Medborgare' }] });
  });

  it('renders sections in the stored order, only those stored, and drops sections without content', () => {
    const base = aPlan();
    const plan = PlanFile.parse({
      ...base,
      sections: [
        { key: 's-tom', kind: 'capital-budget', heading: 'Investeringsbudget', level: 1 },
        { key: 's-drift', kind: 'operating-budget', heading: 'Driftbudget', level: 1, include: ['drift'] },
        { key: 's-volymer', kind: 'volumes', heading: 'Volymer', level: 1, include: ['volymer'] },
      ],
    });
    expect(headings(buildPlanDocument(plan).blocks)).toEqual(['1 Driftbudget', '1 Volymer']);
    const reordered = PlanFile.parse({ ...base, sections: [plan.sections[2], plan.sections[1]] });
    expect(headings(buildPlanDocument(reordered).blocks)).toEqual(['1 Volymer', '1 Driftbudget']);
    const without = PlanFile.parse({ ...base, sections: [plan.sections[1]] });
    expect(headings(buildPlanDocument(without).blocks)).toEqual(['1 Driftbudget']);
  });

  it('gives a plan without configured sections the standard order with everything in it', () => {
    const plan = PlanFile.parse({ ...aPlan(), sections: [] });
    expect(headings(buildPlanDocument(plan).blocks)).toEqual(['1 Kommunens mål', '1 Styrtal', '1 Volymer', '1 Driftbudget']);
  });

  it('keeps printed cells exactly and reads their values', () => {
    const plan = PlanFile.parse(aPlan());
    const volumes = tables(buildPlanDocument({ ...plan, sections: [{ key: 'v', kind: 'volumes', heading: 'Volymer', level: 1, inToc: true }] }).blocks)[0]!;
    const [over, days] = volumes.body.map((row) => row.cells.slice(1));
    expect(over!.map((cell) => [cell.text, cell.numeric, cell.value?.toString() ?? null])).toEqual([
      ['200', true, '200'],
      ['194(-9)', false, '194'],
    ]);
    expect(days!.map((cell) => cell.text)).toEqual(['50', '90 + 45']);
  });
});

describe('formatCell', () => {
  it.each([
    ['-68 851', { text: '-68 851', numeric: true, decimals: 0, grouped: true }],
    ['5,3', { numeric: true, decimals: 1 }],
    ['1000', { numeric: true, grouped: false }],
    ['90%', { numeric: true, percent: true, percentSpace: false }],
    ['77 %', { numeric: true, percent: true, percentSpace: true }],
    ['194(-9)', { numeric: false, annotation: '(-9)' }],
    ['90 + 45', { numeric: false }],
    ['-', { numeric: false, value: null }],
    ['', { numeric: false, value: null }],
    ['Egen tid', { numeric: false, value: null }],
  ])('%j', (printed, expected) => {
    expect(formatCell(printed)).toMatchObject({ text: printed, ...expected });
  });
});

describe('rich text', () => {
  it('reads paragraphs, styles, links and lists; a list that prints its own dashes gets no markers', () => {
    expect(parseRich('<p>Arbete <b>främst</b> &amp; <i>inte</i> <a href="https://timra.se">här</a></p><ul><li>- Ledning</li><li>- IFO</li></ul>')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Arbete ' }, { text: 'främst', bold: true }, { text: ' & ' }, { text: 'inte', italic: true }, { text: ' ' }, { text: 'här', href: 'https://timra.se' }] },
      { kind: 'list', ordered: false, marker: false, items: [[{ text: '- Ledning' }], [{ text: '- IFO' }]] },
    ]);
    expect(parseRich('Ett förhållningssätt.')).toEqual([{ kind: 'paragraph', runs: [{ text: 'Ett förhållningssätt.' }] }]);
    expect(parseRich('<p><u>Utmaningar</u> Volymerna<br>ökar</p>')).toEqual([{ kind: 'paragraph', runs: [{ text: 'Utmaningar', underline: true }, { text: ' Volymerna' }, { text: '\n' }, { text: 'ökar' }] }]);
  });
});
