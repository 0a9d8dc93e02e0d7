/**
 * The fields of each content part, in form order: how each is read from an item into the form and
 * written back. A goal's measurement is four fields built into one object (its printed sentence
 * written from the parts as the seeds print it); a strategy has a comment per strategy-table column.
 */
import type { PlanFile } from './api.ts';
import { asText, shorten, type Draft, type FieldKind, type FieldSpec, type Item, type Option, type Texts } from './content-editor-model.ts';
import type { ContentPart } from './router.tsx';

/** Sets or (when empty) removes an optional top-level field. */
function setOptional(item: Item, name: string, value: string | undefined): Item {
  const next: Item = { ...item };
  if (value === undefined || value === '') delete next[name];
  else next[name] = value;
  return next;
}

/** A plain optional (or required) text field of the item itself. */
function textField(name: string, label: (t: Texts) => string, options: Partial<FieldSpec> = {}): FieldSpec {
  return {
    name,
    kind: 'text',
    label,
    read: (item) => (typeof item[name] === 'string' ? (item[name] as string) : ''),
    write: (item, value) => (options.required ? { ...item, [name]: asText(value).trim() } : setOptional(item, name, asText(value).trim())),
    ...options,
  };
}

/** A rich-text field: the editor's HTML as it is ("" when empty: the field is left out). */
function richField(name: string, label: (t: Texts) => string): FieldSpec {
  return { name, kind: 'rich', label, read: (item) => (typeof item[name] === 'string' ? (item[name] as string) : ''), write: (item, value) => setOptional(item, name, asText(value)) };
}

const nodeOptions = (plan: PlanFile, t: Texts): Option[] => [{ value: '', label: t.none }, ...plan.organisation.map((node) => ({ value: node.key, label: node.name, lang: 'sv' as const }))];

const nodeField: FieldSpec = { ...textField('node', (t) => t.fields.node), kind: 'select', options: nodeOptions };

// ---- Goals: the measurement is four fields built into one object -------------------------------

type Measurement = { text: string; method?: string; responsible?: string; frequency?: string };
const measurementParts = ['method', 'responsible', 'frequency'] as const;

/** The measurement sentence as the seeds print it: "Mäts genom X. Enhetschef mäter en gång per år." */
export function composeMeasurementText(parts: { method?: string; responsible?: string; frequency?: string }): string {
  const sentences: string[] = [];
  if (parts.method) sentences.push(`Mäts genom ${parts.method}.`);
  if (parts.responsible) sentences.push(`${parts.responsible.charAt(0).toUpperCase()}${parts.responsible.slice(1)} mäter${parts.frequency ? ` ${parts.frequency}` : ''}.`);
  else if (parts.frequency) sentences.push(`Mäts ${parts.frequency}.`);
  return sentences.join(' ');
}

/**
 * The goal's measurement from the draft's four fields: null when all are empty; the printed text
 * written from the parts when it is left empty, or when it was the sentence written from the old parts.
 */
export function measurementFrom(draft: Draft, before: Measurement | null): Measurement | null {
  const value = (name: string) => asText(draft[`measurement.${name}`] ?? '').trim();
  const parts = Object.fromEntries(measurementParts.map((name) => [name, value(name)]).filter(([, text]) => text !== '')) as Omit<Measurement, 'text'>;
  let text = value('text');
  const wasComposed = before !== null && before.text === composeMeasurementText(before);
  if (text === '' || (wasComposed && text === before.text)) text = composeMeasurementText(parts);
  if (text === '' && Object.keys(parts).length === 0) return null;
  return { text, ...parts };
}

const measurementField = (sub: 'text' | (typeof measurementParts)[number], label: (t: Texts) => string, kind: FieldKind = 'text'): FieldSpec => ({
  name: `measurement.${sub}`,
  kind,
  label,
  group: 'measurement',
  help: sub === 'text' ? (t) => t.fields.measurementTextHelp : undefined,
  read: (item) => ((item.measurement as Measurement | null | undefined)?.[sub] ?? ''),
  write: (item, _value, draft, base) => ({ ...item, measurement: measurementFrom(draft, (base.measurement as Measurement | null | undefined) ?? null) }),
});

/** The perspective (perspektiv) a goal or indicator belongs to. */
const perspectiveField: FieldSpec = {
    name: 'perspective',
    kind: 'select',
    label: (t) => t.fields.perspective,
    options: (plan, t) => [{ value: '', label: t.none }, ...plan.perspectives.map((p) => ({ value: String(p.number), label: `${p.number} ${p.name}`, lang: 'sv' as const }))],
    read: (item) => (item.perspective === undefined ? '' : String(item.perspective)),
    write: (item, value) => {
      const next: Item = { ...item };
      if (asText(value) === '') delete next.perspective;
      else next.perspective = Number(value);
      return next;
    },
  };

// ---- A goal's plan-local part (issue 12): kind, description, the goals it contributes to --------

type Link = { goal: string; link: 'direct' | 'indirect' };
const goalKinds = ['goal', 'assignment', 'priority-area'] as const;

/** The goals above this one it contributes to directly, or indirectly: one checkbox list per kind of link. */
function contributionField(link: Link['link']): FieldSpec {
  return {
    name: `contributesTo.${link}`,
    kind: 'checkboxes',
    label: (t) => (link === 'direct' ? t.fields.contributesDirectly : t.fields.contributesIndirectly),
    options: (plan, _t, item) =>
      plan.goals.filter((goal) => goal.key !== item.key).map((goal) => ({ value: goal.key, label: shorten(`${goal.number ? `${goal.number} ` : ''}${goal.text}`, 90), lang: 'sv' as const })),
    read: (item) => ((item.contributesTo as Link[] | undefined) ?? []).filter((entry) => entry.link === link).map((entry) => entry.goal),
    write: (item, value) => {
      const chosen = Array.isArray(value) ? value : [];
      const kept = ((item.contributesTo as Link[] | undefined) ?? []).filter((entry) => entry.link !== link && !chosen.includes(entry.goal));
      const links = [...kept, ...chosen.map((goal) => ({ goal, link }))];
      const next: Item = { ...item };
      if (links.length === 0) delete next.contributesTo;
      else next.contributesTo = links;
      return next;
    },
  };
}

const goalDetailFields: FieldSpec[] = [
  {
    ...textField('kind', (t) => t.fields.goalKind),
    kind: 'select',
    options: (_plan, t) => [{ value: '', label: t.goalKinds.goal }, ...goalKinds.filter((kind) => kind !== 'goal').map((kind) => ({ value: kind, label: t.goalKinds[kind] }))],
  },
  richField('description', (t) => t.fields.description),
  contributionField('direct'),
  contributionField('indirect'),
];

const goalFields: FieldSpec[] = [
  textField('number', (t) => t.fields.number),
  {
    name: 'level',
    kind: 'select',
    label: (t) => t.fields.level,
    required: true,
    options: (_plan, t) => (Object.keys(t.levels) as Array<keyof Texts['levels']>).map((level) => ({ value: level, label: t.levels[level] })),
    read: (item) => String(item.level ?? ''),
    write: (item, value) => ({ ...item, level: asText(value) }),
  },
  perspectiveField,
  {
    name: 'parent',
    kind: 'select',
    label: (t) => t.fields.parent,
    options: (plan, t, item) => [
      { value: '', label: t.none },
      ...plan.goals.filter((goal) => goal.key !== item.key).map((goal) => ({ value: goal.key, label: shorten(`${goal.number ? `${goal.number} ` : ''}${goal.text}`, 90), lang: 'sv' as const })),
    ],
    read: (item) => (typeof item.parent === 'string' ? item.parent : ''),
    write: (item, value) => ({ ...item, parent: asText(value) === '' ? null : asText(value) }),
  },
  { ...textField('text', (t) => t.fields.text, { required: true }), kind: 'textarea' },
  measurementField('method', (t) => t.fields.method),
  measurementField('responsible', (t) => t.fields.responsible),
  measurementField('frequency', (t) => t.fields.frequency),
  measurementField('text', (t) => t.fields.measurementText, 'textarea'),
  nodeField,
  ...goalDetailFields,
];

// ---- Indicators: what is measured and how; targets and actuals are edited on the scorecard ------

const directions = ['higher-better', 'lower-better', 'closer-better'] as const;

const indicatorFields: FieldSpec[] = [
  textField('number', (t) => t.fields.number, { required: true }),
  textField('name', (t) => t.fields.indicatorName, { required: true, help: (t) => t.fields.targetsElsewhere }),
  {
    name: 'goal',
    kind: 'select',
    label: (t) => t.fields.goal,
    options: (plan, t) => [{ value: '', label: t.none }, ...plan.goals.map((goal) => ({ value: goal.key, label: shorten(`${goal.number ? `${goal.number} ` : ''}${goal.text}`, 90), lang: 'sv' as const }))],
    read: (item) => (typeof item.goal === 'string' ? item.goal : ''),
    write: (item, value) => ({ ...item, goal: asText(value) === '' ? null : asText(value) }),
  },
  perspectiveField,
  textField('appliesTo', (t) => t.fields.appliesTo),
  textField('owner', (t) => t.fields.owner),
  textField('unit', (t) => t.fields.unit),
  {
    ...textField('direction', (t) => t.fields.direction),
    kind: 'select',
    options: (_plan, t) => [{ value: '', label: t.none }, ...directions.map((direction) => ({ value: direction, label: t.directions[direction] }))],
  },
  textField('tolerance', (t) => t.fields.tolerance, { help: (t) => t.fields.toleranceHelp }),
  { ...textField('definition', (t) => t.fields.definition), kind: 'textarea' },
  measurementField('method', (t) => t.fields.method),
  measurementField('responsible', (t) => t.fields.responsible),
  measurementField('frequency', (t) => t.fields.frequency),
  measurementField('text', (t) => t.fields.measurementText, 'textarea'),
  textField('source', (t) => t.fields.source),
  {
    ...textField('measure', (t) => t.fields.measure, { help: (t) => t.fields.measureHelp }),
    kind: 'select',
    options: (plan, t) => [{ value: '', label: t.none }, ...(plan.measures ?? []).map((measure) => ({ value: measure.key, label: measure.name, lang: 'sv' as const }))],
  },
  {
    ...textField('kind', (t) => t.fields.indicatorKind),
    kind: 'select',
    options: (_plan, t) => [{ value: '', label: t.indicatorKinds.indicator }, { value: 'criterion', label: t.indicatorKinds.criterion }],
  },
];

// ---- Strategies: a comment per column of the plan's strategy table ------------------------------

type Comment = { column: string; text: string };

function commentField(column: { key: string; label: string }, order: string[]): FieldSpec {
  return {
    name: `comments.${column.key}`,
    kind: 'rich',
    group: 'comments',
    label: (t) => t.fields.comment(column.label),
    read: (item) => ((item.comments as Comment[] | undefined) ?? []).find((comment) => comment.column === column.key)?.text ?? '',
    write: (item, value) => {
      const others = ((item.comments as Comment[] | undefined) ?? []).filter((comment) => comment.column !== column.key);
      const comments = asText(value) === '' ? others : [...others, { column: column.key, text: asText(value) }];
      const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
      return { ...item, comments: comments.sort((a, b) => rank(a.column) - rank(b.column)) };
    },
  };
}

function strategyFields(plan: PlanFile): FieldSpec[] {
  const columns = plan.strategyTable?.columns ?? [];
  return [
    {
      name: 'scope',
      kind: 'select',
      label: (t) => t.fields.scope,
      required: true,
      options: (_plan, t) => (Object.keys(t.scopes) as Array<keyof Texts['scopes']>).map((scope) => ({ value: scope, label: t.scopes[scope] })),
      read: (item) => String(item.scope ?? ''),
      write: (item, value) => ({ ...item, scope: asText(value) }),
    },
    textField('number', (t) => t.fields.number),
    textField('name', (t) => t.fields.name),
    richField('text', (t) => t.fields.strategyText),
    richField('how', (t) => t.fields.how),
    ...columns.map((column) => commentField(column, columns.map((c) => c.key))),
  ];
}

// ---- Service declarations and outlooks ----------------------------------------------------------

const serviceDeclarationFields: FieldSpec[] = [
  textField('label', (t) => t.fields.label, { required: true }),
  textField('name', (t) => t.fields.name, { required: true }),
  textField('serviceArea', (t) => t.fields.serviceArea),
  nodeField,
  {
    name: 'indicators',
    kind: 'checkboxes',
    label: (t) => t.fields.indicators,
    options: (plan) => plan.indicators.map((indicator) => ({ value: indicator.key, label: `${indicator.number} ${indicator.name}`, lang: 'sv' as const })),
    read: (item) => (Array.isArray(item.indicators) ? (item.indicators as string[]) : []),
    write: (item, value) => ({ ...item, indicators: Array.isArray(value) ? value : [] }),
  },
];

const outlookFields: FieldSpec[] = [
  textField('label', (t) => t.fields.label, { required: true }),
  nodeField,
  richField('description', (t) => t.fields.description),
  richField('challenges', (t) => t.fields.challenges),
  richField('opportunities', (t) => t.fields.opportunities),
];

/** The fields of a part, in form order. */
export function fieldsOf(part: ContentPart, plan: PlanFile): FieldSpec[] {
  switch (part) {
    case 'goals':
      return goalFields;
    case 'indicators':
      return indicatorFields;
    case 'strategies':
      return strategyFields(plan);
    case 'service-declarations':
      return serviceDeclarationFields;
    case 'outlooks':
      return outlookFields;
  }
}
