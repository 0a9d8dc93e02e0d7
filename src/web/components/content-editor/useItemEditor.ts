/**
 * Loading, saving, adding and deleting one content item. Every write names the version it read
 * (If-Match); a 412 keeps both versions as a conflict for the reader to resolve, a 400 puts each
 * problem at its field, a 409 says the plan is frozen or the item is in use. Nothing is overwritten
 * and nothing changes on an error.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, createItem, deleteItem, getItem, putItem, type PlanFile } from '../../api.ts';
import { applyChanges, applyDraft, changedFields, draftOf, emptyItem, fieldOfProblem, itemsOf, missingRequired, newKey, partInfo, titleOf, type Draft, type Item } from '../../content-editor-model.ts';
import { fieldsOf } from '../../content-editor-fields.ts';
import { useI18n, type Messages } from '../../i18n/index.tsx';
import type { ContentPart } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { mayEditItem } from '../../content-editor-view.ts';
import { useVersionedSave } from '../../use-versioned-save.ts';
import type { Message } from '../LiveMessage.tsx';

export interface ItemEditorOptions {
  plan: PlanFile;
  part: ContentPart;
  /** null: a new item. */
  itemKey: string | null;
  /** The plan changed on the server (saved, added, deleted, frozen): read it again. */
  onChanged: () => Promise<void>;
  onCreated: (key: string) => void;
  onDeleted: (title: string) => void;
  /** The plan was adopted or archived meanwhile (409 frozen): the page says so and shows it read-only. */
  onFrozen: (serverText: string) => void;
}

type Loaded = { base: Item; etag: string | null };

export function useItemEditor({ plan, part, itemKey, onChanged, onCreated, onDeleted, onFrozen }: ItemEditorOptions) {
  const { t } = useI18n();
  const { user } = useSession();
  const fields = fieldsOf(part, plan);
  const { segment } = partInfo[part];
  const [loaded, setLoaded] = useState<Loaded | null>(itemKey === null ? { base: emptyItem(part), etag: null } : null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(itemKey === null ? draftOf(fields, emptyItem(part)) : null);
  const [message, setMessage] = useState<Message | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [saves, setSaves] = useState(0);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const versioned = useVersionedSave<Item>();
  const { busy, conflict, conflictRef } = versioned;

  useEffect(() => {
    if (itemKey === null) return;
    const controller = new AbortController();
    getItem<Item>(plan.plan.key, segment, itemKey, controller.signal).then(
      ({ data, etag }) => {
        if (controller.signal.aborted) return;
        setLoaded({ base: data, etag });
        setDraft(draftOf(fields, data));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', ''));
      },
    );
    return () => controller.abort();
    // Read once per item: a re-read plan or a language switch must not throw away what the reader typed.
  }, [plan.plan.key, segment, itemKey]);

  const say = (kind: Message['kind'], text: (t: Messages) => string, problems: string[] = []) => {
    setMessage({ kind, text, problems });
    messageRef.current?.focus();
  };

  /** The error of a write, said in words; problems of a 400 go to their fields. */
  const explain = (caught: unknown, item: Item) => {
    if (!(caught instanceof ApiError)) return say('error', (t) => `${t.contentEditor.failed}: ${t.errors.unexpected}`);
    const serverText = caught.message;
    if (caught.status === 400) {
      const byField: Record<string, string[]> = {};
      const other: string[] = [];
      for (const problem of caught.problems) {
        const field = fieldOfProblem(part, problem.path, item);
        const spec = fields.find((candidate) => candidate.name === field);
        if (spec) byField[spec.name] = [...(byField[spec.name] ?? []), problem.message];
        else other.push(problem.message);
      }
      setFieldErrors(byField);
      const listed = [...Object.entries(byField).map(([name, messages]) => `${fields.find((f) => f.name === name)!.label(t.contentEditor)}: ${messages.join(' ')}`), ...other];
      return say('error', (t) => t.contentEditor.invalid, listed.length > 0 ? listed : [serverText]);
    }
    if (caught.status === 409) {
      if (caught.code === 'frozen') return onFrozen(serverText);
      return say('error', (t) => `${t.contentEditor.inUse} (${serverText})`, caught.problems.map((p) => p.message));
    }
    if (caught.status === 403) return say('error', (t) => `${t.contentEditor.forbidden} (${serverText})`);
    return say('error', (t) => `${t.contentEditor.failed}: ${caught.code === 'network' ? t.errors.network : serverText}`);
  };

  /** The saved item shown as the base to edit from. */
  const saved = async (item: Item, etag: string | null, text: (t: Messages) => string) => {
    setLoaded({ base: item, etag });
    setDraft(draftOf(fields, item));
    setSaves((n) => n + 1);
    await onChanged();
    say('done', text);
  };

  const create = (item: Item) =>
    versioned.run(async () => {
      try {
        const created = await createItem<Item>(plan.plan.key, segment, item);
        await onChanged();
        onCreated(created.data.key);
      } catch (caught) {
        explain(caught, item);
      }
    });

  /** My changes of the draft made again on a saved version: what "keep mine" saves. */
  const mineOn = (read: Item, typed: Draft) => (theirs: Item) => applyChanges(fields, { read, onto: theirs, draft: typed });

  const put = async (item: Item, etag: string) => {
    if (!loaded || !draft) return;
    setMessage(null);
    setFieldErrors({});
    const outcome = await versioned.save(() => putItem<Item>(plan.plan.key, segment, item.key, item, etag), mineOn(loaded.base, draft));
    if (outcome.kind === 'saved') await saved(outcome.saved.data, outcome.saved.etag ?? etag, (t) => t.contentEditor.saved);
    else if (outcome.kind === 'conflict') setMessage(null);
    else explain(outcome.error, item);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !loaded || !draft) return;
    const missing = missingRequired(fields, draft);
    if (missing.length > 0) {
      setFieldErrors(Object.fromEntries(missing.map((field) => [field.name, [t.contentEditor.required]])));
      return say('error', (t) => t.contentEditor.invalid, missing.map((field) => `${field.label(t.contentEditor)}: ${t.contentEditor.required}`));
    }
    if (loaded.etag !== null && changedFields(fields, loaded.base, draft).length === 0) return say('done', (t) => t.contentEditor.nothingChanged);
    const item = applyDraft(fields, loaded.base, draft);
    // The server checks the organisation node before and after; say it here instead of sending a change it will refuse.
    if (!mayEditItem(user, plan, item)) return say('error', (t) => `${t.contentEditor.forbidden} ${t.contentEditor.readOnly.scope}`);
    if (loaded.etag === null) {
      item.key = newKey(part, item, itemsOf(part, plan).map((existing) => existing.key));
      void create(item);
    } else void put(item, loaded.etag);
  };

  const keepMine = () => {
    if (!loaded || !draft || !conflict) return;
    const read = loaded.base;
    const fallback = conflict.etag;
    void versioned
      .keepMine((current) => putItem<Item>(plan.plan.key, segment, current.mine.key, current.mine, current.etag), mineOn(read, draft))
      ?.then(async (outcome) => {
        if (outcome.kind === 'saved') await saved(outcome.saved.data, outcome.saved.etag ?? fallback, (t) => t.contentEditor.saved);
        else if (outcome.kind === 'refused') explain(outcome.error, read);
      });
  };

  const takeTheirs = () => {
    const current = versioned.takeTheirs();
    if (!current) return;
    void saved(current.theirs, current.etag, (t) => t.contentEditor.conflict.tookTheirs);
  };

  const remove = async () => {
    if (!loaded || loaded.etag === null || busy) return;
    const { base, etag } = loaded;
    await versioned.run(async () => {
      try {
        await deleteItem(plan.plan.key, segment, base.key, etag);
        setConfirmingDelete(false);
        await onChanged();
        onDeleted(titleOf(part, base));
      } catch (caught) {
        setConfirmingDelete(false);
        explain(caught, base);
      }
    });
  };

  return { fields, loaded, loadError, draft, setDraft, busy, message, fieldErrors, conflict, saves, confirmingDelete, setConfirmingDelete, messageRef, conflictRef, submit, keepMine, takeTheirs, remove };
}
