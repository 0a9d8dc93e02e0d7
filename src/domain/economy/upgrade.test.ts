/**
 * Version 1 plan files are read as version 2: Timrå's IFO plan as it was written before issue 13
 * (tests/fixtures/economy/timra-ifo-2018-2020.v1.json) reads exactly as the version 2 demo file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../plan.ts';
import { validatePlanFile } from '../validate-plan.ts';
import { isVersion1BudgetTable, upgradeBudgetTable, upgradePlanFile } from './upgrade.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const v1 = read('../../../tests/fixtures/economy/timra-ifo-2018-2020.v1.json');
const v2 = read('../../../demo/timra-ifo-2018-2020.json');

describe('reading a version 1 plan file', () => {
  it('gives the same plan as the version 2 file', () => {
    expect(PlanFile.parse(v1)).toEqual(PlanFile.parse(v2));
  });

  it('turns each line into a row keyed by its line, each column kind into a measure, and states the net relation', () => {
    const table = upgradeBudgetTable(v1.budgetTables[1]) as { rows: Array<{ key: string; line: string; kind: string }>; columns: Array<{ measure: string; asOf?: string }>; relations: unknown[] };
    expect(table.rows.map((row) => [row.key, row.kind, row.line])).toEqual([['income', 'line', 'income'], ['costs', 'line', 'costs'], ['net', 'line', 'net']]);
    expect(table.columns.map((column) => column.measure)).toEqual(['actual', 'budget', 'forecast', 'budget', 'plan', 'plan']);
    expect(table.columns[2]!.asOf).toBe('2017-08');
    expect(table.relations).toEqual([{ kind: 'net', axis: 'rows', target: 'net', income: 'income', costs: 'costs' }]);
  });

  it('states no net relation for a table without all three lines (external income)', () => {
    const external = { key: 'x', kind: 'external-income', caption: 'Externa Intäkter', node: 'sn', columns: [{ key: 'b', label: 'Budget 2018', kind: 'budget', period: '2018' }], rows: [{ line: 'income', label: 'Verksamhetens intäkter', cells: { b: '124 689' } }] };
    expect(upgradeBudgetTable(external)).toMatchObject({ relations: [], rows: [{ key: 'income', kind: 'line', line: 'income' }] });
  });

  it('leaves a version 2 table, a version 2 file and anything unrecognised as it is', () => {
    expect(isVersion1BudgetTable(v2.budgetTables[0])).toBe(false);
    expect(upgradeBudgetTable(v2.budgetTables[0])).toBe(v2.budgetTables[0]);
    expect(upgradePlanFile(v2)).toBe(v2);
    expect(upgradePlanFile('text')).toBe('text');
  });

  it('refuses a version it does not know, with the path', () => {
    const result = validatePlanFile({ ...v2, formatVersion: 3 });
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['$.formatVersion']);
  });
});
