/**
 * The figure-table rules, on the demo plan timra-sn-2020-2022's own tables: its volume table (MÅTT
 * with "194(-9)"), its income statement (sn-driftbudget) and its investment budget
 * (sn-investeringar, with the printed total "Summa investeringar").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCellChanges, cellRowsOf, changedRows, diffCells, isColumnEditable, isFigureTableSegment, isFollowUpTableChange, TOTAL_ROW, type CellChange, type FigureTable } from './figure-table.ts';
import { isFollowUpChange } from './follow-up-changes.ts';
import { PlanFile, type Column } from './plan.ts';

const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));
const volumes = sn.volumeTables[0]!;
const budget = sn.budgetTables.find((table) => table.key === 'sn-driftbudget')!;
const investments = sn.capitalBudgets[0]!;
const actual2020: Column = { key: 'utfall-2020', label: 'Utfall 2020', kind: 'actual', period: '2020' };
const forecast2020: Column = { key: 'prognos-2020-08', label: 'Prognos 2020 aug', kind: 'forecast', period: '2020', asOf: '2020-08' };
/** The investment budget after adoption, with the columns its follow-up adds. */
const followedUp = { ...investments, columns: [...investments.columns, actual2020, forecast2020] };

describe('rows of a figure table', () => {
  it.each([
    ['volume table', volumes, ['v-vard-omsorgsboende-over-65', 'Antal brukare vård och omsorgsboenden över 65']],
    ['income statement', budget, ['income', 'Verksamhetens intäkter']],
    ['investment budget', investments, ['inv-1', 'Arbetsmiljöätgärder']],
  ] as Array<[string, FigureTable, [string, string]]>)('a %s names its first row by key and label', (_kind, table, [key, label]) => {
    const first = cellRowsOf(table)[0]!;
    expect([first.key, first.label]).toEqual([key, label]);
  });

  it('puts the printed total of an investment budget last, as _total', () => {
    const rows = cellRowsOf(investments);
    expect(rows.map((row) => row.key)).toEqual(['inv-1', 'inv-2', 'inv-3', 'inv-4', TOTAL_ROW]);
    expect(rows.at(-1)).toMatchObject({ label: 'Summa investeringar', cells: { total: '19 000' } });
  });

  it('knows which plan parts are figure tables', () => {
    expect(['volume-tables', 'budget-tables', 'capital-budgets', 'indicators', 'activities'].map(isFigureTableSegment)).toEqual([true, true, true, false, false]);
  });
});

describe('applying cell changes', () => {
  it('keeps a text as typed (trimmed), empties a cell for null or blank, leaves the given table alone', () => {
    const changes: CellChange[] = [
      { row: 'v-vard-omsorgsboende-over-65', column: 'budget-2021', text: ' 180(-6) ' },
      { row: 'v-vard-omsorgsboende-over-65', column: 'budget-2019', text: null },
      { row: 'v-vard-omsorgsboende-over-65', column: 'budget-2020', text: '  ' },
    ];
    const applied = applyCellChanges(volumes, changes);
    expect(applied.ok && applied.table.rows[0]!.cells).toEqual({ 'utfall-2018': '200', 'budget-2021': '180(-6)' });
    expect(volumes.rows[0]!.cells).toEqual({ 'utfall-2018': '200', 'budget-2019': '194(-9)', 'budget-2020': '186' });
  });

  it('names a budget row by its line and the investment total by _total', () => {
    const lines = applyCellChanges(budget, [{ row: 'net', column: 'plan-2021', text: '-458 368' }]);
    expect(lines.ok && lines.table.rows.find((row) => row.line === 'net')!.cells['plan-2021']).toBe('-458 368');
    const total = applyCellChanges(investments, [{ row: TOTAL_ROW, column: 'budget-2020', text: '5 250' }]);
    expect(total.ok && total.table.total!.cells['budget-2020']).toBe('5 250');
  });

  it('lists every change that names no row or column, and changes nothing', () => {
    const applied = applyCellChanges(budget, [
      { row: 'netto', column: 'budget-2020', text: '1' },
      { row: 'net', column: 'budget-2019', text: '1' },
    ]);
    expect(applied).toEqual({
      ok: false,
      problems: [
        { path: '$.cells[0].row', message: 'Raden "netto" finns inte i tabellen' },
        { path: '$.cells[1].column', message: 'Kolumnen "budget-2019" finns inte i tabellen' },
      ],
    });
  });
});

describe('which columns a plan in each status lets change (decision 0004)', () => {
  const kinds = ['actual', 'forecast', 'budget', 'plan', 'target', 'total'] as const;
  it.each([
    ['draft', [true, true, true, true, true, true]],
    ['submitted', [true, true, true, true, true, true]],
    ['adopted', [true, true, false, false, false, false]],
    ['archived', [false, false, false, false, false, false]],
  ] as const)('%s: actual, forecast, budget, plan, target, total → %j', (status, editable) => {
    expect(kinds.map((kind) => isColumnEditable(status, { kind }))).toEqual(editable);
  });
});

describe("an economic table's columns by what their measure holds (issue 13)", () => {
  // Västervik's driftsredovisning 2021 (tests/fixtures/economy, source address in its .tsv): the
  // year's outcome as Intäkter, Kostnader and Nettokostnad, then Budget and the printed Avvikelse.
  const vastervik = PlanFile.parse(JSON.parse(readFileSync(new URL('../../tests/fixtures/economy/vastervik-2021-driftsredovisning.json', import.meta.url), 'utf8')));
  const statement = vastervik.budgetTables[0]!;

  it('takes outcome, forecast and printed deviation on an adopted plan, never the budget or a plan year', () => {
    expect(statement.columns.map((column) => [column.key, isColumnEditable('adopted', column)])).toEqual([
      ['intakter-2020', true],
      ['intakter-2021', true],
      ['kostnader-2020', true],
      ['kostnader-2021', true],
      ['nettokostnad-2021', true],
      ['budget-2021', false],
      ['avvikelse-2021', true],
    ]);
    // A net column holding the budget's figures (basis) is budget, not follow-up; Timrå's columns by their measure.
    expect(isColumnEditable('adopted', { measure: 'net', basis: 'budget' })).toBe(false);
    expect(isColumnEditable('adopted', { measure: 'forecast' })).toBe(true);
    expect(isColumnEditable('adopted', { measure: 'plan' })).toBe(false);
    expect(budget.columns.map((column) => isColumnEditable('adopted', column))).toEqual(budget.columns.map((column) => column.measure === 'actual' || column.measure === 'forecast'));
    expect(statement.columns.every((column) => isColumnEditable('draft', column) && !isColumnEditable('archived', column))).toBe(true);
  });

  it('lets an adopted statement take a changed outcome, not a changed budget', () => {
    const change = (column: string, text: string) => {
      const applied = applyCellChanges(statement, [{ row: 'kultur', column, text }]);
      if (!applied.ok) throw new Error('bad change');
      return applied.table;
    };
    expect(isFollowUpChange('budget-tables', statement, change('nettokostnad-2021', '-1,0'))).toBe(true);
    expect(isFollowUpChange('budget-tables', statement, change('avvikelse-2021', '0,5'))).toBe(true);
    expect(isFollowUpChange('budget-tables', statement, change('budget-2021', '-1,0'))).toBe(false);
  });
});

describe('the follow-up of an adopted investment budget (the web and the server agree)', () => {
  const change = (changes: CellChange[]) => {
    const applied = applyCellChanges(followedUp, changes);
    if (!applied.ok) throw new Error('bad change');
    return applied.table;
  };
  // Each change is one a user can type into the investment grid of an adopted plan, or not.
  it.each([
    { name: 'an actual of a row', changes: [{ row: 'inv-1', column: 'utfall-2020', text: '480' }], followUp: true },
    { name: 'a forecast of a row', changes: [{ row: 'inv-3', column: 'prognos-2020-08', text: '1 900' }], followUp: true },
    { name: 'the printed total of the actuals', changes: [{ row: TOTAL_ROW, column: 'utfall-2020', text: '4 880' }], followUp: true },
    { name: 'an actual emptied again', changes: [{ row: 'inv-1', column: 'utfall-2020', text: null }], followUp: true },
    { name: 'a budget figure', changes: [{ row: 'inv-1', column: 'budget-2020', text: '600' }], followUp: false },
    { name: 'the printed total of a budget year', changes: [{ row: TOTAL_ROW, column: 'budget-2020', text: '5 100' }], followUp: false },
    { name: 'an actual together with a plan figure', changes: [{ row: 'inv-2', column: 'utfall-2020', text: '290' }, { row: 'inv-2', column: 'plan-2021', text: '300' }], followUp: false },
  ])('$name → follow-up: $followUp', ({ changes, followUp }) => {
    const after = change(changes);
    expect(isFollowUpChange('capital-budgets', followedUp, after)).toBe(followUp);
    // The grid offers exactly these cells: every changed column is editable on an adopted plan iff the server takes the change.
    expect(changes.every((cell) => isColumnEditable('adopted', followedUp.columns.find((column) => column.key === cell.column)!))).toBe(followUp);
  });

  it('takes a new actual column at the end, refuses a new budget column or a renamed row', () => {
    const withColumn = (column: Column) => ({ ...investments, columns: [...investments.columns, column] });
    expect(isFollowUpTableChange(investments, withColumn(actual2020))).toBe(true);
    expect(isFollowUpTableChange(investments, withColumn({ key: 'budget-2021', label: 'Budget 2021', kind: 'budget', period: '2021' }))).toBe(false);
    const renamed = { ...investments, rows: investments.rows.map((row, i) => (i === 0 ? { ...row, text: 'Arbetsmiljö' } : row)) };
    expect(isFollowUpTableChange(investments, renamed)).toBe(false);
  });
});

describe('the cells that differ between two versions', () => {
  it('names rows and columns as printed, row-level differences first, columns in table order', () => {
    const saved = change(investments, [{ row: 'inv-1', column: 'budget-2018', text: '900' }]);
    const mine = change(investments, [{ row: 'inv-1', column: 'budget-2018', text: '1 200' }, { row: TOTAL_ROW, column: 'budget-2018', text: '4 200' }]);
    const differences = diffCells(cellRowsOf(saved), cellRowsOf(mine), investments.columns);
    expect(differences.map(({ kind, row, column, before, after }) => [kind, row, column, before, after])).toEqual([
      ['cell', 'Arbetsmiljöätgärder', 'Budget 2018', '900', '1 200'],
      ['cell', 'Summa investeringar', 'Budget 2018', '4 000', '4 200'],
    ]);
  });

  it('reports a row only one version has, and cells of columns no longer there by their key', () => {
    const before = [{ key: 'inv-9', label: 'Ny lekplats', cells: { 'budget-2020': '250', 'utfall-2019': '10' } }];
    expect(diffCells(before, [], [{ key: 'budget-2020', label: 'Budget 2020' }]).map(({ kind, row, column, before: was, after }) => [kind, row, column, was, after])).toEqual([
      ['row', 'Ny lekplats', '', 'Ny lekplats', ''],
      ['cell', 'Ny lekplats', 'Budget 2020', '250', ''],
      ['cell', 'Ny lekplats', 'utfall-2019', '10', ''],
    ]);
    expect(diffCells(cellRowsOf(budget), cellRowsOf(structuredClone(budget)), budget.columns)).toEqual([]);
  });
});

describe('the rows a change of cells changed (the audit)', () => {
  it('keeps the changed rows before and after in table order, and the investment total when its cells changed', () => {
    const after = change(investments, [{ row: 'inv-3', column: 'budget-2018', text: '900' }, { row: TOTAL_ROW, column: 'budget-2018', text: '4 200' }]);
    const changed = changedRows(investments, after);
    expect(changed.rows).toEqual({ before: [investments.rows[2]], after: [after.rows[2]] });
    expect(changed.total).toEqual({ before: investments.total, after: after.total });
    expect(changedRows(budget, change(budget, [{ row: 'net', column: 'plan-2021', text: '-458 368' }])).total).toBeUndefined();
    expect(changedRows(volumes, structuredClone(volumes))).toEqual({});
  });
});

function change<T extends FigureTable>(table: T, changes: CellChange[]): T {
  const applied = applyCellChanges(table, changes);
  if (!applied.ok) throw new Error(applied.problems.map((problem) => problem.message).join('; '));
  return applied.table;
}
