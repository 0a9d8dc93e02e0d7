/**
 * Saving one activity from its form: created (POST) or replaced with If-Match (PUT). A 412 keeps
 * both versions as a conflict for the reader to resolve; a 400 puts each problem by its field; a
 * 409 says why (frozen plan, in use). Nothing is overwritten without being asked. Deleting asks first.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { addActivity, currentOf, etagOfVersion, removeActivity, saveActivity } from '../../activities-api.ts';
import { applyDraft, draftOf, sameActivity, type ActivityDraft } from '../../activities-draft.ts';
import { fieldOfProblem, type Activity } from '../../activities-view.ts';
import { ApiError } from '../../api.ts';
import type { Messages } from '../../i18n/index.tsx';
import type { Message } from '../LiveMessage.tsx';

export interface ActivityConflict {
  mine: Activity;
  theirs: Activity;
  version: number;
}

interface Options {
  planKey: string;
  /** The activity as read, with its ETag; a new activity has none yet. */
  initial: { item: Activity; etag: string | null };
  frozen: boolean;
  /** Reloads the page's activities (the table and the board). */
  onSaved: () => Promise<void>;
  onDeleted: (name: string) => void;
}

const errorText = (t: Messages, caught: unknown) =>
  caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected;

export function useActivityEditor({ planKey, initial, frozen, onSaved, onDeleted }: Options) {
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState<ActivityDraft>(() => draftOf(initial.item));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState<ActivityConflict | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [saves, setSaves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const say = (next: Message) => {
    setMessage(next);
    messageRef.current?.focus();
  };

  const refuse = async (caught: unknown, what: 'save' | 'delete' = 'save') => {
    const problems = caught instanceof ApiError ? caught.problems : [];
    const byField: Record<string, string[]> = {};
    const general: string[] = [];
    for (const problem of problems) {
      const field = fieldOfProblem(problem.path);
      if (field && field in draft) (byField[field] ??= []).push(problem.message);
      else general.push(`${problem.path}: ${problem.message}`);
    }
    setFieldProblems(byField);
    const frozenRefusal = caught instanceof ApiError && caught.code === 'frozen';
    // The plan was adopted meanwhile: read it again, so the form shows its fields as locked.
    if (frozenRefusal) await onSaved().catch(() => undefined);
    say({
      kind: 'error',
      text: (t) =>
        frozenRefusal
          ? t.activities.frozenRefused
          : caught instanceof ApiError && caught.status === 409
            ? t.activities.conflictRefused(caught.message)
            : `${what === 'delete' ? t.activities.deleteFailed : t.activities.failed}: ${errorText(t, caught)}${problems.length > 0 ? ` ${t.activities.problemsIntro}` : ''}`,
      problems: general,
    });
  };

  const save = async (activity: Activity, etag: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = etag === null ? await addActivity(planKey, activity) : await saveActivity(planKey, activity, etag);
      setBase(saved);
      setDraft(draftOf(saved.item));
      setConflict(null);
      setFieldProblems({});
      setSaves((n) => n + 1);
      await onSaved();
      say({ kind: 'done', text: (t) => (etag === null ? t.activities.added : t.activities.saved), problems: [] });
    } catch (caught) {
      const current = caught instanceof ApiError && caught.status === 412 ? currentOf(caught.details) : null;
      if (current) setConflict({ mine: activity, theirs: current.item, version: current.version });
      else await refuse(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const next = applyDraft(base.item, draft, frozen);
    if (base.etag !== null && sameActivity(next, base.item)) {
      say({ kind: 'done', text: (t) => t.activities.nothingChanged, problems: [] });
      return;
    }
    void save(next, base.etag);
  };

  const keepMine = () => {
    if (!conflict || busy) return;
    // On an adopted plan only the status is the reader's; the rest stays as saved (decision 0004).
    const mine = frozen ? applyDraft(conflict.theirs, { ...draftOf(conflict.theirs), status: conflict.mine.status ?? '' }, true) : conflict.mine;
    void save(mine, etagOfVersion(conflict.version));
  };

  const takeTheirs = async () => {
    if (!conflict || busy) return;
    setBase({ item: conflict.theirs, etag: etagOfVersion(conflict.version) });
    setDraft(draftOf(conflict.theirs));
    setConflict(null);
    setSaves((n) => n + 1);
    await onSaved();
    headingRef.current?.focus();
    setMessage({ kind: 'done', text: (t) => t.activities.tookTheirs, problems: [] });
  };

  const remove = async () => {
    if (busy || base.etag === null) return;
    setBusy(true);
    try {
      await removeActivity(planKey, base.item.key, base.etag);
      onDeleted(base.item.name);
    } catch (caught) {
      setConfirming(false);
      await refuse(caught, 'delete');
    } finally {
      setBusy(false);
    }
  };

  return { base, draft, setDraft, busy, message, fieldProblems, conflict, confirming, setConfirming, saves, headingRef, messageRef, conflictRef, confirmRef, submit, keepMine, takeTheirs, remove };
}
