/**
 * Follow-up on a general economic table: each unit's outcome against its budget for the year,
 * with the deviation signed so that positive is better whichever way the table prints costs, the
 * table's own printed deviation beside it, and a forecast made at a month for a unit whose
 * months are entered. Real rows of Västervik 2021 (costs negative) and Tyresö 2018 (positive).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDeviations } from '../deviations.ts';
import { deviationFromBudget, deviationPercent, forecastPlan } from '../forecast-plan.ts';
import { PlanFile } from '../plan.ts';
import { setCell } from './table.ts';

const fixture = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../../tests/fixtures/economy/${name}.json`, import.meta.url), 'utf8')));
const vastervik = fixture('vastervik-2021-driftsredovisning');
const tyreso = fixture('tyreso-2018-kommunstyrelsen');

describe('outcome against budget per unit', () => {
  it('Västervik: Äldreomsorg nets -431,2 against -445,1, 13,9 mnkr (3,1 %) better, as the table prints', () => {
    const line = forecastPlan(vastervik, { asOf: '2021-12' }).budgets.find((b) => b.rowKey === 'aldreomsorg' && b.line === 'net')!;
    expect(line).toMatchObject({ label: 'Äldreomsorg', unit: 'mnkr', decimals: 1, budget: { text: '-445,1', columnLabel: 'Budget 2021' }, outcome: { text: '-431,2', columnLabel: 'Nettokostnad 2021' }, printedDeviation: { text: '13,9' } });
    const deviation = deviationFromBudget(line, line.outcome!.value!, line.budget!.value!);
    expect(deviation.toString()).toBe('13.9');
    expect(deviationPercent(deviation, line.budget!.value!)?.toString()).toBe('3.1');
  });

  it('Västervik: the income and costs lines of a unit are there, without a budget', () => {
    const lines = forecastPlan(vastervik, { asOf: '2021-12' }).budgets.filter((b) => b.rowKey === 'kultur');
    expect(lines.map((b) => [b.line, b.label, b.budget?.text ?? null, b.outcome?.text ?? null])).toEqual([
      ['income', 'Kultur, intäkter', null, '6,6'],
      ['costs', 'Kultur, kostnader', null, '-60,1'],
      ['net', 'Kultur', '-55,1', '-53,5'],
    ]);
  });

  it('Tyresö (costs positive): Plan och exploatering costs 35,7 against a kommunbidrag of 27,5: 8,2 mnkr worse', () => {
    const line = forecastPlan(tyreso, { asOf: '2018-12' }).budgets.find((b) => b.rowKey === 'plan-och-exploatering' && b.line === 'net')!;
    expect(line.betterAbove).toBe(false);
    expect(deviationFromBudget(line, line.outcome!.value!, line.budget!.value!).toString()).toBe('-8.2');
  });

  it('lists the units off budget for the year, worst first, in the table\'s precision', () => {
    const list = findDeviations(tyreso, { period: '2018' });
    const budget = list.deviations.filter((d) => d.kind === 'budget');
    // Sized against each unit's budget (no costs budget is printed): 8,2 of 27,5 is 29,8 %.
    expect(budget.map((d) => [d.label, d.severity, d.difference, d.favourable, d.percent])).toEqual([
      ['Plan och exploatering', 'red', '-8,2', false, '29,8'],
      ['Miljö och trafik', 'red', '1,4', true, '20,3'],
      ['Gemensam verksamhet', 'red', '-9,4', false, '7,3'],
      ['Politisk verksamhet', 'red', '-1,5', false, '6,6'],
      ['Väghållning park', 'red', '3,6', true, '4,7'],
      ['Totalt', 'red', '-13,9', false, '4,5'],
    ]);
    expect(budget[0]!.explanation).toBe('Nettokostnad 35,7 mnkr mot Kommunbidrag 27,5 mnkr: 8,2 mnkr sämre än budget (29,8 %)');
  });
});

describe('a forecast at a month', () => {
  it('forecasts a unit from its monthly net outcome and keeps forecasts entered up to that month', () => {
    const table = vastervik.budgetTables[0]!;
    let filled = table;
    for (const [month, text] of [['2021-01', '-35,0'], ['2021-02', '-36,0'], ['2021-03', '-37,0']] as const) {
      filled = setCell(filled, { row: { key: 'aldreomsorg' }, measure: 'net', period: month }, text)!;
    }
    filled = setCell(filled, { row: { key: 'aldreomsorg' }, measure: 'forecast', period: '2021', asOf: '2021-03' }, '-440,0')!;
    filled = setCell(filled, { row: { key: 'aldreomsorg' }, measure: 'forecast', period: '2021', asOf: '2021-08' }, '-435,0')!;
    const plan = { ...vastervik, budgetTables: [filled] };
    const line = forecastPlan(plan, { asOf: '2021-03' }).budgets.find((b) => b.rowKey === 'aldreomsorg' && b.line === 'net')!;
    expect(line.entered.map((cell) => [cell.columnLabel, cell.text])).toEqual([['Prognos 2021 mar', '-440,0']]); // the August forecast is not made yet
    expect(line.computed?.soFar.value?.toString()).toBe('-108');
    expect(line.computed?.methods.find((m) => m.method === 'run-rate')?.value?.toString()).toBe('-432');
    expect(filled.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['Nettokostnad jan 2021', 'Nettokostnad mar 2021', 'Prognos 2021 mar', 'Prognos 2021 aug']));
  });
});
