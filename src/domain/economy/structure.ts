/**
 * Whether an economic table holds together before anything is stored: every relation names rows
 * and columns that exist, a subtotal or total names its rows, a "varav" row names its whole, a
 * heading carries no amounts, no sum contains itself. Each problem comes with its JSON path and a
 * Swedish message; a table with problems is refused whole (nothing stored).
 */
import type { Problem } from '../errors.ts';
import type { BudgetTable, EconomicRelation, EconomicRow } from '../plan.ts';

/** What a table's references may point at outside it. */
export interface TableScope {
  nodes: ReadonlySet<string>;
  /** The plan's economic tables (for roll-ups and a unit's own table). */
  tables: ReadonlyArray<BudgetTable>;
}

/**
 * Every structural problem of an economic table at `path` ("$.budgetTables[2]"). Without `scope`,
 * only the table's own structure is checked, not what it names outside itself (nodes, other
 * tables): for a change that leaves those references as they were (a change of cells).
 */
export function economicTableProblems(table: BudgetTable, path: string, scope?: TableScope): Problem[] {
  const problems: Problem[] = [];
  const report = (at: string, message: string) => problems.push({ path: `${path}${at}`, message, code: 'reference' });
  // A key used twice is reported by the plan's one walk over every keyed list (validate-plan.ts).
  const rows = new Map<string, EconomicRow>();
  for (const row of table.rows) if (!rows.has(row.key)) rows.set(row.key, row);
  const columns = new Set(table.columns.map((column) => column.key));
  if (scope && table.node !== undefined && !scope.nodes.has(table.node)) report('.node', `Noden "${table.node}" finns inte i organisationen`);
  if (scope && table.rollup && (!scope.tables.some((other) => other.key === table.rollup!.into) || table.rollup.into === table.key)) {
    report('.rollup.into', `Tabellen "${table.rollup.into}" finns inte bland planens budgettabeller`);
  }
  table.rows.forEach((row, j) => checkRow(row, `.rows[${j}]`, rows, scope, report));
  checkCycles(table, rows, report);
  table.relations.forEach((relation, r) => checkRelation(table, relation, `.relations[${r}]`, rows, columns, scope, report));
  return problems;
}

type Report = (at: string, message: string) => void;

function checkRow(row: EconomicRow, at: string, rows: Map<string, EconomicRow>, scope: TableScope | undefined, report: Report): void {
  const name = `"${row.label || row.key}"`;
  if (scope && row.node !== undefined && !scope.nodes.has(row.node)) report(`${at}.node`, `Noden "${row.node}" finns inte i organisationen`);
  if (row.kind === 'heading' && Object.keys(row.cells).length) report(`${at}.cells`, `Rubrikraden ${name} kan inte ha belopp; gör den till en rad eller en summarad`);
  const isSum = row.kind === 'subtotal' || row.kind === 'total';
  if (isSum && !row.parts?.length) {
    report(`${at}.parts`, `${row.kind === 'total' ? 'Totalraden' : 'Delsummeraden'} ${name} anger inte vilka rader den summerar`);
  }
  if (!isSum && row.parts !== undefined) report(`${at}.parts`, `Raden ${name} är ingen summarad och kan inte ha delar`);
  row.parts?.forEach((part, p) => {
    const found = rows.get(part);
    if (!found) report(`${at}.parts[${p}]`, `Summaraden ${name} räknar med raden "${part}", som inte finns i tabellen`);
    else if (part === row.key) report(`${at}.parts[${p}]`, `Summaraden ${name} kan inte räkna med sig själv`);
    else if (found.kind === 'heading') report(`${at}.parts[${p}]`, `Summaraden ${name} räknar med rubrikraden "${found.label}", som inte har belopp`);
    else if (found.kind === 'part') report(`${at}.parts[${p}]`, `Summaraden ${name} räknar med "varav"-raden "${found.label}", som redan ingår i sin helhet`);
  });
  if (row.kind === 'part') {
    if (row.partOf === undefined) report(`${at}.partOf`, `"Varav"-raden ${name} anger inte vilken rad den är en del av`);
    else if (!rows.has(row.partOf) || row.partOf === row.key) report(`${at}.partOf`, `"Varav"-raden ${name} hänvisar till raden "${row.partOf}", som inte finns i tabellen`);
  } else if (row.partOf !== undefined) {
    report(`${at}.partOf`, `Raden ${name} är ingen "varav"-rad; ange slaget "part" eller ta bort hänvisningen`);
  }
  row.accounts?.forEach((range, a) => {
    if (range.to !== undefined && Number(range.to) < Number(range.from)) report(`${at}.accounts[${a}]`, `Kontointervallet ${range.from}–${range.to} slutar före sin början`);
  });
}

/** A sum that, through its parts, contains itself would never reconcile. */
function checkCycles(table: BudgetTable, rows: Map<string, EconomicRow>, report: Report): void {
  const visiting = new Set<string>();
  const done = new Set<string>();
  const cyclic = new Set<string>();
  const visit = (key: string): void => {
    if (done.has(key)) return;
    if (visiting.has(key)) {
      cyclic.add(key);
      return;
    }
    visiting.add(key);
    for (const part of rows.get(key)?.parts ?? []) if (part !== key) visit(part);
    visiting.delete(key);
    done.add(key);
  };
  for (const key of rows.keys()) visit(key);
  table.rows.forEach((row, j) => {
    if (cyclic.has(row.key)) report(`.rows[${j}].parts`, `Summaraden "${row.label}" ingår, via sina delar, i sig själv`);
  });
}

function checkRelation(
  table: BudgetTable,
  relation: EconomicRelation,
  at: string,
  rows: Map<string, EconomicRow>,
  columns: Set<string>,
  scope: TableScope | undefined,
  report: Report,
): void {
  if (relation.kind === 'unit-total') {
    if (!rows.has(relation.row)) report(`${at}.row`, `Sambandet gäller raden "${relation.row}", som inte finns i tabellen`);
    if (!scope) return;
    const own = scope.tables.find((other) => other.key === relation.table);
    if (!own || own.key === table.key) report(`${at}.table`, `Sambandet hänvisar till tabellen "${relation.table}", som inte finns bland planens budgettabeller`);
    else if (!own.rows.some((row) => row.kind === 'total')) report(`${at}.table`, `Tabellen "${relation.table}" har ingen totalrad att jämföra raden "${relation.row}" med`);
    return;
  }
  const onRows = relation.axis === 'rows';
  const noun = onRows ? 'raden' : 'kolumnen';
  const exists = (key: string) => (onRows ? rows.has(key) : columns.has(key));
  const fields = relation.kind === 'net' ? (['target', 'income', 'costs'] as const) : (['target', 'outcome', 'budget'] as const);
  const keys = fields.map((field) => (relation as Record<string, string>)[field]!);
  fields.forEach((field, f) => {
    if (!exists(keys[f]!)) report(`${at}.${field}`, `Sambandet ${relation.kind === 'net' ? 'för nettot' : 'för avvikelsen'} nämner ${noun} "${keys[f]}", som inte finns i tabellen`);
  });
  if (new Set(keys).size < keys.length) report(at, `Sambandet ${relation.kind === 'net' ? 'för nettot' : 'för avvikelsen'} nämner samma ${noun} mer än en gång`);
}
