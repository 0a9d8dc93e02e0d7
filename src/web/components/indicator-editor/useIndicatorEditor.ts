/**
 * Loading and saving one indicator: read once with its version, saved with If-Match; a 412 keeps
 * both versions as a conflict for the reader to resolve, nothing is overwritten without asking.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { mayChangeContent } from '../../../domain/plan-lifecycle.ts';
import { ApiError, getIndicator, putIndicator, type Indicator, type PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Conflict } from './ConflictView.tsx';
import { applyDraft, draftOf, newPeriodProblems, sameFollowUp, type Draft } from './draft.ts';
import type { Message } from '../LiveMessage.tsx';

export function useIndicatorEditor(plan: PlanFile['plan'], indicatorKey: string, onSaved: () => Promise<void>) {
  const { t } = useI18n();
  // Targets are content, frozen on adoption; outcomes are follow-up (domain/plan-lifecycle.ts).
  const frozen = !mayChangeContent(plan.status);
  const [loaded, setLoaded] = useState<{ base: Indicator; etag: string } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saves, setSaves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getIndicator(plan.key, indicatorKey, controller.signal).then(
      ({ data, etag }) => {
        if (controller.signal.aborted) return;
        // Without the version it was read at, a save could not say what it replaces: refuse to edit.
        if (!etag || !data) {
          setLoadError(new ApiError(0, 'unexpected', ''));
          return;
        }
        setLoaded({ base: data, etag });
        setDraft(draftOf(data));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', ''));
      },
    );
    return () => controller.abort();
    // Read once per indicator: switching language must not throw away what the reader typed.
  }, [plan.key, indicatorKey]);

  const isLoaded = loaded !== null;
  useEffect(() => {
    headingRef.current?.focus();
  }, [isLoaded]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async (indicator: Indicator, etag: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await putIndicator(plan.key, indicator, etag);
      setLoaded({ base: saved.data, etag: saved.etag ?? etag });
      setDraft(draftOf(saved.data));
      setConflict(null);
      setSaves((n) => n + 1);
      await onSaved();
      setMessage({ kind: 'done', text: (t) => t.editor.saved, problems: [] });
      messageRef.current?.focus();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        const current = (caught.details as { current?: { version: number; item: Indicator } } | undefined)?.current;
        if (current) {
          setConflict({ theirs: current.item, version: current.version, mine: indicator });
          return;
        }
      }
      const frozenRefusal = caught instanceof ApiError && caught.code === 'frozen';
      // The plan was adopted meanwhile: read it again, so the editor shows its targets as locked.
      if (frozenRefusal) await onSaved().catch(() => undefined);
      const text = caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected;
      setMessage({ kind: 'error', text: (t) => frozenRefusal ? `${t.editor.frozen} (${text})` : `${t.editor.failed}: ${text}`, problems: caught instanceof ApiError ? caught.problems.map((p) => `${p.path}: ${p.message}`) : [] });
      messageRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !loaded || !draft) return;
    const { base, etag } = loaded;
    const { invalid: newPeriodInvalid, duplicate: newPeriodDuplicate } = newPeriodProblems(base, draft);
    if (newPeriodInvalid || newPeriodDuplicate || (draft.newText.trim() !== '' && draft.newPeriod.trim() === '')) {
      setMessage({ kind: 'error', text: (t) => `${t.editor.failed}: ${newPeriodDuplicate ? t.editor.duplicatePeriod : t.editor.badPeriod}`, problems: [] });
      messageRef.current?.focus();
      return;
    }
    const next = applyDraft(base, draft, frozen);
    if (sameFollowUp(next, base)) {
      setMessage({ kind: 'done', text: (t) => t.editor.nothingChanged, problems: [] });
      return;
    }
    void save(next, etag);
  };

  const keepMine = () => {
    if (!conflict || busy) return;
    void save({ ...conflict.theirs, targets: conflict.mine.targets, actuals: conflict.mine.actuals }, `"${conflict.version}"`);
  };
  const takeTheirs = async () => {
    if (!conflict || busy) return;
    setLoaded({ base: conflict.theirs, etag: `"${conflict.version}"` });
    setDraft(draftOf(conflict.theirs));
    setConflict(null);
    setSaves((n) => n + 1);
    await onSaved();
    headingRef.current?.focus();
  };

  return { frozen, loaded, loadError, draft, setDraft, busy, message, conflict, saves, headingRef, messageRef, conflictRef, submit, keepMine, takeTheirs };
}
