/**
 * One builder per kind of plan section: each turns the items a section includes into blocks of
 * the document view model, in the structure the seed documents print them. Sub-headings are
 * emitted with level 1 meaning "one below the section"; plan-view-model.ts places them.
 */
import { contributionSentence } from '../domain/goal-links.ts';
import { activityFieldText, isActivityTextField } from '../domain/activity-links.ts';
import type { PlanFile, Section } from '../domain/plan.ts';
import { needsLandscape } from './layout.ts';
import { parseRich, plainParagraph, plainText, prefixRich, richPlain, type RichBlock } from './rich.ts';
import { figureCell, maxPortraitColumns, textCell, type Block, type Cell, type Footnote, type TableBlock, type TableColumn, type TableRow } from './view-model.ts';
import { indicatorTableBlock } from './indicator-table.ts';

type Item<K extends keyof PlanFile> = PlanFile[K] extends Array<infer T> ? T : never;

/** What every builder may look up. */
export interface PlanContext {
  plan: PlanFile;
  nodeName(key: string | undefined): string | undefined;
  /** Footnotes by their printed mark; marks that tables print are recorded as used. */
  footnote(mark: string | undefined): Footnote | undefined;
}

/** The section's items: those it includes by key, in that order; all of them when it names none. */
export function selectItems<T>(section: Section, items: T[], keyOf: (item: T) => string): T[] {
  if (!section.include) return items;
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return section.include.map((key) => byKey.get(key)).filter((item): item is T => item !== undefined);
}

const byKey = (item: { key: string }) => item.key;

function richCell(html: string | undefined, extra: Partial<Cell> = {}): Cell {
  const rich = parseRich(html);
  return { text: richPlain(rich), rich, numeric: false, ...extra };
}

function table(options: Omit<TableBlock, 'kind' | 'footnotes' | 'notes' | 'wide'> & Partial<Pick<TableBlock, 'footnotes' | 'notes'>>): TableBlock {
  return { kind: 'table', footnotes: [], notes: [], wide: options.columns.length > maxPortraitColumns, ...options };
}

const columns = (...kinds: Array<TableColumn['kind']>): TableColumn[] => kinds.map((kind) => ({ kind }));

function footnotesOf(ctx: PlanContext, marks: Array<string | undefined>): Footnote[] {
  return marks.map((mark) => ctx.footnote(mark)).filter((note): note is Footnote => note !== undefined);
}

export function textSection(section: Section, ctx: PlanContext): Block[] {
  const body = parseRich(section.body);
  // A text section may include organisation nodes: their descriptions follow the body (units under "Uppdrag och organisation").
  const nodes = selectItems({ ...section, include: section.include ?? [] }, ctx.plan.organisation, byKey);
  const described = nodes.flatMap((node) => parseRich(node.description));
  const content = [...body, ...described];
  return content.length > 0 ? [{ kind: 'text', content }] : [];
}

export function visionSection(_section: Section, ctx: PlanContext): Block[] {
  const vision = ctx.plan.vision;
  if (!vision) return [];
  const blocks: Block[] = [{ kind: 'text', style: 'display', content: [plainParagraph(vision.title), ...(vision.horizon ? [plainParagraph(vision.horizon)] : [])] }];
  for (const theme of vision.themes) {
    blocks.push({ kind: 'heading', id: `vision-${theme.key}`, text: theme.name, level: 1, toc: false });
    if (theme.motto) blocks.push({ kind: 'text', style: 'motto', content: [plainParagraph(theme.motto, { italic: true })] });
    blocks.push({ kind: 'text', content: parseRich(theme.body) });
  }
  return blocks;
}

export function municipalGoalsSection(section: Section, ctx: PlanContext): Block[] {
  const goals = selectItems(section, ctx.plan.goals.filter((goal) => goal.level === 'municipal'), byKey);
  if (goals.length === 0) return [];
  const perspectives = ctx.plan.perspectives.filter((p) => goals.some((goal) => goal.perspective === p.number));
  // Goals without perspectives are a list, not a table under invented headings.
  if (perspectives.length === 0) return [{ kind: 'text', content: goals.map((goal) => plainParagraph(goalLine(goal))) }];
  const unplaced = goals.filter((goal) => !perspectives.some((p) => p.number === goal.perspective));
  const columnsOfGoals = perspectives.map((p) => goals.filter((goal) => goal.perspective === p.number));
  if (unplaced.length > 0) columnsOfGoals.push(unplaced);
  // A perspective's number is printed only where the plan prints it; goals outside the perspectives get a column without a heading.
  const header = [...perspectives.map((p) => textCell(p.numbered ? `${p.number} ${p.name}` : p.name)), ...(unplaced.length > 0 ? [textCell('')] : [])];
  const depth = Math.max(...columnsOfGoals.map((column) => column.length));
  const body: TableRow[] = Array.from({ length: depth }, (_, row) => ({
    role: 'data',
    cells: columnsOfGoals.map((column) => {
      const goal = column[row];
      return textCell(goal ? goalLine(goal) : '');
    }),
  }));
  return [table({ id: `${section.key}-tabell`, title: section.heading ?? 'Kommunens mål', columns: header.map(() => ({ kind: 'text' as const })), header: [header], body })];
}

export function committeeGoalsSection(section: Section, ctx: PlanContext): Block[] {
  // The goals the section names, of any level; without names, the goals below the municipality's.
  const goals = section.include ? selectItems(section, ctx.plan.goals, byKey) : ctx.plan.goals.filter((goal) => goal.level !== 'municipal');
  const parents = new Map(ctx.plan.goals.map((goal) => [goal.key, goal]));
  const blocks: Block[] = [];
  let currentParent: string | null | undefined;
  for (const goal of goals) {
    if (goal.parent !== currentParent) {
      currentParent = goal.parent;
      const parent = goal.parent ? parents.get(goal.parent) : undefined;
      if (parent) blocks.push({ kind: 'heading', id: `${section.key}-${parent.key}`, text: parentHeading(parent), level: 1, toc: false });
    }
    const text = [goal.number, goal.text, goal.measurement?.text].filter(Boolean).join(' ');
    blocks.push({ kind: 'text', content: [plainParagraph(text), ...parseRich(goal.description), ...contributionLines(goal, parents)] });
  }
  return blocks;
}

/**
 * The heading over a goal's sub-goals: a numbered goal by its number ("Mål 1:2", as Timrå prints
 * it), a prioritised area or an unnumbered goal by its own words ("1. Samverkan och innovation …").
 */
function parentHeading(parent: Item<'goals'>): string {
  if (parent.kind === 'priority-area' || parent.kind === 'assignment' || !parent.number) return goalLine(parent);
  return `Mål ${parent.number}`;
}

/** "1:2 Text": a goal's number (as the plan prints it) and wording. */
function goalLine(goal: Item<'goals'>): string {
  return [goal.number, goal.text].filter(Boolean).join(' ');
}

/** The goals a goal contributes to besides its parent, as the plan has them. */
function contributionLines(goal: Item<'goals'>, goals: Map<string, Item<'goals'>>): RichBlock[] {
  const sentence = contributionSentence(goal, goals);
  return sentence ? [plainParagraph(sentence)] : [];
}

export function indicatorsSection(section: Section, ctx: PlanContext): Block[] {
  const block = indicatorTableBlock(section, ctx, selectItems(section, ctx.plan.indicators, byKey));
  return block ? [block] : [];
}

export function municipalStrategiesSection(section: Section, ctx: PlanContext): Block[] {
  const strategies = selectItems(section, ctx.plan.strategies.filter((s) => s.scope === 'municipal'), byKey);
  const spec = ctx.plan.strategyTable;
  if (strategies.length === 0) return [];
  const commentColumns = spec?.columns ?? [];
  const header = [textCell(spec?.caption ?? 'Strategier för kommunen'), ...commentColumns.map((column) => textCell(column.label))];
  const body: TableRow[] = strategies.map((strategy) => ({
    role: 'data',
    cells: [
      textCell(strategy.name ?? plainText(strategy.text), { bold: true }),
      ...commentColumns.map((column) => richCell(strategy.comments.find((comment) => comment.column === column.key)?.text)),
    ],
  }));
  return [table({ id: `${section.key}-tabell`, title: spec?.caption ?? 'Strategier för kommunen', columns: [{ kind: 'label' }, ...commentColumns.map(() => ({ kind: 'text' as const }))], header: [header], body })];
}

export function serviceAreaStrategiesSection(section: Section, ctx: PlanContext): Block[] {
  const strategies = selectItems(section, ctx.plan.strategies.filter((s) => s.scope === 'service-area'), byKey);
  const content: RichBlock[] = [];
  for (const strategy of strategies) {
    const text = parseRich(strategy.text ?? strategy.name);
    content.push(...(strategy.number ? prefixRich([{ text: `${strategy.number}, ` }], text) : text));
    if (strategy.how) content.push(...prefixRich([{ text: 'Hur? ', bold: true }], parseRich(strategy.how)));
  }
  return content.length > 0 ? [{ kind: 'text', content }] : [];
}

export function outlooksSection(section: Section, ctx: PlanContext): Block[] {
  const outlooks = selectItems(section, ctx.plan.outlooks, byKey);
  const blocks: Block[] = [];
  for (const outlook of outlooks) {
    blocks.push({ kind: 'heading', id: `outlook-${outlook.key}`, text: outlook.label, level: 1, toc: false });
    const content = [...parseRich(outlook.description)];
    if (outlook.challenges) content.push(plainParagraph('Utmaningar', { bold: true }), ...parseRich(outlook.challenges));
    if (outlook.opportunities) content.push(plainParagraph('Möjligheter', { bold: true }), ...parseRich(outlook.opportunities));
    if (content.length > 0) blocks.push({ kind: 'text', content });
  }
  return blocks;
}

const activityFieldKind = {
  description: 'text',
  serviceArea: 'label',
  costEstimate: 'figure',
  investmentExpense: 'figure',
  incomeCost: 'figure',
  number: 'label',
  owner: 'label',
  indicators: 'label',
  goals: 'label',
} as const;

export function activitiesSection(section: Section, ctx: PlanContext): Block[] {
  const tables = selectItems(section, ctx.plan.activityTables, byKey);
  const blocks: Block[] = [];
  for (const spec of tables) {
    const activities = ctx.plan.activities.filter((activity) => activity.table === spec.key);
    const intro = parseRich(spec.intro);
    if (intro.length > 0) blocks.push({ kind: 'text', content: intro });
    if (activities.length === 0) continue;
    const header = [textCell(spec.caption, spec.captionFootnote ? { mark: spec.captionFootnote } : {}), ...spec.columns.map((column) => textCell(column.label))];
    const body: TableRow[] = activities.map((activity) => ({
      role: 'data',
      cells: [
        textCell(activity.name),
        ...spec.columns.map((column) =>
          column.field === 'description'
            ? richCell(activity.description)
            : isActivityTextField(column.field)
              ? textCell(activityFieldText(activity, column.field, ctx.plan))
              : figureCell(activity[column.field]),
        ),
      ],
    }));
    blocks.push(
      table({
        id: `${section.key}-${spec.key}`,
        title: spec.caption,
        columns: [{ kind: 'label' }, ...spec.columns.map((column) => ({ kind: activityFieldKind[column.field] }))],
        header: [header],
        body,
        footnotes: footnotesOf(ctx, [spec.captionFootnote]),
      }),
    );
  }
  return blocks;
}

export function serviceDeclarationsSection(section: Section, ctx: PlanContext): Block[] {
  const declarations = selectItems(section, ctx.plan.serviceDeclarations, byKey);
  if (declarations.length === 0) return [];
  const body: TableRow[] = declarations.map((declaration) => ({
    role: 'data',
    cells: [textCell(declaration.label), textCell(declaration.name), textCell(declaration.serviceArea ?? ctx.nodeName(declaration.node) ?? '')],
  }));
  return [
    table({
      id: `${section.key}-tabell`,
      title: section.heading ?? 'Servicedeklarationer',
      columns: columns('label', 'text', 'text'),
      header: [[textCell('Servicedeklaration'), textCell('Avser'), textCell('Tillhör verksamhet')]],
      body,
    }),
  ];
}

export function volumesSection(section: Section, ctx: PlanContext): Block[] {
  return selectItems(section, ctx.plan.volumeTables, byKey).map((volumes) =>
    table({
      id: `${section.key}-${volumes.key}`,
      title: [volumes.caption, ctx.nodeName(volumes.node)].filter(Boolean).join(' – '),
      columns: [{ kind: 'label' }, ...volumes.columns.map(() => ({ kind: 'figure' as const }))],
      header: [[textCell(volumes.caption), ...volumes.columns.map((column) => textCell(column.label))]],
      body: volumes.rows.map((row) => ({ role: 'data', cells: [textCell(row.label), ...volumes.columns.map((column) => figureCell(row.cells[column.key]))] })),
      notes: volumes.notes.flatMap((note) => parseRich(note)),
    }),
  );
}

export function budgetSection(section: Section, ctx: PlanContext, kind: 'operating' | 'external-income'): Block[] {
  const tables = selectItems(section, ctx.plan.budgetTables.filter((t) => t.kind === kind), byKey);
  const blocks: Block[] = [];
  for (const budget of tables) {
    if (budget.heading) blocks.push({ kind: 'heading', id: `${section.key}-${budget.key}`, text: budget.heading, level: 1, toc: false });
    blocks.push(budgetTable(section, ctx, budget));
  }
  return blocks;
}

/**
 * An economic table as the municipality prints it: its columns in order under their printed
 * headings, heading rows across the table, subtotals, totals and computed lines (Timrå's net) in
 * bold, every amount as printed. A table that states its precision gives the spreadsheet one
 * number format for all its amounts ("#,##0.0", shown "# ##0,0" in Swedish Excel); a column in
 * another unit ("%") keeps each figure's own.
 */
function budgetTable(section: Section, ctx: PlanContext, budget: Item<'budgetTables'>): TableBlock {
  const notes = [...budget.notes.flatMap((note) => parseRich(note)), ...(budget.rollup?.note ? [plainParagraph(budget.rollup.note)] : [])];
  const computed = computedRows(budget);
  const format: Partial<Cell> = budget.decimals === undefined ? {} : { decimals: budget.decimals, grouped: true };
  const width = budget.columns.length + 1;
  const block = table({
    id: `${section.key}-${budget.key}`,
    title: [budget.caption, budget.heading ?? ctx.nodeName(budget.node)].filter(Boolean).join(' – '),
    columns: [{ kind: 'label' }, ...budget.columns.map(() => ({ kind: 'figure' as const }))],
    header: [[textCell(budget.labelHeading ?? budget.caption), ...budget.columns.map((column) => textCell(column.label))]],
    body: budget.rows.map((row): TableRow => {
      if (row.kind === 'heading') return { role: 'group', cells: [textCell(row.label, { bold: true, colSpan: width })] };
      const total = computed.has(row.key);
      return { role: total ? 'total' : 'data', cells: [textCell(row.label, { bold: total }), ...budget.columns.map((column) => figureCell(row.cells[column.key], { ...(column.unit === undefined ? format : {}), bold: total }))] };
    }),
    notes,
  });
  // Landscape when wide: by its number of columns, or when its labels would break inside a word on a portrait page.
  return { ...block, wide: block.wide || needsLandscape(block) };
}

/** Rows the table computes from others and prints in bold: subtotals, totals, and the target of a relation down the rows (a net). */
function computedRows(budget: Item<'budgetTables'>): Set<string> {
  const sums = budget.rows.filter((row) => row.kind === 'subtotal' || row.kind === 'total').map((row) => row.key);
  const targets = budget.relations.flatMap((relation) => (relation.kind !== 'unit-total' && relation.axis === 'rows' ? [relation.target] : []));
  return new Set([...sums, ...targets]);
}

export function capitalBudgetSection(section: Section, ctx: PlanContext): Block[] {
  return selectItems(section, ctx.plan.capitalBudgets, byKey).map((capital) => {
    const body: TableRow[] = capital.rows.map((row) => ({ role: 'data', cells: [textCell(row.object), textCell(row.text), ...capital.columns.map((column) => figureCell(row.cells[column.key]))] }));
    if (capital.total) {
      const total = capital.total;
      body.push({ role: 'total', cells: [textCell(total.label, { bold: true, colSpan: 2 }), ...capital.columns.map((column) => figureCell(total.cells[column.key], { bold: true }))] });
    }
    return table({
      id: `${section.key}-${capital.key}`,
      title: capital.caption,
      columns: [{ kind: 'label' }, { kind: 'label' }, ...capital.columns.map(() => ({ kind: 'figure' as const }))],
      header: [
        [textCell(capital.caption, { colSpan: 2 }), ...capital.columns.map((column) => textCell(column.label, { rowSpan: 2 }))],
        [textCell(capital.objectCaption), textCell(capital.textCaption)],
      ],
      body,
    });
  });
}

export function resourcesSection(section: Section, ctx: PlanContext): Block[] {
  const holders = section.include ? ctx.plan.officeHolders.filter((h) => section.include!.includes(`${h.node}:${h.role}`) || section.include!.includes(h.node)) : ctx.plan.officeHolders;
  const content = [...parseRich(section.body), ...holders.map((holder) => plainParagraph(`${holder.role}: ${holder.name}`))];
  return content.length > 0 ? [{ kind: 'text', content }] : [];
}
