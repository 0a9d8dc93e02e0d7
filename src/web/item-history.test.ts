/** How the change history reads a value and a figure table's changed cells (real rows of the Timrå SN demo plan). */
import { describe, expect, it } from 'vitest';
import { auditValueText, cellChangeLines, changedCells } from './item-history.ts';

const budgetColumns = [
  { key: 'budget-2020', label: 'Budget 2020' },
  { key: 'plan-2021', label: 'Plan 2021 (uppräknings 2%)' },
];
const budgetRows = [
  { line: 'income', label: 'Verksamhetens intäkter', cells: { 'budget-2020': '78 645' } },
  { line: 'costs', label: 'Verksamhetens kostnader', cells: { 'budget-2020': '-528 025' } },
];

describe('auditValueText', () => {
  it.each([
    [null, ''],
    ['<p>Stabil <strong>organisation</strong></p>', 'Stabil organisation'],
    [[{ year: 2021, text: '> 90 %' }], '2021: > 90 %'],
    [[{ period: '2021', text: '50 %' }, { period: '2020', text: '95 %' }], '2021: 50 %; 2020: 95 %'],
    [[], ''],
    ['pagar', 'pagar'],
  ])('auditValueText(%j) = %j', (value, expected) => {
    expect(auditValueText(value)).toBe(expected);
  });
});

describe('changedCells', () => {
  it('names each changed cell by its row label and column label, in table order', () => {
    const after = [
      { ...budgetRows[0]!, cells: { 'budget-2020': '78 645', 'plan-2021': '80 000' } },
      { ...budgetRows[1]!, cells: { 'budget-2020': '-530 000' } },
    ];
    expect(changedCells(budgetRows, after, budgetColumns)).toEqual([
      { row: 'Verksamhetens intäkter', column: 'Plan 2021 (uppräknings 2%)', before: '', after: '80 000' },
      { row: 'Verksamhetens kostnader', column: 'Budget 2020', before: '-528 025', after: '-530 000' },
    ]);
  });

  it('counts an emptied cell, and nothing when the rows are the same', () => {
    const after = [budgetRows[0]!, { ...budgetRows[1]!, cells: {} }];
    expect(changedCells(budgetRows, after, budgetColumns)).toEqual([{ row: 'Verksamhetens kostnader', column: 'Budget 2020', before: '-528 025', after: '' }]);
    expect(changedCells(budgetRows, structuredClone(budgetRows), budgetColumns)).toEqual([]);
  });

  it('reads investment rows by key and text, rows added or removed, and the total (one row, not a list)', () => {
    const columns = [{ key: 'budget-2020', label: 'Budget 2020' }];
    const row = { key: 'inv-1', object: '65600', text: 'Arbetsmiljöätgärder', cells: { 'budget-2020': '500' } };
    const added = { key: 'inv-9', object: '1', text: 'Ny lekplats', cells: { 'budget-2020': '250' } };
    expect(changedCells([row], [row, added], columns)).toEqual([{ row: 'Ny lekplats', column: 'Budget 2020', before: '', after: '250' }]);
    expect(changedCells([row, added], [added], columns)).toEqual([{ row: 'Arbetsmiljöätgärder', column: 'Budget 2020', before: '500', after: '' }]);
    const total = { label: 'Summa investeringar', cells: { 'budget-2020': '5 000' } };
    expect(changedCells(total, { ...total, cells: { 'budget-2020': '5 250' } }, columns)).toEqual([{ row: 'Summa investeringar', column: 'Budget 2020', before: '5 000', after: '5 250' }]);
  });

  it('keeps the key of a column the table no longer has', () => {
    const volume = { key: 'v-1', label: 'Antal brukare vård och omsorgsboenden över 65', cells: { 'budget-2019': '194(-9)' } };
    expect(changedCells([volume], [{ ...volume, cells: { 'budget-2019': '190' } }], [])).toEqual([
      { row: 'Antal brukare vård och omsorgsboenden över 65', column: 'budget-2019', before: '194(-9)', after: '190' },
    ]);
  });
});

describe('cellChangeLines', () => {
  it.each([
    [[], []],
    [[{ row: 'Verksamhetens kostnader', column: 'Budget 2020', before: '-528 025', after: '-530 000' }], ['Verksamhetens kostnader, Budget 2020: -528 025 → -530 000']],
    [
      [
        { row: 'A', column: 'Utfall 2018', before: '', after: '200' },
        { row: 'B', column: '2020', before: '186', after: '' },
      ],
      ['A, Utfall 2018: (tomt) → 200', 'B, 2020: 186 → (tomt)'],
    ],
  ])('cellChangeLines(%j)', (changes, expected) => {
    expect(cellChangeLines(changes, '(tomt)')).toEqual(expected);
  });
});
