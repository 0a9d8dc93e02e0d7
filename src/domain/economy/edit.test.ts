/**
 * Shaping an economic table in the editor: rows and columns added, removed and moved, a row's kind
 * and unit set, and a whole statement pasted from a spreadsheet read back into the table the
 * municipality printed — on the four statements of tests/fixtures/economy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile, type BudgetTable } from '../plan.ts';
import { reconcilePlan } from '../reconcile.ts';
import { addColumn, addRow, moveColumn, moveRow, newKey, removeColumn, removeRow, setColumn, setRowKind, setRowNode } from './edit.ts';
import { tableFromPaste } from './paste.ts';
import { economicTableProblems } from './structure.ts';

const names = ['vastervik-2021-driftsredovisning', 'gnesta-2013-driftredovisning', 'tyreso-2018-kommunstyrelsen', 'sjobo-2025-driftbudget'] as const;
const read = (name: string, ext: string) => readFileSync(new URL(`../../../tests/fixtures/economy/${name}.${ext}`, import.meta.url), 'utf8');
const planOf = (name: string) => PlanFile.parse(JSON.parse(read(name, 'json')));
const tableOf = (name: string) => planOf(name).budgetTables[0]!;
const problems = (name: string, table: BudgetTable) => {
  const plan = planOf(name);
  return economicTableProblems(table, '$', { nodes: new Set(plan.organisation.map((node) => node.key)), tables: [table] });
};
const keys = (table: BudgetTable) => table.rows.map((row) => row.key);

describe('editing the rows of a statement', () => {
  const tyreso = tableOf('tyreso-2018-kommunstyrelsen');

  it('adds a line after a row, with a key of its own, and the total does not count it until told', () => {
    const added = addRow(tyreso, { label: 'Näringsliv', after: 'naringsliv' });
    expect(keys(added).slice(5, 8)).toEqual(['naringsliv', 'naringsliv-2', 'gemensam-verksamhet']);
    expect(added.rows.at(-1)!.parts).not.toContain('naringsliv-2');
    expect(problems('tyreso-2018-kommunstyrelsen', added)).toEqual([]);
  });

  it('removes a row from the total that counted it, so nothing refers to it', () => {
    const removed = removeRow(tyreso, 'renhallning');
    expect(removed.rows.at(-1)!.parts).not.toContain('renhallning');
    expect(problems('tyreso-2018-kommunstyrelsen', removed)).toEqual([]);
    // The total now misses Renhållning's 40,1 of income: the check says so.
    const gap = reconcilePlan({ ...planOf('tyreso-2018-kommunstyrelsen'), budgetTables: [removed] }).findings.find((f) => f.kind === 'sum' && f.columnKey === 'intakter-2018')!;
    expect(gap).toMatchObject({ severity: 'gap' });
    expect(gap.difference?.toString()).toBe('40.1');
  });

  it('moves rows and columns one place, and not past the edge', () => {
    expect(keys(moveRow(tyreso, 'vaghallning-park', -1)).slice(0, 2)).toEqual(['vaghallning-park', 'plan-och-exploatering']);
    expect(moveRow(tyreso, 'plan-och-exploatering', -1)).toEqual(tyreso);
    expect(moveColumn(tyreso, 'avvikelse-2017', -1).columns.map((c) => c.key).slice(-2)).toEqual(['avvikelse-2017', 'avvikelse-2018']);
  });

  it('sets a row\'s unit and kind: a committee row sums the activities under it, a "Summa" the block above it', () => {
    const vastervik = tableOf('vastervik-2021-driftsredovisning');
    const asLine = setRowKind(vastervik, 'barn-och-utbildningsnamnd', 'line');
    expect(asLine.rows.find((row) => row.key === 'barn-och-utbildningsnamnd')!.parts).toBeUndefined();
    const again = setRowKind(asLine, 'barn-och-utbildningsnamnd', 'subtotal');
    expect(again.rows.find((row) => row.key === 'barn-och-utbildningsnamnd')!.parts).toEqual(['gemensam-verksamhet', 'forskola-och-familjedaghem', 'obligatorisk-skola-och-fritidshem', 'gymnasieskola-gymnasiesarskola', 'komvux-och-sfi']);
    const sjobo = tableOf('sjobo-2025-driftbudget');
    const summa = setRowKind(setRowKind(sjobo, 'fn-summa', 'line'), 'fn-summa', 'subtotal');
    expect(summa.rows.find((row) => row.key === 'fn-summa')!.parts).toEqual(sjobo.rows.find((row) => row.key === 'fn-summa')!.parts);
    expect(setRowNode(vastervik, 'kultur', 'ks').rows.find((row) => row.key === 'kultur')!.node).toBe('ks');
    expect(setRowNode(vastervik, 'socialnamnd', undefined).rows.find((row) => row.key === 'socialnamnd')!.node).toBeUndefined();
  });

  it('a row turned into a "varav" part belongs to the row above it', () => {
    const table = setRowKind(tableOf('vastervik-2021-driftsredovisning'), 'individ-och-familjeomsorg', 'part');
    expect(table.rows.find((row) => row.key === 'individ-och-familjeomsorg')).toMatchObject({ kind: 'part', partOf: 'aldreomsorg' });
  });
});

describe('editing the columns of a statement', () => {
  const vastervik = tableOf('vastervik-2021-driftsredovisning');

  it('adds a column by its heading and measure, and removes one with its cells and the relations naming it', () => {
    const added = addColumn(vastervik, { label: 'Prognos 2021 aug', measure: 'forecast', period: '2021', asOf: '2021-08' });
    expect(added.columns.at(-1)).toEqual({ key: 'prognos-2021-aug', label: 'Prognos 2021 aug', measure: 'forecast', period: '2021', asOf: '2021-08' });
    const removed = removeColumn(vastervik, 'budget-2021');
    expect(removed.rows.every((row) => !('budget-2021' in row.cells))).toBe(true);
    expect(removed.relations.map((relation) => relation.kind)).toEqual(['net']);
    expect(problems('vastervik-2021-driftsredovisning', removed)).toEqual([]);
  });

  it('changes a heading, measure and period; an emptied period is no period', () => {
    const changed = setColumn(vastervik, 'budget-2021', { label: 'Kommunbidrag', measure: 'budget', period: '' });
    expect(changed.columns.find((column) => column.key === 'budget-2021')).toEqual({ key: 'budget-2021', label: 'Kommunbidrag', measure: 'budget' });
  });

  it('makes keys from labels, unique in the table', () => {
    expect(newKey('Överförmyndare', [])).toBe('overformyndare');
    expect(newKey('Summa', [{ key: 'summa' }, { key: 'summa-2' }])).toBe('summa-3');
  });
});

describe('a whole statement pasted from Excel', () => {
  /** The statement as a spreadsheet copies it: the printed rows, tab between cells. */
  const pasted = (name: string) =>
    read(name, 'tsv')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
  const shape = (table: BudgetTable) => ({
    labelHeading: table.labelHeading,
    unit: table.unit,
    decimals: table.decimals,
    costSign: table.costSign,
    columns: table.columns.map((column) => [column.label, column.measure, column.period ?? null, column.unit ?? null]),
    rows: table.rows.map((row) => [row.label, row.kind, (row.parts ?? []).map((part) => table.rows.find((r) => r.key === part)!.label), Object.values(row.cells)]),
    relations: table.relations.map((relation) => (relation.kind === 'unit-total' ? relation.kind : [relation.kind, relation.axis, relation.kind === 'deviation' ? relation.order : null])),
  });

  it.each(names)('%s reads back as the statement was transcribed', (name) => {
    // The year of columns whose heading names none is the plan's (Tyresö's "Nettokostnad" is 2018's).
    const table = tableFromPaste(pasted(name), { key: 'klistrad', caption: 'Klistrad', year: String(planOf(name).plan.periodStart) })!;
    expect(shape(table)).toEqual(shape(tableOf(name)));
    expect(problems(name, table)).toEqual([]);
  });

  it('finds the same discrepancies in the pasted Västervik statement as in the transcription', () => {
    const table = tableFromPaste(pasted('vastervik-2021-driftsredovisning'), { key: 'klistrad', caption: 'Klistrad' })!;
    const report = reconcilePlan({ ...planOf('vastervik-2021-driftsredovisning'), budgetTables: [table] });
    expect(report.counts).toEqual({ confirmed: 43, rounding: 21, gap: 2, info: 1 });
  });

  it('reads nothing from a text without a heading row and a row', () => {
    expect(tableFromPaste('mnkr\tBudget 2021', { key: 'x', caption: 'x' })).toBeNull();
  });
});
