/**
 * The checks of one figure table (volume table, economic table, investment budget), the same the
 * whole plan's validation runs on each of its tables (validate-plan.ts): its schema, every cell
 * under a column of the table, a "varav" row naming a row of it, an economic table's structure
 * (economy/structure.ts) and, given a scope, the nodes and tables it names outside itself.
 *
 * A change of cells (PATCH …/cells) is validated by its table alone: cells are strings under the
 * table's own columns, and nothing outside the table reads a cell's text to decide whether the plan
 * holds together — a section's include list, an analysis's subject and the economy's row and
 * relation references name tables, rows and columns, never cells; footnote marks printed in a cell
 * ("1 234*") are text, not references; and whether a table's figures add up (the relations that
 * `styrkort check` verifies, reconcile/) is reported, never a reason to refuse. So a plan that was
 * valid stays valid outside the changed table, and the table's own checks are the ones left.
 */
import type { Problem } from './errors.ts';
import { economicTableProblems, type TableScope } from './economy/structure.ts';
import type { FigureTable, FigureTableSegment } from './figure-table.ts';
import { BudgetTable, CapitalBudget, VolumeTable } from './plan.ts';
import { issuesToProblems, swedishErrorMap } from './swedish-issues.ts';

export type { TableScope };

/** A figure table with the plan file's field it is listed under. */
export type FieldTable = { field: 'volumeTables'; table: VolumeTable } | { field: 'budgetTables'; table: BudgetTable } | { field: 'capitalBudgets'; table: CapitalBudget };


/**
 * The reference problems of one table at `path` ("$.volumeTables[2]"), in the order the plan's
 * validation reports them; without `scope` the nodes and other tables it names are not checked.
 */
export function figureTableProblems(of: FieldTable, path: string, scope?: TableScope): Problem[] {
  const problems: Problem[] = [];
  const report = (at: string, message: string) => problems.push({ path: at, message, code: 'reference' });
  const columns = new Set(of.table.columns.map((column) => column.key));
  const checkCells = (cells: Record<string, string>, at: string) => {
    for (const key of Object.keys(cells)) if (!columns.has(key)) report(`${at}.cells.${key}`, `Kolumnen "${key}" finns inte i tabellen`);
  };
  switch (of.field) {
    case 'volumeTables': {
      const { table } = of;
      const rows = new Set(table.rows.map((row) => row.key));
      if (scope && table.node !== undefined && !scope.nodes.has(table.node)) report(`${path}.node`, `Noden "${table.node}" finns inte i organisationen`);
      table.rows.forEach((row, j) => {
        checkCells(row.cells, `${path}.rows[${j}]`);
        if (row.partOf !== undefined && (!rows.has(row.partOf) || row.partOf === row.key)) {
          report(`${path}.rows[${j}].partOf`, `"Varav"-raden hänvisar till raden "${row.partOf}", som inte finns i tabellen`);
        }
      });
      break;
    }
    case 'budgetTables': {
      of.table.rows.forEach((row, j) => checkCells(row.cells, `${path}.rows[${j}]`));
      // Rows, sums, "varav" parts and relations of an economic table: economy/structure.ts.
      for (const problem of economicTableProblems(of.table, path, scope)) report(problem.path, problem.message);
      break;
    }
    case 'capitalBudgets': {
      of.table.rows.forEach((row, j) => checkCells(row.cells, `${path}.rows[${j}]`));
      if (of.table.total) checkCells(of.table.total.cells, `${path}.total`);
      break;
    }
  }
  return problems;
}

/** One table as the plan file holds it, or every problem with its path: the schema, then the table's own references. */
export type TableValidation = { ok: true; table: FigureTable } | { ok: false; problems: Problem[] };

/**
 * Validates a figure table on its own at `path` ("$.budgetTables[3]"): its schema, then its own
 * structure (not the nodes and tables it names outside itself; see the head of this file).
 */
export function validateFigureTable(segment: FigureTableSegment, input: unknown, path: string): TableValidation {
  const at = (problem: Problem): Problem => ({ ...problem, path: `${path}${problem.path.slice(1)}` });
  const of = parseTable(segment, input);
  if (!of.ok) return { ok: false, problems: of.problems.map(at) };
  const problems = figureTableProblems(of.table, path);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, table: of.table.table };
}

function parseTable(segment: FigureTableSegment, input: unknown): { ok: true; table: FieldTable } | { ok: false; problems: Problem[] } {
  const fail = (issues: Parameters<typeof issuesToProblems>[0]) => ({ ok: false as const, problems: issuesToProblems(issues) });
  switch (segment) {
    case 'volume-tables': {
      const parsed = VolumeTable.safeParse(input, { error: swedishErrorMap });
      return parsed.success ? { ok: true, table: { field: 'volumeTables', table: parsed.data } } : fail(parsed.error.issues);
    }
    case 'budget-tables': {
      const parsed = BudgetTable.safeParse(input, { error: swedishErrorMap });
      return parsed.success ? { ok: true, table: { field: 'budgetTables', table: parsed.data } } : fail(parsed.error.issues);
    }
    case 'capital-budgets': {
      const parsed = CapitalBudget.safeParse(input, { error: swedishErrorMap });
      return parsed.success ? { ok: true, table: { field: 'capitalBudgets', table: parsed.data } } : fail(parsed.error.issues);
    }
  }
}
