/**
 * A round's report as a view model: the follow-up report of the period with the units'
 * contributions and who wrote them — analyses under the deviation they explain, goal assessments,
 * activity comments, free sections per unit — the decision on the title page once adopted, a
 * draft's mark before, and the printed outcome table (years of outcomes beside the target) where
 * the template asks for it.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/domain/plan.ts';
import type { RoundReportContent } from '../../src/domain/rounds/report-content.ts';
import { defaultTemplate } from '../../src/domain/rounds/template.ts';
import { buildRoundReport } from '../../src/documents/round-report.ts';
import type { DocumentView, TableBlock } from '../../src/documents/view-model.ts';
import { readDemoPlan } from '../../src/services/demo.ts';
import { aPlan } from '../helpers/plan-builder.ts';

const ifo = PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json'));
const written = (key: string, text: string, extra: Partial<RoundReportContent['assignments'][number]['contributions'][number]> = {}) => {
  const [kind, ...subject] = key.split(':');
  return { key, kind: kind as 'analysis', subject: subject.join(':'), label: subject.join(':'), text, assessment: null, writtenBy: 'Vera Vuxen', writtenAt: '2017-09-10T08:00:00.000Z', ...extra };
};

function content(overrides: Partial<RoundReportContent['round']> = {}): RoundReportContent {
  return {
    format: 'styrkort-round',
    formatVersion: 1,
    round: { planKey: ifo.plan.key, period: '2017-08', deadline: '2017-09-15', status: 'open', template: defaultTemplate('2017-08'), owner: 'ledning', decision: null, ...overrides },
    plan: ifo,
    assignments: [
      {
        node: 'ifo-vuxna',
        nodeName: 'IFO, Vuxna',
        responsible: 'vuxna',
        doneAt: null,
        contributions: [
          written('analysis:rr-ifo-vuxna', 'Fler placeringar på HVB.\n\nÅtgärd: <hemmaplan> & uppföljning.'),
          written('section:viktiga-handelser', 'Ny enhetschef från 1 maj.'),
        ],
      },
      {
        node: 'ifo',
        nodeName: 'Individ- och familjeomsorgen',
        responsible: 'redaktor',
        doneAt: null,
        contributions: [
          written('goal:ifo-1:2-1', 'Brukarundersökningen visar 84 %.', { kind: 'goal', label: 'Nöjda brukare', assessment: 'yellow', writtenBy: 'Rut Redaktör' }),
          written('activity:ifo-akt-1', '', { kind: 'activity', label: 'Aktivitet 1', assessment: 'ongoing', writtenBy: 'Rut Redaktör' }),
        ],
      },
    ],
  };
}

const headings = (view: DocumentView) => view.blocks.flatMap((block) => (block.kind === 'heading' ? [`${block.level} ${block.text}`] : []));
const texts = (view: DocumentView) => JSON.stringify(view.blocks);
const table = (view: DocumentView, id: string) => view.blocks.find((block): block is TableBlock => block.kind === 'table' && block.id === id)!;

describe('the report of a round', () => {
  it('puts each analysis under what it analyses, with who wrote it, the text escaped and in paragraphs', () => {
    const view = buildRoundReport(content());
    expect(view.titlePage.title).toBe('Delårsrapport januari–augusti 2017');
    const index = view.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'IFO, Vuxna' && block.id.startsWith('analys-'));
    expect(index).toBeGreaterThan(0);
    expect(view.blocks[index + 1]).toEqual({ kind: 'text', content: [{ kind: 'paragraph', runs: [{ text: 'Fler placeringar på HVB.' }] }, { kind: 'paragraph', runs: [{ text: 'Åtgärd: <hemmaplan> & uppföljning.' }] }] });
    expect(texts(view)).toContain('Analys: Vera Vuxen, IFO, Vuxna');
  });

  it('prints goal assessments and activity status as tables with the writer, and free sections per unit', () => {
    const view = buildRoundReport(content());
    expect(headings(view)).toEqual(expect.arrayContaining(['1 Bedömning av mål', '1 Aktiviteternas status', '1 Viktiga händelser', '2 IFO, Vuxna']));
    expect(table(view, 'omgang-bedomning-mal').body[0]!.cells.map((cell) => cell.text)).toEqual(['Nöjda brukare', 'Gul – delvis uppfyllt', 'Brukarundersökningen visar 84 %.', 'Rut Redaktör, Individ- och familjeomsorgen']);
    expect(table(view, 'omgang-bedomning-mal').body[0]!.cells[1]!.status).toBe('yellow');
    expect(table(view, 'omgang-aktiviteter-status').body[0]!.cells.map((cell) => cell.text)).toEqual(['Aktivitet 1', 'Pågår', '', 'Rut Redaktör, Individ- och familjeomsorgen']);
    expect(texts(view)).toContain('Skrivet av Vera Vuxen');
    // "Framtid" was asked but nobody wrote it: no empty heading.
    expect(headings(view)).not.toContain('1 Framtid');
  });

  it('is marked a draft until adopted, then carries the decision on its title page', () => {
    const draft = buildRoundReport(content());
    expect(draft.titlePage.status).toBe('Utkast – inte fastställd');
    expect(draft.footer).toBe('Timrå kommun – utkast, inte fastställd');
    const adopted = buildRoundReport(content({ status: 'adopted', decision: { date: '2017-09-27', body: 'Socialnämnden', paragraph: 'SN § 112', caseNumber: 'SN 2017/88' } }));
    expect(adopted.titlePage).toMatchObject({ status: 'Fastställd', decision: 'Beslut: Socialnämnden 2017-09-27 SN § 112 dnr SN 2017/88' });
    expect(adopted.colophon).toContain('Bidrag från 2 enheter i uppföljningsomgången.');
  });

  it('prints the years of outcomes beside the target where the template asks for outcome tables', () => {
    const plan = PlanFile.parse(aPlan({ indicators: [{ key: 'st-1.2.1', number: '1.2.1', name: 'Nöjd med hemtjänst', goal: 'kf-1:2', unit: '%', targets: [{ year: 2020, text: '80%' }], actuals: [{ period: '2017', text: '81' }, { period: '2018', text: '84' }, { period: '2019', text: '79' }, { period: '2020-08', text: '77' }] }] }));
    const view = buildRoundReport({ ...content({ planKey: plan.plan.key, period: '2020', template: defaultTemplate('2020') }), plan, assignments: [] });
    const outcomes = table(view, 'omgang-utfall-over-aren');
    expect(outcomes.title).toBe('Styrtalens utfall 2017–2019 och målvärde 2020');
    expect(outcomes.header[0]!.map((cell) => cell.text)).toEqual(['Styrtal', 'Utfall 2017', 'Utfall 2018', 'Utfall 2019', 'Målvärde 2020']);
    expect(outcomes.body[0]!.cells.map((cell) => cell.text)).toEqual(['1.2.1 Nöjd med hemtjänst', '81', '84', '79', '80%']);
  });
});
