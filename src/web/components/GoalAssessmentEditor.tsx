/**
 * Assessing one goal for the scorecard's period (issue 12, point 4): a status by hand in the
 * plan's words with why, or none (the indicators decide), and the responsible's comment, kept
 * with or without a status. The goal is read and saved whole with If-Match through the one
 * versioned save; a conflict is shown field by field. The rule of what is written is the domain's
 * (withAssessmentFor); the server says what it refuses (a status without a justification or comment).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { parseRich } from '../../documents/rich.ts';
import { assessmentLabel, withAssessmentFor, type AssessmentInput } from '../../domain/goal-assessment.ts';
import { goalAssessmentStatuses, type GoalAssessmentStatus } from '../../domain/plan-follow-up.ts';
import type { Goal } from '../../domain/plan.ts';
import { ApiError, getItem, putItem, type PlanFile } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useVersionedSave } from '../use-versioned-save.ts';
import { FieldConflict } from './FieldConflict.tsx';
import { LiveMessage, type Message } from './LiveMessage.tsx';
import { RichText } from './RichText.tsx';
import { LazyRichTextEditor } from './LazyRichTextEditor.tsx';

interface Props {
  plan: PlanFile['plan'];
  goalKey: string;
  period: string;
  /** Reloads the plan, so the scorecard shows the new assessment. */
  onSaved: () => Promise<void>;
  onClose: () => void;
}

interface Draft {
  status: GoalAssessmentStatus | '';
  justification: string;
  comment: string;
}

function draftOf(goal: Goal, period: string): Draft {
  const entry = goal.assessments?.find((candidate) => candidate.period === period);
  return { status: entry?.status ?? '', justification: entry?.justification ?? '', comment: entry?.comment ?? '' };
}

const inputOf = (draft: Draft): AssessmentInput => ({ ...(draft.status ? { status: draft.status } : {}), justification: draft.justification, comment: draft.comment });

export function GoalAssessmentEditor({ plan, goalKey, period, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [loaded, setLoaded] = useState<{ goal: Goal; etag: string } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { busy, conflict, conflictRef, save, keepMine, takeTheirs } = useVersionedSave<Goal>();
  const scale = plan.goalAssessment;
  const statuses = goalAssessmentStatuses.filter((status) => scale?.scale !== 'yes-no' || status !== 'partly-fulfilled');

  useEffect(() => {
    const controller = new AbortController();
    getItem<Goal>(plan.key, 'goals', goalKey, controller.signal).then(
      (read) => {
        setLoaded({ goal: read.data, etag: read.etag ?? '' });
        setDraft(draftOf(read.data, period));
        headingRef.current?.focus();
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setMessage({ kind: 'error', text: (m) => (error instanceof ApiError && error.message ? error.message : m.errors.unexpected), problems: [] });
      },
    );
    return () => controller.abort();
  }, [plan.key, goalKey, period]);

  const outcome = async (result: Awaited<ReturnType<typeof save>>) => {
    if (result.kind === 'saved') {
      setLoaded({ goal: result.saved.data, etag: result.saved.etag ?? '' });
      setDraft(draftOf(result.saved.data, period));
      setMessage({ kind: 'done', text: (m) => m.editor.saved, problems: [] });
      await onSaved();
    } else if (result.kind === 'refused') {
      const error = result.error;
      setMessage({
        kind: 'error',
        text: (m) => (error instanceof ApiError && error.message ? error.message : m.errors.unexpected),
        problems: error instanceof ApiError ? (error.problems ?? []).map((problem) => problem.message) : [],
      });
    }
    messageRef.current?.focus();
  };

  const submit = () => {
    if (!loaded || !draft || busy) return;
    const mineOn = (theirs: Goal) => withAssessmentFor(theirs, period, inputOf(draft));
    void save(() => putItem<Goal>(plan.key, 'goals', goalKey, mineOn(loaded.goal), loaded.etag), mineOn).then(outcome);
  };

  const label = (status: GoalAssessmentStatus | '') => (status ? assessmentLabel(scale, status) : t.scorecard.assessComputed);
  return (
    <section className="indicator-editor goal-assessment-editor" aria-labelledby={`${id}-heading`} data-assessment-editor={goalKey} onKeyDown={(event) => event.key === 'Escape' && !conflict && !busy && onClose()}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.scorecard.assessHeading(period)}
      </h3>
      {conflict ? (
        <FieldConflict
          id={`${id}-conflict`}
          heading={t.scorecard.assessConflict}
          text={t.scorecard.assessConflictText}
          version={conflict.version}
          headingRef={conflictRef}
          busy={busy}
          rows={(['status', 'justification', 'comment'] as const).map((field) => {
            const mine = draftOf(conflict.mine, period)[field];
            const theirs = draftOf(conflict.theirs, period)[field];
            const show = (value: string) => (field === 'status' ? label(value as Draft['status']) : field === 'comment' ? <RichText blocks={parseRich(value)} /> : value);
            return { field, label: t.scorecard.assessFields[field], mine: show(mine), theirs: show(theirs), differs: mine !== theirs };
          })}
          onKeepMine={() => void keepMine((current) => putItem<Goal>(plan.key, 'goals', goalKey, current.mine, current.etag), (theirs) => withAssessmentFor(theirs, period, inputOf(draft!)))?.then(outcome)}
          onTakeTheirs={() => {
            const current = takeTheirs();
            if (!current) return;
            setLoaded({ goal: current.theirs, etag: current.etag });
            setDraft(draftOf(current.theirs, period));
          }}
        />
      ) : draft ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor={`${id}-status`}>{t.scorecard.assessFields.status}</label>
          <select id={`${id}-status`} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as Draft['status'] })}>
            {(['', ...statuses] as const).map((status) => (
              <option key={status} value={status} lang={status ? 'sv' : undefined}>
                {label(status)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-justification`}>{t.scorecard.assessFields.justification}</label>
          <textarea id={`${id}-justification`} rows={2} aria-describedby={`${id}-justification-help`} value={draft.justification} onChange={(event) => setDraft({ ...draft, justification: event.target.value })} />
          <p id={`${id}-justification-help`} className="meta">
            {t.scorecard.assessJustificationHelp}
          </p>
          <LazyRichTextEditor id={`${id}-comment`} label={t.scorecard.assessFields.comment} value={draft.comment} onChange={(comment) => setDraft((current) => (current ? { ...current, comment } : current))} />
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? t.editor.saving : t.editor.save}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t.editor.cancel}
            </button>
          </div>
        </form>
      ) : null}
      <LiveMessage message={message} messageRef={messageRef} tagged />
    </section>
  );
}
