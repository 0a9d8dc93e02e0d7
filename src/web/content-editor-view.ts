/**
 * What the content editor page shows, pure: whether the plan and each item can be edited by the
 * reader (the server's rules, shown ahead so nobody types into a form that will be refused), the
 * rows of a conflict (each field in both versions, with whether they differ), and audit values as
 * short text.
 */
import { plainText } from '../domain/rich-text-blocks.ts';
import { decide } from '../domain/access.ts';
import { changeScope } from '../domain/plan-lifecycle.ts';
import { mayEditItem as mayEdit } from './permissions.ts';
import type { PlanFile } from './api.ts';
import { fieldsOf } from './content-editor-fields.ts';
import { shorten, type Draft, type FieldSpec, type FieldValue, type Item, type Texts } from './content-editor-model.ts';
import type { ContentPart } from './router.tsx';
import type { User } from './session.tsx';

/** Why the page is read-only, or null when the reader may edit (some of) it. */
export type ReadOnlyReason = 'adopted' | 'archived' | 'anonymous' | 'role' | null;

export function readOnlyReason(plan: PlanFile['plan'], user: User | null | undefined): ReadOnlyReason {
  const scope = changeScope(plan.status);
  if (scope !== 'all') return scope === 'none' ? 'archived' : 'adopted';
  if (!user) return 'anonymous';
  // The role may edit content somewhere; where is the item's own question (mayEditItem).
  if (!decide(user, 'edit-content').allowed) return 'role';
  return null;
}

/** Whether the reader may change this item: role and scope as the server decides them (the item's node, else the plan owner's). */
export function mayEditItem(user: User | null | undefined, plan: PlanFile, item: Item): boolean {
  if (!user || readOnlyReason(plan.plan, user) !== null) return false;
  return mayEdit(user, plan, 'content', item);
}

/** Whether the reader is limited to part of the organisation (a scoped redaktör). */
export const isScoped = (user: User | null | undefined) => !!user && user.role !== 'admin' && user.unitKey !== null;

/** One field in the conflict view: both versions' values and whether they differ. */
export interface ConflictRow {
  field: FieldSpec;
  mine: FieldValue;
  theirs: FieldValue;
  differs: boolean;
}

export function conflictRows(fields: FieldSpec[], mine: Item, theirs: Item): ConflictRow[] {
  return fields.map((field) => {
    const a = field.read(mine);
    const b = field.read(theirs);
    return { field, mine: a, theirs: b, differs: JSON.stringify(a) !== JSON.stringify(b) };
  });
}

/** How the audit trail's field names ("text", "measurement", "comments") are shown: the form's label when there is one. */
export function auditFieldLabel(part: ContentPart, plan: PlanFile, texts: Texts): (field: string) => string {
  const specs = fieldsOf(part, plan);
  const named = texts.fields as Record<string, unknown>;
  return (field) => {
    const spec = specs.find((candidate) => candidate.name === field);
    if (spec) return spec.label(texts);
    const known = named[field];
    return typeof known === 'string' ? known : field;
  };
}

/** An audit value (a field before or after a change) as one short line of text. */
export function summarizeAuditValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return shorten(plainText(value, { oneLine: true }), 200);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return shorten(
      value
        .map((entry) => (entry && typeof entry === 'object' && 'text' in entry ? `${'column' in entry ? `${String(entry.column)}: ` : ''}${plainText(String(entry.text), { oneLine: true })}` : String(entry)))
        .join('; '),
      200,
    );
  }
  if (typeof value === 'object' && 'text' in value) return shorten(plainText(String((value as { text: unknown }).text), { oneLine: true }), 200);
  return shorten(JSON.stringify(value), 200);
}

/** Whether the draft differs from the item as read (unsaved changes). */
export function isDirty(fields: FieldSpec[], item: Item, draft: Draft): boolean {
  return fields.some((field) => JSON.stringify(draft[field.name] ?? '') !== JSON.stringify(field.read(item)));
}
