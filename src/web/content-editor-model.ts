/**
 * The content editor's model, pure: how an item of a content part (goals, strategies, service
 * declarations, outlooks) becomes a draft of field values and back — touching only the fields the
 * reader changed, so an item opened and saved unchanged stays byte for byte the same — a new item's
 * key and title, and which field a server problem ("$.measurement.text") belongs to. The fields of
 * each part are in content-editor-fields.ts.
 */
import { plainText } from '../domain/rich-text-blocks.ts';
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
export const partInfo: Record<ContentPart, { segment: string; entityType: string; planField: 'goals' | 'indicators' | 'strategies' | 'serviceDeclarations' | 'outlooks'; keyPrefix: string }> = {
  goals: { segment: 'goals', entityType: 'goal', planField: 'goals', keyPrefix: 'mal' },
  indicators: { segment: 'indicators', entityType: 'indicator', planField: 'indicators', keyPrefix: 'st' },
  strategies: { segment: 'strategies', entityType: 'strategy', planField: 'strategies', keyPrefix: 'strategi' },
  'service-declarations': { segment: 'service-declarations', entityType: 'service-declaration', planField: 'serviceDeclarations', keyPrefix: 'sd' },
  outlooks: { segment: 'outlooks', entityType: 'outlook', planField: 'outlooks', keyPrefix: 'ol' },
};

/** A field's value as one string (checkbox lists joined). */
export const asText = (value: FieldValue) => (Array.isArray(value) ? value.join(' ') : value);

/** The items of a part in a plan. */
export const itemsOf = (part: ContentPart, plan: PlanFile): Item[] => plan[partInfo[part].planField] as unknown as Item[];

/** A new, empty item of a part (the key is made from its text when it is saved). */
export function emptyItem(part: ContentPart): Item {
  switch (part) {
    case 'goals':
      return { key: '', level: 'committee', parent: null, text: '', measurement: null };
    case 'indicators':
      return { key: '', number: '', name: '', goal: null, measurement: null, targets: [], actuals: [] };
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

type Comment = { column: string; text: string };

/** A key from a text: lower case a–z, 0–9 and dashes ("Offentlig service:" → "offentlig-service"). */
export function slugify(text: string): string {
  return plainText(text, { oneLine: true })
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
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
  const text = (value: unknown) => (typeof value === 'string' ? plainText(value, { oneLine: true }) : '');
  switch (part) {
    case 'goals':
      return [text(item.number), shorten(text(item.text), 120)].filter(Boolean).join(' ');
    case 'indicators':
      return [text(item.number), text(item.name)].filter(Boolean).join(' ') || item.key;
    case 'strategies':
      return [text(item.number), text(item.name) || shorten(text(item.text), 80)].filter(Boolean).join(' ') || item.key;
    case 'service-declarations':
      return [text(item.label), text(item.name)].filter(Boolean).join(': ');
    case 'outlooks':
      return text(item.label).replace(/:$/, '') || item.key;
  }
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
