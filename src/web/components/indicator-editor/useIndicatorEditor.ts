/**
 * Loading and saving one indicator: read once with its version, saved with If-Match; a 412 keeps
 * both versions as a conflict for the reader to resolve, nothing is overwritten without asking.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { mayChangeContent } from '../../../domain/plan-lifecycle.ts';
import { ApiError, getIndicator, putIndicator, type Indicator, type PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { applyDraft, draftOf, newPeriodProblems, sameFollowUp, type Draft } from './draft.ts';
import type { Message } from '../LiveMessage.tsx';
import { useVersionedSave, type MineOn, type SaveOutcome } from '../../use-versioned-save.ts';

export function useIndicatorEditor(plan: PlanFile['plan'], indicatorKey: string, onSaved: () => Promise<void>) {
  const { t } = useI18n();
  // Targets are content, frozen on adoption; outcomes are follow-up (domain/plan-lifecycle.ts).
  const frozen = !mayChangeContent(plan.status);
  const [loaded, setLoaded] = useState<{ base: Indicator; etag: string } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [saves, setSaves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const versioned = useVersionedSave<Indicator>();
  const { busy, conflict, conflictRef } = versioned;

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

  // Targets and outcomes are what this editor changes: mine on a saved version is the saved indicator with mine.
  const mineOf = (indicator: Indicator): MineOn<Indicator> => (theirs) => ({ ...theirs, targets: indicator.targets, actuals: indicator.actuals });

  const settle = async (outcome: SaveOutcome<Indicator>, etag: string) => {
    if (outcome.kind === 'conflict') return;
    if (outcome.kind === 'saved') {
      setLoaded({ base: outcome.saved.data, etag: outcome.saved.etag ?? etag });
      setDraft(draftOf(outcome.saved.data));
      setSaves((n) => n + 1);
      await onSaved();
      setMessage({ kind: 'done', text: (t) => t.editor.saved, problems: [] });
      messageRef.current?.focus();
      return;
    }
    const caught = outcome.error;
    const frozenRefusal = caught instanceof ApiError && caught.code === 'frozen';
    // The plan was adopted meanwhile: read it again, so the editor shows its targets as locked.
    if (frozenRefusal) await onSaved().catch(() => undefined);
    const text = caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected;
    setMessage({ kind: 'error', text: (t) => (frozenRefusal ? `${t.editor.frozen} (${text})` : `${t.editor.failed}: ${text}`), problems: caught instanceof ApiError ? caught.problems.map((p) => `${p.path}: ${p.message}`) : [] });
    messageRef.current?.focus();
  };

  const save = async (indicator: Indicator, etag: string) => {
    setMessage(null);
    await settle(await versioned.save(() => putIndicator(plan.key, indicator, etag), mineOf(indicator)), etag);
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
    if (!conflict) return;
    const { mine, etag } = conflict;
    void versioned.keepMine((current) => putIndicator(plan.key, current.mine, current.etag), mineOf(mine))?.then((outcome) => settle(outcome, etag));
  };
  const takeTheirs = async () => {
    const current = versioned.takeTheirs();
    if (!current) return;
    setLoaded({ base: current.theirs, etag: current.etag });
    setDraft(draftOf(current.theirs));
    setSaves((n) => n + 1);
    await onSaved();
    headingRef.current?.focus();
  };

  return { frozen, loaded, loadError, draft, setDraft, busy, message, conflict, saves, headingRef, messageRef, conflictRef, submit, keepMine, takeTheirs };
}
