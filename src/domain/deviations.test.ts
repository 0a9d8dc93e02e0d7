import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { recordAnalysis } from './actuals.ts';
import { analysesFor, findDeviations } from './deviations.ts';
import { PlanFile } from './plan.ts';

const load = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${name}.json`, import.meta.url), 'utf8')));
// The 2018 plan: 2017's months against Plan 2017, and "Prognos 2017 aug" against Budget 2017.
const ifo = load('timra-ifo-2018-2020');
const sn = load('timra-sn-2020-2022');

describe('deviations of the 2018 plan in August 2017', () => {
  const list = findDeviations(ifo, { period: '2017-08' });
  const row = (subject: string, line?: string) => list.deviations.find((d) => d.subject === subject && d.line === line)!;

  it('lists volumes and budget lines beyond tolerance, red before yellow, larger before smaller', () => {
    expect(list.tolerances).toEqual({ volumePercent: 5, budgetPercent: 2 });
    expect(list.deviations.map((d) => [d.severity, d.kind, d.subject, d.line ?? null, d.percent])).toEqual([
      ['red', 'volume', 'ensamkommande-barn-egen-regi', null, '75'],
      ['red', 'volume', 'hvb-barn-unga-manadsslut', null, '37,5'],
      ['red', 'volume', 'individstod-brukare', null, '27,7'],
      ['red', 'volume', 'ensamkommande-barn-extern-regi', null, '21,5'],
      ['red', 'volume', 'familjehemsplacerade-barn-unga', null, '21,2'],
      ['red', 'volume', 'hvb-missbruk-klienter', null, '21,1'],
      ['red', 'budget', 'rr-ekb', 'costs', '18,1'],
      ['red', 'budget', 'rr-forsorjningsstod-utbetaln', 'net', '13,9'],
      ['red', 'budget', 'rr-forsorjningsstod-utbetaln', 'costs', '11,7'],
      ['red', 'budget', 'rr-ekb', 'income', '10,6'],
      ['red', 'budget', 'rr-ifo-vuxna', 'net', '7,8'],
      ['red', 'budget', 'rr-ekb', 'net', '7,4'],
      ['red', 'budget', 'rr-ifo-vuxna', 'costs', '6'],
      ['red', 'budget', 'rr-ifo', 'net', '4,3'],
      ['yellow', 'volume', 'uppvaxtplacering', null, '10'],
      ['yellow', 'budget', 'rr-ifo', 'costs', '3,2'],
      ['yellow', 'budget', 'rr-ifo-barn-o-familj', 'income', '2,3'],
      ['yellow', 'budget', 'rr-forsorjningsstod-utbetaln', 'income', '2,2'],
    ]);
  });

  it('explains each: a stock by its latest month, placements against the plan for the months so far, money against the budget', () => {
    expect(row('individstod-brukare').explanation).toBe('Utfall aug 2017 47 mot Plan 2017 65: 18 under (27,7 %)');
    expect(row('hvb-missbruk-klienter').explanation).toBe('Hittills jan–aug 2017 2,63 mot 3,33 för perioden (Plan 2017 5 för helåret): 0,7 under (21,1 %)');
    expect(row('rr-ekb', 'costs')).toMatchObject({
      planned: '-66 823',
      actual: '-54 758',
      difference: '12 065',
      favourable: true,
      responsible: 'EKB, Ensamkommande barn',
      explanation: 'Prognos 2017 aug -54 758 tkr mot Budget 2017 -66 823 tkr: 12 065 tkr bättre än budget (18,1 %)',
    });
    expect(row('rr-ekb', 'income').explanation).toBe(
      'Prognos 2017 aug 59 667 tkr mot Budget 2017 66 770 tkr: 7 103 tkr sämre än budget (10,6 % av budgeterade kostnader)',
    );
    expect(row('rr-ekb', 'income').favourable).toBe(false);
  });

  it('measures the whole year by December when the period is the year', () => {
    const year = findDeviations(ifo, { period: '2017' });
    expect(year.deviations.find((d) => d.subject === 'individstod-brukare')!.explanation).toBe('Utfall 2017 (värdet i december) 45 mot Plan 2017 65: 20 under (30,8 %)');
    expect(year.deviations.some((d) => d.subject === 'hvb-missbruk-klienter')).toBe(false); // 4,97 against 5
  });

  it('takes other tolerances when asked', () => {
    const wide = findDeviations(ifo, { period: '2017-08', volumeTolerancePercent: 30, budgetTolerancePercent: 10 });
    expect(wide.deviations.map((d) => [d.severity, d.subject, d.line ?? null])).toEqual([
      ['red', 'ensamkommande-barn-egen-regi', null],
      ['yellow', 'hvb-barn-unga-manadsslut', null],
      ['yellow', 'rr-ekb', 'costs'],
      ['yellow', 'rr-forsorjningsstod-utbetaln', 'net'],
      ['yellow', 'rr-forsorjningsstod-utbetaln', 'costs'],
      ['yellow', 'rr-ekb', 'income'],
    ]);
  });
});

describe('analyses per period', () => {
  // The unit manager wrote in June and in August; the August text is the period's, June's an earlier one.
  let plan = recordAnalysis(ifo, { subject: 'individstod-brukare', period: '2017-06', text: '<p>Färre nya ärenden under våren.</p>', author: 'Enhetschef' });
  plan = recordAnalysis(plan, { subject: 'individstod-brukare', period: '2017-08', text: '<p>Två ärenden avslutade i juli.</p>' });
  plan = recordAnalysis(plan, { subject: 'individstod-brukare', period: '2017', text: '<p>Helårsanalys.</p>' });

  it('attaches the period’s analysis and the earlier ones, latest first', () => {
    const deviation = findDeviations(plan, { period: '2017-08' }).deviations.find((d) => d.subject === 'individstod-brukare')!;
    expect(deviation.analysis.current).toEqual({ key: 'analys-individstod-brukare-2017-08', subject: 'individstod-brukare', period: '2017-08', text: '<p>Två ärenden avslutade i juli.</p>' });
    expect(deviation.analysis.earlier.map((a) => a.period)).toEqual(['2017-06']);
    expect(analysesFor(plan, 'individstod-brukare', '2018').earlier.map((a) => a.period)).toEqual(['2017', '2017-08', '2017-06']);
  });

  it('offers the key a missing analysis is written under, and replaces a period’s text rather than adding one', () => {
    expect(findDeviations(plan, { period: '2017-08' }).deviations[0]!.analysis).toEqual({ key: 'analys-ensamkommande-barn-egen-regi-2017-08', current: null, earlier: [] });
    const again = recordAnalysis(plan, { subject: 'individstod-brukare', period: '2017-08', text: '<p>Rättad text.</p>' });
    expect(again.analyses.filter((a) => a.period === '2017-08')).toHaveLength(1);
    expect(again.analyses.find((a) => a.period === '2017-08')!.text).toBe('<p>Rättad text.</p>');
  });
});

describe('deviations of indicators and printed outcomes', () => {
  it('lists red and yellow indicators with their status explanation and owner', () => {
    const plan = PlanFile.parse({
      ...sn,
      indicators: sn.indicators.map((i) =>
        i.key === 'st-1.2.2'
          ? { ...i, owner: 'Verksamhetschef SVO', direction: 'higher-better', actuals: [{ period: '2020', text: '70' }] }
          : i.key === 'st-1.2.1'
            ? { ...i, direction: 'higher-better', actuals: [{ period: '2020', text: '84' }] }
            : i,
      ),
    });
    expect(findDeviations(plan, { period: '2020' }).deviations).toEqual([
      {
        kind: 'indicator',
        subject: 'st-1.2.2',
        label: '1.2.2 Nöjd med vård- och omsorgsboende',
        period: '2020',
        severity: 'red',
        planned: '80%',
        actual: '70',
        difference: null,
        percent: '12,5',
        favourable: null,
        explanation: 'Utfall 70 % mot målvärde 80 %: inte uppfyllt, 10 procentenheter under',
        responsible: 'Verksamhetschef SVO',
        analysis: { key: 'analys-st-1.2.2-2020', current: null, earlier: [] },
      },
    ]);
  });

  it('measures a year by its printed outcome when there is one (Utfall 2018 against a budget for 2018)', () => {
    // The builder's SN volumes (Utfall 2018) get a Budget 2018 column; its indicator 1.2.1 has 84 against 90 % for 2018.
    const volumes = aPlan().volumeTables![0]!;
    const budget2018 = { key: 'budget-2018', label: 'Budget 2018', kind: 'budget', period: '2018' } as const;
    const rows = volumes.rows.map((row) => ({ ...row, cells: { ...row.cells, 'budget-2018': '190' } }));
    const plan = PlanFile.parse(aPlan({ volumeTables: [{ ...volumes, columns: [...volumes.columns, budget2018], rows }] }));
    const deviations = findDeviations(plan, { period: '2018' }).deviations;
    expect(deviations.map((d) => [d.severity, d.subject, d.explanation])).toEqual([
      ['red', 'v-mfb', 'Utfall 2018 50 mot Budget 2018 190: 140 under (73,7 %)'],
      ['red', 'st-1.2.1', 'Utfall 84 % mot målvärde 90 %: inte uppfyllt, 6 procentenheter under'],
      ['yellow', 'v-vobo', 'Utfall 2018 200 mot Budget 2018 190: 10 över (5,3 %)'],
    ]);
  });
});
