import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { diffPlans, samePrintedValue } from './plan-diff.ts';
import { PlanFile } from './plan.ts';

const load = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${name}.json`, import.meta.url), 'utf8')));
const ifo = load('timra-ifo-2018-2020');
const sn = load('timra-sn-2020-2022');

describe('from the 2018 IFO plan to the 2020 SN plan', () => {
  const diff = diffPlans(ifo, sn);

  it('shows goal 1:2 in both wordings, and the typo of 5:3 corrected', () => {
    expect(diff.from).toEqual({ key: 'timra-ifo-2018-2020', title: 'Verksamhetsplan för Individ- och familjeomsorgen i Timrå kommun 2018-2020', period: '2018–2020' });
    expect(diff.goals.changed).toEqual([
      {
        key: 'kf-1:2',
        number: '1:2',
        level: 'municipal',
        text: 'Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem',
        fields: [
          {
            field: 'text',
            label: 'text',
            before: 'Våra brukare inom äldreomsorgen och andra behövande känner sig trygga med den omsorg vi ger dem',
            after: 'Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem',
          },
        ],
      },
      {
        key: 'kf-5:3',
        number: '5:3',
        level: 'municipal',
        text: 'Finansierad pensionsskuld',
        fields: [{ field: 'text', label: 'text', before: 'Finansierad pensionskund', after: 'Finansierad pensionsskuld' }],
      },
    ]);
    expect(diff.goals.unchanged).toBe(15);
    expect(diff.goals.added).toEqual([]);
    expect(diff.goals.removed).toHaveLength(19);
    expect(diff.goals.removed[0]).toEqual({ key: 'ifo-1:2-1', number: null, level: 'service-area', text: 'Minska antalet överklagade beslut.' });
  });

  it('adds the 19 indicators with their targets', () => {
    expect([diff.indicators.added.length, diff.indicators.removed.length, diff.indicators.changed.length]).toEqual([19, 0, 0]);
    expect(diff.indicators.added.find((i) => i.key === 'st-5:2.1')).toEqual({
      key: 'st-5:2.1',
      number: '5:2.1',
      name: 'Soliditet/Norrland',
      targets: [
        { year: 2018, text: '40%' },
        { year: 2020, text: 'Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter' },
      ],
    });
  });

  it('matches volumes by measure, so relabelled rows are changes, not new rows', () => {
    expect(diff.volumes.changed.map((v) => [v.measure, v.fields.map((f) => [f.label, f.before, f.after])])).toEqual([
      ['individstod-brukare', [['radtext', 'Antal brukare individstöd (sista dagen i månaden)', 'Antal brukare individstöd']]],
      ['uppvaxtplacering', [['radtext', '- varav uppväxtplacering', 'Varav uppväxtplacering']]],
      ['hvb-missbruk-klienter', [['radtext', 'Antal Klienter HVB missbruksvård (årsplaceringar)', 'Antal klienter HVB missbruksvård(årsplaceringar)']]],
      ['skyddat-boende-vinr', [['radtext', 'Antal Klienter Skyddat boende Vård i nära relationer', 'Antal klienter i skyddat boende (VINR)']]],
    ]);
    expect(diff.volumes.removed.map((v) => v.measure)).toEqual(['daglig-sysselsattning-sol', 'vardnadsoverflyttade', 'hvb-barn-unga-manadsslut']);
    expect([diff.volumes.added.length, diff.volumes.unchanged]).toEqual([30, 5]);
  });

  it('matches budget rows by organisation node and line', () => {
    expect(diff.budgets.added.map((b) => `${b.node} ${b.tableKind} ${b.line}`)).toEqual(['sn operating income', 'sn operating costs', 'sn operating net', 'sn external-income income']);
    expect(diff.budgets.removed).toHaveLength(18);
    expect(diff.budgets.removed.at(-1)).toEqual({ node: 'ekb', nodeName: 'EKB, Ensamkommande barn', tableKind: 'operating', line: 'net', label: 'EKB nettokostnader' });
  });

  it('finds nothing between a plan and itself', () => {
    const same = diffPlans(sn, sn);
    expect([same.goals, same.indicators, same.volumes, same.budgets].map((c) => [c.added.length, c.removed.length, c.changed.length])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe('changes within a plan kept over the years', () => {
  // The next year's version of the builder plan: a target raised, an indicator dropped, a budget revised.
  const before = PlanFile.parse(
    aPlan({
      indicators: [
        { key: 'st-1.2.1', number: '1.2.1', name: 'Nöjd med hemtjänst', goal: 'kf-1:2', unit: '%', targets: [{ year: 2018, text: '90%' }, { year: 2020, text: '80%' }] },
        { key: 'st-1.2.2', number: '1.2.2', name: 'Nöjd med vård- och omsorgsboende', goal: 'kf-1:2', targets: [{ year: 2020, text: '80%' }] },
      ],
    }),
  );
  const base = aPlan();
  const after = PlanFile.parse(
    aPlan({
      indicators: [{ key: 'st-1.2.1', number: '1.2.1', name: 'Nöjd med hemtjänsten', goal: 'kf-1:2', unit: '%', targets: [{ year: 2020, text: '85%' }, { year: 2021, text: '85%' }] }],
      volumeTables: [{ ...base.volumeTables![0]!, rows: base.volumeTables![0]!.rows.map((row) => (row.key === 'v-vobo' ? { ...row, cells: { ...row.cells, 'budget-2019': '194' } } : row)) }],
      budgetTables: [{ ...base.budgetTables![0]!, rows: base.budgetTables![0]!.rows.map((row) => (row.line === 'costs' ? { ...row, cells: { 'budget-2020': '-530 000' } } : row)) }],
    }),
  );
  const diff = diffPlans(before, after);

  it('shows a renamed indicator, its targets year by year, and the one dropped', () => {
    expect(diff.indicators.changed).toEqual([
      {
        key: 'st-1.2.1',
        number: '1.2.1',
        name: 'Nöjd med hemtjänsten',
        targets: [{ year: 2020, text: '85%' }, { year: 2021, text: '85%' }],
        fields: [{ field: 'name', label: 'namn', before: 'Nöjd med hemtjänst', after: 'Nöjd med hemtjänsten' }],
        targetChanges: [
          { year: 2018, before: '90%', after: null },
          { year: 2020, before: '80%', after: '85%' },
          { year: 2021, before: null, after: '85%' },
        ],
      },
    ]);
    expect(diff.indicators.removed.map((i) => i.key)).toEqual(['st-1.2.2']);
  });

  it('compares volume and budget cells of the same period and kind', () => {
    expect(diff.volumes.changed).toEqual([
      {
        measure: 'vobo-over-65',
        label: 'Antal brukare vård och omsorgsboenden över 65',
        kind: 'yearly-count',
        fields: [],
        values: [{ period: '2019', kind: 'budget', asOf: null, before: '194(-9)', after: '194', beforeLabel: 'Budget 2019', afterLabel: 'Budget 2019' }],
      },
    ]);
    expect(diff.budgets.changed.map((b) => [b.node, b.line, b.values.map((v) => [v.beforeLabel, v.before, v.after])])).toEqual([
      ['sn', 'costs', [['Budget 2020', '-528 025', '-530 000']]],
    ]);
  });
});

describe('differences of print form only', () => {
  // The same budget and targets keyed in again by another hand: thousands separator, minus sign, decimals, "%".
  const base = aPlan();
  const retyped = PlanFile.parse(
    aPlan({
      indicators: [{ ...base.indicators![0]!, targets: [{ year: 2018, text: '90 %' }, { year: 2020, text: '80%' }] }],
      budgetTables: [{ ...base.budgetTables![0]!, rows: base.budgetTables![0]!.rows.map((row) => (row.line === 'costs' ? { ...row, cells: { ...row.cells, 'budget-2020': '−528025' } } : row)) }],
    }),
  );

  it('are no change: "-528 025" and "−528025", "90%" and "90 %"', () => {
    const diff = diffPlans(PlanFile.parse(base), retyped);
    expect(diff.budgets.changed).toEqual([]);
    expect(diff.indicators.changed).toEqual([]);
  });

  it.each([
    ['-2 045,7', '-2045,7', true],
    ['5,3', '5,30', true],
    ['77 %', '77%', true],
    ['-', '', true],
    [null, '–', true],
    ['1 000', '1000', true],
    ['194(-9)', '194( -9)', true],
    ['90 + 45', '90+45', true],
    ['-2 045,7', '-2 045,8', false],
    ['77', '77 %', false],
    ['194(-9)', '194', false],
    ['90 + 45', '135', false],
    ['Egen tid', 'egen tid', false],
    ['0', '', false],
  ] as const)('%j and %j are the same value: %s', (x, y, same) => {
    expect(samePrintedValue(x, y)).toBe(same);
  });
});
