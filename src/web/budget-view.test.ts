/**
 * The budget editors' reading of the demo plans: derived nets, edits laid over a table, the cells a
 * save sends, findings placed on their cells (recomputed with unsaved edits), paste, and the cell by
 * cell difference of a conflict — with the seeds' real figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../domain/plan.ts';
import { cellRowsOf, diffCells, isColumnEditable, TOTAL_ROW, type FigureColumn } from '../domain/figure-table.ts';
import { budgetFindingCell, budgetFindings, capitalFindingCell, capitalFindings, derivedNet, findingsByCell, hasParts, partSums } from './budget-view.ts';
import { cellId, editsAsChanges, pasteEdits, withEdits } from './components/grid/grid-rules.ts';
import { capitalColumnSum, capitalRowSum } from '../domain/reconcile.ts';

const read = (name: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${name}.json`, import.meta.url), 'utf8')));
const ifo = read('timra-ifo-2018-2020');
const sn = read('timra-sn-2020-2022');
const table = (plan: PlanFile, key: string) => plan.budgetTables.find((candidate) => candidate.key === key)!;
const rrIfo = table(ifo, 'rr-ifo');
const snDrift = table(sn, 'sn-driftbudget');
const investments = sn.capitalBudgets[0]!;
const always = () => true;

describe('derived nets (nettokostnader = intäkter + kostnader)', () => {
  it.each([
    { name: 'SN Budget 2020 agrees', t: snDrift, column: 'budget-2020', edits: {}, state: 'agrees', computed: '-449380' },
    { name: 'IFO Budget 2018 agrees', t: rrIfo, column: 'budget-2018', edits: {}, state: 'agrees', computed: '-70976' },
    { name: 'IFO Plan 2019 has a net of 0 but no parts', t: rrIfo, column: 'plan-2019', edits: {}, state: 'none', computed: null },
    { name: 'an empty net is computed', t: snDrift, column: 'budget-2020', edits: { [cellId('net', 'budget-2020')]: '' }, state: 'computed', computed: '-449380' },
    { name: 'a mistyped net differs', t: snDrift, column: 'budget-2020', edits: { [cellId('net', 'budget-2020')]: '-449 000' }, state: 'differs', computed: '-449380' },
    { name: 'a changed income moves the computed net', t: snDrift, column: 'budget-2020', edits: { [cellId('income', 'budget-2020')]: '79 645' }, state: 'differs', computed: '-448380' },
  ])('$name', ({ t, column, edits, state, computed }) => {
    const net = derivedNet(withEdits(t, edits), column);
    expect(net.state).toBe(state);
    expect(net.computed?.toString() ?? null).toBe(computed);
  });
});

describe('edits laid over a table and the cells a save sends', () => {
  it('sends only edited cells that differ from the saved text, trimmed, an empty one as null', () => {
    const edits = {
      [cellId('income', 'budget-2020')]: ' 80 000 ', // changed
      [cellId('costs', 'budget-2020')]: '-528 025', // as saved: not sent
      [cellId('net', 'budget-2020')]: '', // cleared
      [cellId('net', 'plan-2021')]: '-450 000', // a new cell
    };
    expect(editsAsChanges(cellRowsOf(snDrift), snDrift.columns, edits, always)).toEqual([
      { row: 'income', column: 'budget-2020', text: '80 000' },
      { row: 'net', column: 'budget-2020', text: null },
      { row: 'net', column: 'plan-2021', text: '-450 000' },
    ]);
    const applied = withEdits(snDrift, edits);
    expect(applied.rows[0]!.cells['budget-2020']).toBe('80 000');
    expect(applied.rows[2]!.cells).toEqual({ 'plan-2021': '-450 000' });
    expect(snDrift.rows[2]!.cells['budget-2020']).toBe('-449 380'); // the saved table is untouched
  });

  it('leaves out columns that may not change (budget columns of an adopted plan)', () => {
    const edits = { [cellId('net', 'budget-2018')]: '-71 178', [cellId('net', 'prognos-2017')]: '-66 000' };
    const followUpOnly = (column: FigureColumn) => isColumnEditable('adopted', column);
    expect(editsAsChanges(cellRowsOf(rrIfo), rrIfo.columns, edits, followUpOnly)).toEqual([{ row: 'net', column: 'prognos-2017', text: '-66 000' }]);
  });

  it('spreads a block pasted from Excel to the right and down, and counts what falls outside', () => {
    const grid = [
      ['1 000', '2 000', '3 000', '4 000'],
      ['-5 000', '-6 000'],
    ];
    const pasted = pasteEdits({ grid, rows: cellRowsOf(snDrift), columns: snDrift.columns, rowIndex: 1, columnIndex: 0, editable: always });
    expect(pasted.edits).toEqual({
      [cellId('costs', 'budget-2020')]: '1 000',
      [cellId('costs', 'plan-2021')]: '2 000',
      [cellId('costs', 'plan-2022')]: '3 000',
      [cellId('net', 'budget-2020')]: '-5 000',
      [cellId('net', 'plan-2021')]: '-6 000',
    });
    expect(pasted.skipped).toBe(1); // "4 000" has no fourth column
  });
});

describe('findings computed with the unsaved edits, placed on their cells', () => {
  it('shows the IFO roll-up gap of 202 tkr on rr-ifo Budget 2018 Nettokostnader', () => {
    const findings = budgetFindings(ifo, rrIfo);
    const gap = findings.own.find((finding) => finding.severity === 'gap' && finding.columnKey === 'budget-2018' && finding.label === 'Nettokostnader')!;
    expect([gap.kind, gap.computed?.toString(), gap.stated?.toString(), gap.difference?.toString()]).toEqual(['rollup', '-71178', '-70976', '202']);
    expect(gap.summary).toBe('delarna summerar till -71 178 tkr, totalen är -70 976 tkr (skillnad 202 tkr)');
    expect(findings.own.filter((finding) => finding.severity === 'gap')).toHaveLength(12); // the seed's roll-ups, as `styrkort check` lists them
    expect(findings.own[0]!.severity).toBe('gap'); // gaps first, then rounding, then notes
    const cells = findingsByCell(findings.own, budgetFindingCell);
    expect(cells.get(cellId('net', 'budget-2018'))!.map((finding) => finding.severity)).toEqual(['gap']);
    expect(cells.get(cellId('net', 'redovisat-2016'))!.map((finding) => finding.severity)).toEqual(['gap', 'rounding']);
  });

  it('gives a table others roll into the sum of its parts per line and column', () => {
    expect(hasParts(ifo, rrIfo)).toBe(true);
    expect(hasParts(ifo, table(ifo, 'rr-ifo-vuxna'))).toBe(false);
    const sums = partSums(ifo, rrIfo);
    expect(sums.get(cellId('net', 'budget-2018'))?.toString()).toBe('-71178');
    expect(sums.get(cellId('costs', 'budget-2018'))?.toString()).toBe('-73710'); // -32 670 - 32 985 - 8 055
    // A total not yet typed still shows what its parts sum to; a column the parts lack shows nothing.
    const empty = withEdits(rrIfo, { [cellId('net', 'budget-2018')]: '', [cellId('income', 'plan-2019')]: '' });
    expect(partSums(ifo, empty).get(cellId('net', 'budget-2018'))?.toString()).toBe('-71178');
    expect(partSums(ifo, empty).get(cellId('income', 'plan-2019'))).toBeUndefined();
  });

  it("lets a unit see its parent's roll-up gap vanish, and its own net gap appear, when it types a net", () => {
    const vuxna = table(ifo, 'rr-ifo-vuxna');
    const parentGap = (f: ReturnType<typeof budgetFindings>) => f.parent.filter((finding) => finding.severity === 'gap' && finding.columnKey === 'budget-2018' && finding.label === 'Nettokostnader');
    const before = budgetFindings(ifo, vuxna);
    expect(parentGap(before)).toHaveLength(1);
    expect(before.own.filter((finding) => finding.severity === 'gap')).toEqual([]);
    // 202 tkr less net cost for Vuxna in Budget 2018 makes the parts sum to the printed total …
    const after = budgetFindings(ifo, withEdits(vuxna, { [cellId('net', 'budget-2018')]: '-30 961' }));
    expect(parentGap(after)).toEqual([]);
    // … but Vuxna's own net no longer equals its income + costs (1 822 - 32 985 = -31 163).
    const own = after.own.filter((finding) => finding.severity === 'gap');
    expect(own.map((finding) => [finding.kind, finding.columnKey, finding.computed?.toString(), finding.difference?.toString()])).toEqual([['net', 'budget-2018', '-31163', '202']]);
  });

  it('finds a gap appear in SN when the printed net no longer equals income + costs, and notes the EKB exclusion', () => {
    const typed = withEdits(snDrift, { [cellId('net', 'budget-2020')]: '-449 000' });
    const gap = budgetFindings(sn, typed).own.find((finding) => finding.severity === 'gap')!;
    expect(gap.kind).toBe('net');
    expect(gap.difference?.toString()).toBe('380');
    expect(budgetFindingCell(gap)).toBe(cellId('net', 'budget-2020'));
    expect(budgetFindings(sn, snDrift).own.filter((finding) => finding.severity === 'gap')).toEqual([]);
    const ekb = budgetFindings(ifo, table(ifo, 'rr-ekb')).own;
    expect(ekb.map((finding) => [finding.kind, budgetFindingCell(finding)])).toContainEqual(['rollup-exclusion', null]);
  });
});

describe('the investment budget: computed totals against the printed total row', () => {
  it('sums the SN investment columns to 4 000, 5 000 and 5 000, and the years to 19 000', () => {
    const column = (key: string) => investments.columns.find((candidate) => candidate.key === key)!;
    expect(['budget-2018', 'budget-2019', 'budget-2020'].map((key) => capitalColumnSum(investments, column(key))?.toString())).toEqual(['4000', '5000', '5000']);
    expect(capitalColumnSum(investments, column('plan-2021'))).toBeNull();
    const total = cellRowsOf(investments).find((row) => row.key === TOTAL_ROW)!;
    const years = investments.columns.filter((candidate) => candidate.kind !== 'total');
    expect(capitalRowSum(total, years)?.toString()).toBe('19000');
    const findings = capitalFindings(sn, investments);
    expect(findings.own.filter((finding) => finding.severity === 'gap')).toEqual([]);
    expect(findings.own.map((finding) => [finding.kind, capitalFindingCell(investments, finding)])).toContainEqual(['capital-total-without-rows', cellId(TOTAL_ROW, 'plan-2021')]);
  });

  it('finds the gap a new figure opens in the column total, on the total row', () => {
    const edited = withEdits(investments, { [cellId('inv-2', 'budget-2018')]: '500' });
    const gap = capitalFindings(sn, edited).own.find((finding) => finding.severity === 'gap' && finding.kind === 'capital-column-total')!;
    expect(gap.columnKey).toBe('budget-2018');
    expect(gap.computed?.toString()).toBe('4200');
    expect(capitalFindingCell(edited, gap)).toBe(cellId(TOTAL_ROW, 'budget-2018'));
  });

  it('places a row total finding on that row', () => {
    const edited = withEdits(investments, { [cellId('inv-2', 'total')]: '700' });
    const finding = capitalFindings(sn, edited).own.find((candidate) => candidate.kind === 'capital-row-total')!;
    expect(finding.severity).toBe('gap'); // 300 + 300 = 600, not 700
    expect(capitalFindingCell(edited, finding)).toBe(cellId('inv-2', 'total'));
  });
});

describe('a conflict cell by cell', () => {
  it('lists each cell where my version and the saved one differ, and rows only one of them has', () => {
    const mine = withEdits(investments, { [cellId('inv-1', 'budget-2018')]: '1 200' });
    const saved = withEdits(investments, { [cellId('inv-1', 'budget-2018')]: '900' });
    const theirs = { ...saved, rows: saved.rows.slice(0, 3) }; // and someone removed the last row
    expect(diffCells(cellRowsOf(theirs), cellRowsOf(mine), investments.columns).map(({ kind, row, column, after, before }) => [kind, row, column, after, before])).toEqual([
      ['cell', 'Arbetsmiljöätgärder', 'Budget 2018', '1 200', '900'],
      ['row', 'Inventarier, möbler och boenden', '', 'Inventarier, möbler och boenden', ''],
      ['cell', 'Inventarier, möbler och boenden', 'Budget 2018', '700', ''],
      ['cell', 'Inventarier, möbler och boenden', 'Budget 2019', '700', ''],
      ['cell', 'Inventarier, möbler och boenden', 'Budget 2020', '2 500', ''],
    ]);
  });
});
