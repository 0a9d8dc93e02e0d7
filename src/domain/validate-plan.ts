/**
 * Validation of a whole plan file: the schema and the references between its parts, in one run.
 * Every problem is reported with its JSON path and a Swedish message; nothing stops at the first.
 */
import { PlanFile } from './plan.ts';
import type { Problem } from './errors.ts';
import { parseFigure } from './figure.ts';
import { isAllowedRichText } from './rich-text.ts';
import { issuesToProblems, swedishErrorMap } from './swedish-issues.ts';
import { wellFormedPart } from './validate-partial.ts';
import { checkFollowUpParts } from './validate-follow-up.ts';
import { figureTableProblems, type FieldTable } from './validate-table.ts';

export type PlanValidation = { ok: true; plan: PlanFile } | { ok: false; problems: Problem[] };

/** Validates unknown JSON as a plan file: shape, references, uniqueness and rich text. */
export function validatePlanFile(input: unknown): PlanValidation {
  const parsed = PlanFile.safeParse(input, { error: swedishErrorMap });
  if (!parsed.success) {
    // References are checked on the well-formed part too, so one run tells everything.
    const part = wellFormedPart(input, parsed.error.issues);
    const references = part ? checkReferences(part.plan).filter((problem) => ![...part.setAside].some((key) => problem.message.includes(`"${key}"`))) : [];
    return { ok: false, problems: [...issuesToProblems(parsed.error.issues), ...references] };
  }
  const problems = checkReferences(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, plan: parsed.data };
}

type Report = (path: string, message: string) => void;

function checkReferences(plan: PlanFile): Problem[] {
  const problems: Problem[] = [];
  const report: Report = (path, message) => problems.push({ path, message, code: 'reference' });
  checkUniqueEntries(plan, '$', '', report);
  const nodes = keysOf(plan.organisation);
  const goals = keysOf(plan.goals);
  const indicators = keysOf(plan.indicators);
  const activityTables = keysOf(plan.activityTables);
  const allKeys = new Set<string>([...nodes, ...goals, ...indicators, ...activityTables]);
  for (const field of ['strategies', 'activities', 'serviceDeclarations', 'outlooks', 'volumeTables', 'budgetTables', 'capitalBudgets', 'footnotes', 'sections'] as const) {
    for (const key of keysOf(plan[field])) allKeys.add(key);
  }
  checkOrganisation(plan, nodes, report);
  checkGoalsAndIndicators(plan, nodes, goals, report);
  checkActivities(plan, nodes, goals, activityTables, report);
  checkTables(plan, nodes, report);
  plan.sections.forEach((section, i) =>
    section.include?.forEach((key, j) => {
      if (!allKeys.has(key)) report(`$.sections[${i}].include[${j}]`, `Avsnittet hänvisar till "${key}", som inte finns i planen`);
    }),
  );
  checkRichText(plan, report);
  checkFollowUp(plan, report);
  problems.push(...checkFollowUpParts(plan));
  return problems;
}

function keysOf(items: ReadonlyArray<{ key: string }>): Set<string> {
  return new Set(items.map((item) => item.key));
}

/** What a duplicate in a list is called, by the list's field name ("en styrtal" reads oddly, but tests and users know it). */
const nouns: Record<string, string> = {
  organisation: 'organisationsnod',
  goals: 'mål',
  indicators: 'styrtal',
  activityTables: 'aktivitetstabell',
  strategies: 'strategi',
  activities: 'aktivitet',
  serviceDeclarations: 'servicedeklaration',
  outlooks: 'verksamhetsbeskrivning',
  volumeTables: 'volymtabell',
  budgetTables: 'budgettabell',
  capitalBudgets: 'investeringsbudget',
  footnotes: 'fotnot',
  sections: 'avsnitt',
  analyses: 'analys',
  columns: 'kolumn',
  rows: 'rad',
  themes: 'tema',
  measures: 'mått',
};

// The field that tells a list's entries apart, in order of preference; lists of plain keys (a
// section's include, an activity's goals) are told apart by the values themselves.
const identityFields = ['key', 'field', 'column', 'line', 'year', 'period'] as const;
const referenceLists = new Set(['include', 'goals', 'indicators', 'years']);

function duplicateMessage(list: string, field: string, value: string): string {
  if (list === 'targets') return `Målvärde för ${value} anges mer än en gång`;
  if (list === 'actuals') return `Utfall för ${value} anges mer än en gång`;
  if (list === 'perspectives') return `Perspektiv ${value} anges mer än en gång`;
  if (list === 'assessments') return `Bedömning för ${value} anges mer än en gång`;
  if (list === 'values') return `Värde för ${value} anges mer än en gång`;
  if (field === 'line') return `Raden "${value}" förekommer mer än en gång i tabellen`;
  if (field === 'key') return `Nyckeln "${value}" används för mer än en ${nouns[list] ?? 'post i listan'}`;
  if (field === 'field') return `Kolumnen för "${value}" anges mer än en gång`;
  if (field === 'column') return `Kolumnen "${value}" har mer än en kommentar`;
  return `"${value}" anges mer än en gång i listan`;
}

/**
 * Every keyed list anywhere in the plan — vision themes, columns, rows, targets, a section's
 * include … — holds each key once (issue 10, defect 11: duplicate theme keys passed validation and
 * the PDF then failed). One walk over the whole file, so a list added to the format is covered.
 */
function checkUniqueEntries(node: unknown, path: string, list: string, report: Report): void {
  if (Array.isArray(node)) {
    const first = node.find((item) => item !== null && item !== undefined);
    // An indicators section's columns are told apart by kind and year together ("Målvärde 2023", "Utfall 2023").
    const field = first !== null && typeof first === 'object' && list !== 'indicatorColumns' ? (list === 'perspectives' ? 'number' : identityFields.find((name) => name in first)) : undefined;
    const scalar = typeof first === 'string' || typeof first === 'number';
    if (field || (scalar && referenceLists.has(list))) {
      const seen = new Set<string>();
      node.forEach((item, i) => {
        const value = String(field ? (item as Record<string, unknown>)[field] : item);
        if (seen.has(value)) report(field ? `${path}[${i}].${field}` : `${path}[${i}]`, duplicateMessage(list, field ?? '', value));
        seen.add(value);
      });
    }
    node.forEach((item, i) => checkUniqueEntries(item, `${path}[${i}]`, list, report));
    return;
  }
  if (node !== null && typeof node === 'object') {
    for (const [name, value] of Object.entries(node)) checkUniqueEntries(value, `${path}.${name}`, name, report);
  }
}

function checkOrganisation(plan: PlanFile, nodes: Set<string>, report: Report): void {
  const parents = new Map(plan.organisation.map((node) => [node.key, node.parent]));
  plan.organisation.forEach((node, i) => {
    if (node.parent !== null && !nodes.has(node.parent)) {
      report(`$.organisation[${i}].parent`, `Överordnad nod "${node.parent}" finns inte i organisationen`);
    }
    const seen = new Set<string>([node.key]);
    for (let parent = node.parent; parent; parent = parents.get(parent) ?? null) {
      if (seen.has(parent)) {
        report(`$.organisation[${i}].parent`, `Organisationen har en cirkel: "${node.key}" ligger under sig själv`);
        break;
      }
      seen.add(parent);
    }
  });
  if (!nodes.has(plan.plan.ownerNode)) report('$.plan.ownerNode', `Planens ägare "${plan.plan.ownerNode}" finns inte i organisationen`);
  if (plan.plan.periodEnd < plan.plan.periodStart) report('$.plan.periodEnd', 'Planperioden slutar före den börjar');
  const holders = new Set<string>();
  plan.officeHolders.forEach((holder, i) => {
    const key = `${holder.node}:${holder.role}`;
    if (holders.has(key)) report(`$.officeHolders[${i}].role`, `Rollen "${holder.role}" anges mer än en gång för noden "${holder.node}"`);
    holders.add(key);
    if (!nodes.has(holder.node)) report(`$.officeHolders[${i}].node`, `Noden "${holder.node}" finns inte i organisationen`);
  });
}

function checkGoalsAndIndicators(plan: PlanFile, nodes: Set<string>, goals: Set<string>, report: Report): void {
  const perspectives = new Set(plan.perspectives.map((p) => p.number));
  const checkPerspective = (value: number | undefined, path: string) => {
    if (value !== undefined && !perspectives.has(value)) report(path, `Perspektiv ${value} finns inte bland planens perspektiv`);
  };
  plan.goals.forEach((goal, i) => {
    if (goal.parent !== null && !goals.has(goal.parent)) report(`$.goals[${i}].parent`, `Målet "${goal.parent}" finns inte i planen`);
    if (goal.node !== undefined && !nodes.has(goal.node)) report(`$.goals[${i}].node`, `Noden "${goal.node}" finns inte i organisationen`);
    checkPerspective(goal.perspective, `$.goals[${i}].perspective`);
  });
  plan.indicators.forEach((indicator, i) => {
    if (indicator.goal !== null && !goals.has(indicator.goal)) report(`$.indicators[${i}].goal`, `Målet "${indicator.goal}" finns inte i planen`);
    checkPerspective(indicator.perspective, `$.indicators[${i}].perspective`);
  });
  const columns = new Set(plan.strategyTable?.columns.map((column) => column.key) ?? []);
  plan.strategies.forEach((strategy, i) =>
    strategy.comments.forEach((comment, j) => {
      if (!columns.has(comment.column)) report(`$.strategies[${i}].comments[${j}].column`, `Kolumnen "${comment.column}" finns inte i strategitabellen`);
    }),
  );
}

function checkActivities(plan: PlanFile, nodes: Set<string>, goals: Set<string>, tables: Set<string>, report: Report): void {
  plan.activities.forEach((activity, i) => {
    if (!tables.has(activity.table)) report(`$.activities[${i}].table`, `Aktivitetstabellen "${activity.table}" finns inte i planen`);
    if (activity.node !== undefined && !nodes.has(activity.node)) report(`$.activities[${i}].node`, `Noden "${activity.node}" finns inte i organisationen`);
    activity.goals.forEach((goal, j) => {
      if (!goals.has(goal)) report(`$.activities[${i}].goals[${j}]`, `Målet "${goal}" finns inte i planen`);
    });
  });
  const indicators = keysOf(plan.indicators);
  plan.serviceDeclarations.forEach((declaration, i) => {
    if (declaration.node !== undefined && !nodes.has(declaration.node)) report(`$.serviceDeclarations[${i}].node`, `Noden "${declaration.node}" finns inte i organisationen`);
    declaration.indicators.forEach((indicator, j) => {
      if (!indicators.has(indicator)) report(`$.serviceDeclarations[${i}].indicators[${j}]`, `Styrtalet "${indicator}" finns inte i planen`);
    });
  });
  plan.strategyTable?.columns.forEach((column, i) => {
    if (column.node !== undefined && !nodes.has(column.node)) report(`$.strategyTable.columns[${i}].node`, `Noden "${column.node}" finns inte i organisationen`);
  });
  plan.outlooks.forEach((outlook, i) => {
    if (outlook.node !== undefined && !nodes.has(outlook.node)) report(`$.outlooks[${i}].node`, `Noden "${outlook.node}" finns inte i organisationen`);
  });
}

/** Each figure table's own checks and the nodes and tables it names (validate-table.ts). */
function checkTables(plan: PlanFile, nodes: Set<string>, report: Report): void {
  const scope = { nodes, tables: plan.budgetTables };
  const tables: FieldTable[] = [
    ...plan.volumeTables.map((table) => ({ field: 'volumeTables' as const, table })),
    ...plan.budgetTables.map((table) => ({ field: 'budgetTables' as const, table })),
    ...plan.capitalBudgets.map((table) => ({ field: 'capitalBudgets' as const, table })),
  ];
  const index = { volumeTables: 0, budgetTables: 0, capitalBudgets: 0 };
  for (const of of tables) {
    for (const problem of figureTableProblems(of, `$.${of.field}[${index[of.field]++}]`, scope)) report(problem.path, problem.message);
  }
}

/** Walks every rich-text field and refuses HTML outside the allowed set. */
function checkRichText(plan: PlanFile, report: Report): void {
  const check = (html: string | undefined, path: string) => {
    if (html !== undefined && !isAllowedRichText(html)) {
      report(path, 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)');
    }
  };
  plan.organisation.forEach((node, i) => check(node.description, `$.organisation[${i}].description`));
  plan.vision?.themes.forEach((theme, i) => check(theme.body, `$.vision.themes[${i}].body`));
  plan.strategies.forEach((s, i) => {
    check(s.text, `$.strategies[${i}].text`);
    check(s.how, `$.strategies[${i}].how`);
    s.comments.forEach((c, j) => check(c.text, `$.strategies[${i}].comments[${j}].text`));
  });
  plan.activityTables.forEach((t, i) => check(t.intro, `$.activityTables[${i}].intro`));
  plan.activities.forEach((a, i) => check(a.description, `$.activities[${i}].description`));
  plan.outlooks.forEach((o, i) => {
    check(o.description, `$.outlooks[${i}].description`);
    check(o.challenges, `$.outlooks[${i}].challenges`);
    check(o.opportunities, `$.outlooks[${i}].opportunities`);
  });
  plan.volumeTables.forEach((t, i) => t.notes.forEach((n, j) => check(n, `$.volumeTables[${i}].notes[${j}]`)));
  plan.budgetTables.forEach((t, i) => t.notes.forEach((n, j) => check(n, `$.budgetTables[${i}].notes[${j}]`)));
  plan.sections.forEach((s, i) => check(s.body, `$.sections[${i}].body`));
}

/** Follow-up (issue 6): a manual status needs a justification; references are numbers; analyses name a subject. */
function checkFollowUp(plan: PlanFile, report: Report): void {
  plan.indicators.forEach((indicator, i) =>
    indicator.actuals.forEach((actual, j) => {
      const path = `$.indicators[${i}].actuals[${j}]`;
      if (actual.status !== undefined && !actual.justification?.trim()) {
        report(`${path}.justification`, 'En status som sätts för hand kräver en motivering');
      }
      if (actual.reference !== undefined && parseFigure(actual.reference).value === null) {
        report(`${path}.reference`, `Referensvärdet "${actual.reference}" är inte ett tal`);
      }
    }),
  );
  const subjects = new Set<string>([
    ...plan.indicators.map((indicator) => indicator.key),
    ...plan.volumeTables.flatMap((table) => table.rows.map((row) => row.key)),
    ...plan.budgetTables.map((table) => table.key),
    ...plan.goals.map((goal) => goal.key),
  ]);
  plan.analyses.forEach((analysis, i) => {
    if (!subjects.has(analysis.subject)) {
      report(`$.analyses[${i}].subject`, `"${analysis.subject}" är inget styrtal, inget mål, ingen volymrad och ingen budgettabell i planen`);
    }
    if (!isAllowedRichText(analysis.text)) {
      report(`$.analyses[${i}].text`, 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)');
    }
  });
}
