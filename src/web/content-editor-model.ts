/**
 * The content editor's model, pure: for each content part (goals, strategies, service declarations,
 * outlooks) its fields, how an item becomes a draft of field values and back — touching only the
 * fields the reader changed, so an item opened and saved unchanged stays byte for byte the same —
 * a new item's key, and which field a server problem ("$.measurement.text") belongs to.
 */
import type { PlanFile } from './api.ts';
import type { Messages } from './i18n/index.tsx';
import type { ContentPart } from './router.tsx';

export type Texts = Messages['contentEditor'];
/** One item of a content part, as the API sends and takes it (the whole item on PUT). */
export type Item = Record<string, unknown> & { key: string };
export type FieldValue = string | string[];
export type Draft = Record<string, FieldValue>;

export interface Option {
  value: string;
  label: string;
  /** Plan content (goal texts, node names) is Swedish whatever the app's language. */
  lang?: 'sv';
}

export type FieldKind = 'text' | 'textarea' | 'rich' | 'select' | 'checkboxes';

export interface FieldSpec {
  /** The draft's name of the field: "text", "measurement.method", "comments.sn". */
  name: string;
  kind: FieldKind;
  label: (t: Texts) => string;
  help?: (t: Texts) => string;
  required?: boolean;
  /** A fieldset the field is shown in (the goal's measurement, a strategy's comments). */
  group?: 'measurement' | 'comments';
  options?: (plan: PlanFile, t: Texts, item: Item) => Option[];
  read: (item: Item) => FieldValue;
  /** The item with this field set from the draft (the draft and the item as read are passed for fields built together). */
  write: (item: Item, value: FieldValue, draft: Draft, base: Item) => Item;
}

/** API segment, audit entity type and plan-file field of each part. */
export const partInfo: Record<ContentPart, { segment: string; entityType: string; planField: 'goals' | 'strategies' | 'serviceDeclarations' | 'outlooks'; keyPrefix: string }> = {
  goals: { segment: 'goals', entityType: 'goal', planField: 'goals', keyPrefix: 'mal' },
  strategies: { segment: 'strategies', entityType: 'strategy', planField: 'strategies', keyPrefix: 'strategi' },
  'service-declarations': { segment: 'service-declarations', entityType: 'service-declaration', planField: 'serviceDeclarations', keyPrefix: 'sd' },
  outlooks: { segment: 'outlooks', entityType: 'outlook', planField: 'outlooks', keyPrefix: 'ol' },
};

const asText = (value: FieldValue) => (Array.isArray(value) ? value.join(' ') : value);

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
  {
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
  },
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
    case 'strategies':
      return strategyFields(plan);
    case 'service-declarations':
      return serviceDeclarationFields;
    case 'outlooks':
      return outlookFields;
  }
}

/** The items of a part in a plan. */
export const itemsOf = (part: ContentPart, plan: PlanFile): Item[] => plan[partInfo[part].planField] as unknown as Item[];

/** A new, empty item of a part (the key is made from its text when it is saved). */
export function emptyItem(part: ContentPart): Item {
  switch (part) {
    case 'goals':
      return { key: '', level: 'committee', parent: null, text: '', measurement: null };
    case 'strategies':
      return { key: '', scope: 'service-area', comments: [] };
    case 'service-declarations':
      return { key: '', label: '', name: '', indicators: [] };
    case 'outlooks':
      return { key: '', label: '' };
  }
}

/** The form's values for an item. */
export function draftOf(fields: FieldSpec[], item: Item): Draft {
  return Object.fromEntries(fields.map((field) => [field.name, field.read(item)]));
}

const sameValue = (a: FieldValue | undefined, b: FieldValue) => JSON.stringify(a ?? '') === JSON.stringify(b);

/** The fields whose draft value differs from the item's. */
export function changedFields(fields: FieldSpec[], item: Item, draft: Draft): FieldSpec[] {
  return fields.filter((field) => !sameValue(draft[field.name], field.read(item)));
}

/** `base` with the fields the reader changed in the draft; unchanged fields keep their stored form exactly. */
export function applyDraft(fields: FieldSpec[], base: Item, draft: Draft): Item {
  return applyChanges(fields, { read: base, onto: base, draft });
}

/**
 * The reader's changes (the fields where the draft differs from the item as `read`) written onto
 * another version `onto`: "keep my changes" in a conflict keeps what someone else changed elsewhere.
 */
export function applyChanges(fields: FieldSpec[], options: { read: Item; onto: Item; draft: Draft }): Item {
  const { read, onto, draft } = options;
  return changedFields(fields, read, draft).reduce((item, field) => field.write(item, draft[field.name] ?? '', draft, onto), onto);
}

/** The required fields left empty. */
export function missingRequired(fields: FieldSpec[], draft: Draft): FieldSpec[] {
  return fields.filter((field) => field.required && asText(draft[field.name] ?? '').trim() === '');
}

/** A key from a text: lower case a–z, 0–9 and dashes ("Offentlig service:" → "offentlig-service"). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A new item's key: the part's prefix and its text, made unique among the keys in use ("ol-hemtjanst-2"). */
export function newKey(part: ContentPart, item: Item, taken: Iterable<string>): string {
  const source = [item.number, item.name, item.label, item.text].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
  const base = `${partInfo[part].keyPrefix}-${slugify(source ?? '') || 'ny'}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** What an item is called in lists, buttons and messages. */
export function titleOf(part: ContentPart, item: Item): string {
  const text = (value: unknown) => (typeof value === 'string' ? plainOf(value) : '');
  switch (part) {
    case 'goals':
      return [text(item.number), shorten(text(item.text), 120)].filter(Boolean).join(' ');
    case 'strategies':
      return [text(item.number), text(item.name) || shorten(text(item.text), 80)].filter(Boolean).join(' ') || item.key;
    case 'service-declarations':
      return [text(item.label), text(item.name)].filter(Boolean).join(': ');
    case 'outlooks':
      return text(item.label).replace(/:$/, '') || item.key;
  }
}

/** Plain text of restricted HTML, for titles and the history (no HTML parser needed for these tags). */
export function plainOf(html: string): string {
  return html
    .replace(/<\/(p|li)>|<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/**
 * The field a server problem is about: "$.measurement.text" (the item's schema) or
 * "$.goals[3].node" (the whole-plan check) → "node"; a comment by its index → "comments.<column>".
 */
export function fieldOfProblem(part: ContentPart, path: string, item: Item): string | null {
  let rest = path.replace(/^\$\.?/, '');
  const prefix = new RegExp(`^${partInfo[part].planField}\\[\\d+\\]\\.?`);
  rest = rest.replace(prefix, '');
  const comment = /^comments\[(\d+)\]/.exec(rest);
  if (comment) {
    const column = ((item.comments as Comment[] | undefined) ?? [])[Number(comment[1])]?.column;
    return column ? `comments.${column}` : null;
  }
  if (rest.startsWith('measurement')) return `measurement.${rest.split('.')[1] ?? 'text'}`;
  const name = /^[a-zA-Z]+/.exec(rest)?.[0];
  return name ?? null;
}
