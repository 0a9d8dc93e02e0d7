/**
 * A figure table validated on its own (the cell write's check) finds exactly what validating the
 * whole plan with that table in it finds, with the same paths and messages: on the demo plan
 * timra-sn-2020-2022 (its volume table, income statement and investment budget) and on Sjöbo's
 * driftbudget 2025 (tests/fixtures/economy, with heading rows per nämnd).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FigureTableSegment } from './figure-table.ts';
import { PlanFile } from './plan.ts';
import { validatePlanFile } from './validate-plan.ts';
import { figureTableProblems, validateFigureTable } from './validate-table.ts';

const read = (url: URL) => PlanFile.parse(JSON.parse(readFileSync(url, 'utf8')));
const sn = read(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url));
const sjobo = read(new URL('../../tests/fixtures/economy/sjobo-2025-driftbudget.json', import.meta.url));

type Field = 'volumeTables' | 'budgetTables' | 'capitalBudgets';
const segments: Record<Field, FigureTableSegment> = { volumeTables: 'volume-tables', budgetTables: 'budget-tables', capitalBudgets: 'capital-budgets' };

interface Case {
  plan: PlanFile;
  field: Field;
  index: number;
  /** Changes the table's cells (a copy), as a cell write would. */
  change: (table: { rows: Array<{ cells: Record<string, string> }>; total?: { cells: Record<string, string> } | null }) => void;
  /** What both validations say, path and message. */
  expected: Array<{ path: string; message: string }>;
}

const cases: Array<[string, Case]> = [
  ['an amount in a heading row (Sjöbo, "Kommunstyrelse")', {
    plan: sjobo,
    field: 'budgetTables',
    index: 0,
    change: (table) => void (table.rows[0]!.cells['budget-2025'] = '1,0'),
    expected: [{ path: '$.budgetTables[0].rows[0].cells', message: 'Rubrikraden "Kommunstyrelse" kan inte ha belopp; gör den till en rad eller en summarad' }],
  }],
  ['a cell under a column the volume table does not have', {
    plan: sn,
    field: 'volumeTables',
    index: 0,
    change: (table) => void (table.rows[1]!.cells['budget-1999'] = '3'),
    expected: [{ path: '$.volumeTables[0].rows[1].cells.budget-1999', message: 'Kolumnen "budget-1999" finns inte i tabellen' }],
  }],
  ['a total cell under a column the investment budget does not have', {
    plan: sn,
    field: 'capitalBudgets',
    index: 0,
    change: (table) => void (table.total!.cells['utfall-1999'] = '3'),
    expected: [{ path: '$.capitalBudgets[0].total.cells.utfall-1999', message: 'Kolumnen "utfall-1999" finns inte i tabellen' }],
  }],
  ['a new figure in the income statement', {
    plan: sn,
    field: 'budgetTables',
    index: sn.budgetTables.findIndex((table) => table.key === 'sn-driftbudget'),
    change: (table) => void (table.rows[0]!.cells['plan-2021'] = '79 000'),
    expected: [],
  }],
];

describe('a figure table validated on its own', () => {
  it.each(cases)('%s: the same problems as the whole plan', (_name, { plan, field, index, change, expected }) => {
    const table = structuredClone(plan[field][index]!);
    change(table);
    const whole = validatePlanFile({ ...plan, [field]: plan[field].map((other, i) => (i === index ? table : other)) });
    const alone = validateFigureTable(segments[field], table, `$.${field}[${index}]`);
    const said = (validation: { ok: boolean; problems?: Array<{ path: string; message: string }> }) => (validation.ok ? [] : validation.problems!.map(({ path, message }) => ({ path, message })));
    expect(said(alone)).toEqual(expected);
    expect(said(whole)).toEqual(expected);
  });

  it('refuses a cell longer than the plan file allows, at the path the whole plan names', () => {
    const table = structuredClone(sn.volumeTables[0]!);
    table.rows[0]!.cells['budget-2021'] = '9'.repeat(201);
    const alone = validateFigureTable('volume-tables', table, '$.volumeTables[0]');
    expect(alone.ok ? [] : alone.problems.map((problem) => problem.path)).toEqual(['$.volumeTables[0].rows[0].cells.budget-2021']);
  });

  it('checks the nodes a table names only when given the plan\'s scope', () => {
    const table = { ...structuredClone(sn.volumeTables[0]!), node: 'ingen-sadan-nod' };
    expect(figureTableProblems({ field: 'volumeTables', table }, '$.volumeTables[0]')).toEqual([]);
    const scope = { nodes: new Set(sn.organisation.map((node) => node.key)), tables: sn.budgetTables };
    expect(figureTableProblems({ field: 'volumeTables', table }, '$.volumeTables[0]', scope).map((problem) => problem.message)).toEqual(['Noden "ingen-sadan-nod" finns inte i organisationen']);
  });
});
