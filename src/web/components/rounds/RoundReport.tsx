/**
 * A round's report and its steps: the documents (a draft until adopted, then built from the
 * frozen snapshot and public), and for ledning and admin submit (optionally with unfinished
 * assignments), reopen, and adopt with the decision.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { describeDecision } from '../../../domain/rounds/report-content.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { roundReportUrl, takeRoundStep, type Round, type RoundDecision, type RoundStep } from '../../rounds-api.ts';
import { useFocusWhenShown } from '../../use-focus-when-shown.ts';
import { LiveMessage, type Message } from '../LiveMessage.tsx';

const formats = ['pdf', 'docx', 'xlsx', 'html'] as const;

export function RoundDocuments({ round }: { round: Round }) {
  const { t } = useI18n();
  return (
    <ul className="download-list">
      {formats.map((format) => (
        <li key={format}>
          <a className="button-link button-link--secondary" href={roundReportUrl(round.plan, round.period, format)} download aria-label={t.rounds.report.label(t.rounds.report.formats[format]!, round.title)} data-format={format}>
            {t.rounds.report.formats[format]}
          </a>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  round: Round;
  etag: string | null;
  /** Whether the account may take the round's steps (ledning, admin over the plan's owner). */
  mayManage: boolean;
  onChanged: () => Promise<void>;
}

export function RoundReport({ round, etag, mayManage, onChanged }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [includeUnfinished, setIncludeUnfinished] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [decision, setDecision] = useState<RoundDecision>({ date: round.today, body: '', paragraph: '', caseNumber: '' });
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  useFocusWhenShown(firstField, adopting);
  const unfinished = round.assignments.some((assignment) => assignment.status !== 'done');

  const take = async (step: RoundStep) => {
    if (busy || !etag) return;
    setBusy(true);
    setMessage(null);
    try {
      const body = step === 'adopt' ? { decision: { ...decision, caseNumber: decision.caseNumber?.trim() || undefined } } : step === 'submit' && includeUnfinished ? { includeUnfinished: true } : {};
      await takeRoundStep(round.plan, round.period, step, etag, body);
      setAdopting(false);
      await onChanged();
      setMessage({ kind: 'done', text: (t) => t.rounds.workflow.done[step]!, problems: [] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await onChanged().catch(() => undefined);
        setMessage({ kind: 'error', text: (t) => `${t.rounds.workflow.failed}: ${t.rounds.workflow.stale}`, problems: [] });
      } else {
        const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
        setMessage({ kind: 'error', text: (t) => `${t.rounds.workflow.failed}: ${text ?? t.errors.network}`, problems: error instanceof ApiError ? error.problems.map((p) => p.message) : [] });
      }
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const submitAdoption = (event: FormEvent) => {
    event.preventDefault();
    void take('adopt');
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="plan-tools round-report">
      <h2 id={`${id}-heading`} className="plan-tools__heading">
        {t.rounds.report.heading}
      </h2>
      <p data-round-status={round.status}>{round.decision ? t.rounds.report.adopted(describeDecision(round.decision)) : t.rounds.report.draft}</p>
      <RoundDocuments round={round} />
      {mayManage && round.status !== 'adopted' ? (
        <>
          <h3>{t.rounds.workflow.heading}</h3>
          <LiveMessage message={message} messageRef={messageRef} tagged />
          {round.status === 'open' ? (
            <>
              {unfinished ? (
                <div className="checkbox">
                  <input id={`${id}-unfinished`} type="checkbox" checked={includeUnfinished} onChange={(event) => setIncludeUnfinished(event.target.checked)} />
                  <label htmlFor={`${id}-unfinished`}>{t.rounds.workflow.includeUnfinished}</label>
                </div>
              ) : null}
              <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void take('submit')}>
                {t.rounds.workflow.submit}
              </button>
            </>
          ) : null}
          {round.status === 'submitted' ? (
            <>
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  aria-expanded={adopting}
                  aria-controls={`${id}-adopt`}
                  onClick={() => setAdopting(!adopting)}
                >
                  {t.rounds.workflow.adopt}
                </button>
                <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void take('reopen')}>
                  {t.rounds.workflow.reopen}
                </button>
              </div>
              <form id={`${id}-adopt`} className="adopt-form item-form" noValidate hidden={!adopting} onSubmit={submitAdoption} aria-labelledby={`${id}-adopt-heading`}>
                <h4 id={`${id}-adopt-heading`}>{t.rounds.workflow.adoptHeading}</h4>
                <div className="field">
                  <label htmlFor={`${id}-date`}>{t.rounds.workflow.date}</label>
                  <input ref={firstField} id={`${id}-date`} type="date" required aria-required="true" value={decision.date} onChange={(event) => setDecision({ ...decision, date: event.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-body`}>{t.rounds.workflow.body}</label>
                  <span id={`${id}-body-help`} className="field__help">
                    {t.rounds.workflow.bodyHelp}
                  </span>
                  <input id={`${id}-body`} type="text" lang="sv" required aria-required="true" aria-describedby={`${id}-body-help`} value={decision.body} onChange={(event) => setDecision({ ...decision, body: event.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-paragraph`}>{t.rounds.workflow.paragraph}</label>
                  <span id={`${id}-paragraph-help`} className="field__help">
                    {t.rounds.workflow.paragraphHelp}
                  </span>
                  <input id={`${id}-paragraph`} type="text" lang="sv" required aria-required="true" aria-describedby={`${id}-paragraph-help`} value={decision.paragraph} onChange={(event) => setDecision({ ...decision, paragraph: event.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-case`}>{t.rounds.workflow.caseNumber}</label>
                  <input id={`${id}-case`} type="text" value={decision.caseNumber ?? ''} onChange={(event) => setDecision({ ...decision, caseNumber: event.target.value })} />
                </div>
                <button type="submit" className="button" aria-disabled={busy || undefined}>
                  {busy ? t.rounds.workflow.working : t.rounds.workflow.adoptWithDecision}
                </button>
              </form>
            </>
          ) : null}
        </>
      ) : (
        <LiveMessage message={message} messageRef={messageRef} tagged />
      )}
    </section>
  );
}
