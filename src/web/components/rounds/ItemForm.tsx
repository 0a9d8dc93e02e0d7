/**
 * One item of an assignment written in place: its assessment (where the item has one) and its
 * text, saved with the version it was read at. A save refused because someone else saved in
 * between shows both versions side by side (FieldConflict) and the reader chooses; nothing is
 * overwritten silently.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { assessmentNames, paragraphsOf } from '../../../domain/rounds/contributions.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { writeItem, type AssignmentItem } from '../../rounds-api.ts';
import { FieldConflict } from '../FieldConflict.tsx';
import { LiveMessage, type Message } from '../LiveMessage.tsx';

interface Value {
  text: string;
  assessment: string | null;
}

interface Conflict {
  theirs: Value;
  version: number;
}

interface Props {
  planKey: string;
  period: string;
  node: string;
  item: AssignmentItem;
  /** After a save: read the assignment again (what is missing, versions). */
  onSaved: () => Promise<void>;
}

export function ItemForm({ planKey, period, node, item, onSaved }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Value>({ text: item.text, assessment: item.assessment });
  const [version, setVersion] = useState(item.version);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);
  const names = assessmentNames[item.kind];

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async (value: Value, etagVersion: number) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await writeItem(planKey, period, node, item.key, value, `"${etagVersion}"`);
      setVersion(saved.data.version);
      setDraft({ text: saved.data.text, assessment: saved.data.assessment });
      setConflict(null);
      setMessage({ kind: 'done', text: (t) => t.rounds.assignment.saved(item.label), problems: [] });
      await onSaved();
    } catch (error) {
      const current = error instanceof ApiError && error.status === 412 ? (error.details as { current?: { version: number; item: Value | null } } | undefined)?.current : undefined;
      if (current) {
        setConflict({ theirs: current.item ?? { text: '', assessment: null }, version: current.version });
        return;
      }
      const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
      setMessage({ kind: 'error', text: (t) => `${t.rounds.assignment.failed}: ${text ?? t.errors.network}`, problems: error instanceof ApiError ? error.problems.map((p) => p.message) : [] });
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (draft.text === item.text && draft.assessment === item.assessment && version === item.version) {
      setMessage({ kind: 'done', text: (t) => t.rounds.assignment.unchanged, problems: [] });
      messageRef.current?.focus();
      return;
    }
    void save(draft, version);
  };

  const assessmentWords = (value: string | null) => (value ? (t.rounds.assignment.assessments[value] ?? value) : '–');
  return (
    <form className="item-form round-item__form" noValidate onSubmit={submit} aria-label={item.label}>
      {names ? (
        <div className="field">
          <label htmlFor={`${id}-assessment`}>{t.rounds.assignment.assessment}</label>
          <select id={`${id}-assessment`} value={draft.assessment ?? ''} aria-invalid={item.missing.length > 0 && !draft.assessment ? true : undefined} onChange={(event) => setDraft({ ...draft, assessment: event.target.value || null })}>
            <option value="">{t.rounds.assignment.chooseAssessment}</option>
            {Object.keys(names).map((value) => (
              <option key={value} value={value}>
                {assessmentWords(value)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-text`}>{t.rounds.assignment.text[item.kind]}</label>
        <span id={`${id}-help`} className="field__help">
          {t.rounds.assignment.textHelp}
        </span>
        <textarea id={`${id}-text`} rows={item.kind === 'activity' ? 2 : 5} lang="sv" aria-describedby={`${id}-help`} value={draft.text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? t.rounds.assignment.saving : t.rounds.assignment.save}
      </button>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {conflict ? (
        <FieldConflict
          id={`${id}-conflict`}
          heading={t.rounds.assignment.conflict.heading}
          text={t.rounds.assignment.conflict.text}
          version={conflict.version}
          rows={[
            ...(names ? [{ field: 'assessment', label: t.rounds.assignment.conflict.assessment_field, mine: assessmentWords(draft.assessment), theirs: assessmentWords(conflict.theirs.assessment), differs: draft.assessment !== conflict.theirs.assessment }] : []),
            { field: 'text', label: t.rounds.assignment.conflict.text_field, mine: <Paragraphs text={draft.text} />, theirs: <Paragraphs text={conflict.theirs.text} />, differs: draft.text !== conflict.theirs.text },
          ]}
          busy={busy}
          headingRef={conflictRef}
          onKeepMine={() => void save(draft, conflict.version)}
          onTakeTheirs={() => {
            setDraft(conflict.theirs);
            setVersion(conflict.version);
            setConflict(null);
            void onSaved();
          }}
        />
      ) : null}
    </form>
  );
}

/** Plain text with blank-line paragraphs, as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphsOf(text).map((paragraph, index) => (
        <p key={index} className="round-text">
          {paragraph}
        </p>
      ))}
    </>
  );
}
