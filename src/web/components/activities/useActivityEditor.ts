/**
 * Saving one activity from its form: created (POST) or replaced with If-Match (PUT). A 412 keeps
 * both versions as a conflict for the reader to resolve; a 400 puts each problem by its field; a
 * 409 says why (frozen plan, in use). Nothing is overwritten without being asked. Deleting asks first.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { withFollowUpOnly } from '../../../domain/follow-up-changes.ts';
import { addActivity, removeActivity, saveActivity } from '../../activities-api.ts';
import { applyDraft, draftOf, sameActivity, type ActivityDraft } from '../../activities-draft.ts';
import { fieldOfProblem, type Activity } from '../../activities-view.ts';
import { ApiError, type Versioned } from '../../api.ts';
import type { Messages } from '../../i18n/index.tsx';
import { useVersionedSave, type MineOn, type SaveConflict, type SaveOutcome } from '../../use-versioned-save.ts';
import type { Message } from '../LiveMessage.tsx';

/** The saved activity and mine on top of it, field by field. */
export type ActivityConflict = SaveConflict<Activity>;

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
  const [message, setMessage] = useState<Message | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string[]>>({});
  const [confirming, setConfirming] = useState(false);
  const [saves, setSaves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const versioned = useVersionedSave<Activity>();
  const { busy, conflict, conflictRef } = versioned;

  useEffect(() => headingRef.current?.focus(), []);
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

  // On an adopted plan only the status is the reader's; the rest stays as saved (decision 0004).
  const mineOf = (activity: Activity): MineOn<Activity> => (theirs) => (frozen ? withFollowUpOnly('activities', theirs, activity) : activity);
  const asVersioned = (saved: { item: Activity; etag: string }): Versioned<Activity> => ({ data: saved.item, etag: saved.etag });

  const settle = async (outcome: SaveOutcome<Activity>, added: boolean) => {
    if (outcome.kind === 'conflict') return;
    if (outcome.kind === 'refused') return refuse(outcome.error);
    const saved = { item: outcome.saved.data, etag: outcome.saved.etag ?? '' };
    setBase(saved);
    setDraft(draftOf(saved.item));
    setFieldProblems({});
    setSaves((n) => n + 1);
    await onSaved();
    say({ kind: 'done', text: (t) => (added ? t.activities.added : t.activities.saved), problems: [] });
  };

  const save = async (activity: Activity, etag: string | null) => {
    setMessage(null);
    const write = async () => asVersioned(etag === null ? await addActivity(planKey, activity) : await saveActivity(planKey, activity, etag));
    await settle(await versioned.save(write, mineOf(activity)), etag === null);
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
    if (!conflict) return;
    const mine = conflict.mine;
    void versioned.keepMine(async (current) => asVersioned(await saveActivity(planKey, current.mine, current.etag)), mineOf(mine))?.then((outcome) => settle(outcome, false));
  };

  const takeTheirs = async () => {
    const current = versioned.takeTheirs();
    if (!current) return;
    setBase({ item: current.theirs, etag: current.etag });
    setDraft(draftOf(current.theirs));
    setSaves((n) => n + 1);
    await onSaved();
    headingRef.current?.focus();
    setMessage({ kind: 'done', text: (t) => t.activities.tookTheirs, problems: [] });
  };

  const remove = async () => {
    if (busy || base.etag === null) return;
    const etag = base.etag;
    await versioned.run(async () => {
      try {
        await removeActivity(planKey, base.item.key, etag);
        onDeleted(base.item.name);
      } catch (caught) {
        setConfirming(false);
        await refuse(caught, 'delete');
      }
    });
  };

  return { base, draft, setDraft, busy, message, fieldProblems, conflict, confirming, setConfirming, saves, headingRef, messageRef, conflictRef, confirmRef, submit, keepMine, takeTheirs, remove };
}
