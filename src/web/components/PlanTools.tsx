/**
 * Tools on the plan page: the plan as a document to download (PDF, Word, Excel, HTML), and for
 * ledning and admin the workflow steps (submit, reopen, adopt with the decision, archive).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, documentFormats, documentUrl, takeWorkflowStep, type AdoptionDecision, type PlanFile, type WorkflowStep } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFocusWhenShown } from '../use-focus-when-shown.ts';
import { LiveMessage, type Message } from './LiveMessage.tsx';

export function DocumentDownloads({ plan }: { plan: PlanFile }) {
  const { t } = useI18n();
  return (
    <section className="plan-tools plan-downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading" className="plan-tools__heading">
        {t.documents.heading}
      </h2>
      <ul className="download-list">
        {documentFormats.map((format) => (
          <li key={format}>
            <a className="button-link button-link--secondary" href={documentUrl(plan.plan.key, format)} download aria-label={t.documents.label(t.documents[format], plan.plan.title)} data-format={format}>
              {t.documents[format]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const stepsFrom: Record<PlanFile['plan']['status'], WorkflowStep[]> = {
  draft: ['submit'],
  submitted: ['reopen', 'adopt'],
  adopted: ['archive'],
  archived: [],
};

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The server's message and problems; null message when the texts' own words are needed (no answer). */
function errorText(error: unknown): { message: string | null; problems: string[] } {
  if (error instanceof ApiError && error.code !== 'network') return { message: error.message, problems: error.problems.map((p) => p.message) };
  return { message: null, problems: [] };
}

/** The plan's status and the steps the account may take from it; `onChanged` reloads the plan. */
export function WorkflowPanel({ plan, etag, onChanged }: { plan: PlanFile; etag: string | null; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const status = plan.plan.status;
  const [busy, setBusy] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [decision, setDecision] = useState<AdoptionDecision>({ date: today(), body: '', paragraph: '', caseNumber: '' });
  const messageRef = useRef<HTMLDivElement>(null);
  const adoptFirstField = useRef<HTMLInputElement>(null);
  useFocusWhenShown(adoptFirstField, adopting);

  const take = async (step: WorkflowStep, withDecision?: AdoptionDecision) => {
    if (busy || !etag) return;
    setBusy(true);
    setMessage(null);
    try {
      const sent = withDecision ? { ...withDecision, ...(withDecision.caseNumber?.trim() ? { caseNumber: withDecision.caseNumber.trim() } : { caseNumber: undefined }) } : undefined;
      await takeWorkflowStep(plan.plan.key, step, etag, sent);
      await onChanged();
      setAdopting(false);
      setMessage({ kind: 'done', text: (t) => t.workflow.done[step], problems: [] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone changed the plan meanwhile: read it again (new status and ETag) and let the reader decide.
        await onChanged().catch(() => undefined);
        setMessage({ kind: 'error', text: (t) => `${t.workflow.failed}: ${t.workflow.stale}`, problems: [] });
        return;
      }
      const { message, problems } = errorText(error);
      setMessage({ kind: 'error', text: (t) => `${t.workflow.failed}: ${message ?? t.errors.network}`, problems });
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const submitAdoption = (event: FormEvent) => {
    event.preventDefault();
    void take('adopt', decision);
  };

  const steps = stepsFrom[status];
  return (
    <section className="plan-tools workflow" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="plan-tools__heading">
        {t.workflow.heading}
      </h2>
      <p className="workflow__status" data-status={status}>
        {t.workflow.status(t.planStatus[status])}
      </p>
      <LiveMessage message={message} messageRef={messageRef} />
      {steps.length === 0 ? <p>{t.workflow.noSteps}</p> : null}
      <div className="button-row">
        {steps.map((step) =>
          step === 'adopt' ? (
            <button
              key={step}
              type="button"
              className="button"
              aria-expanded={adopting}
              aria-controls={`${id}-adopt`}
              onClick={() => setAdopting(!adopting)}
            >
              {t.workflow.adopt}
            </button>
          ) : (
            <button key={step} type="button" className={step === 'reopen' ? 'button button--secondary' : 'button'} aria-disabled={busy || undefined} onClick={() => void take(step)}>
              {t.workflow[step]}
            </button>
          ),
        )}
      </div>
      {steps.includes('adopt') ? (
        <form id={`${id}-adopt`} className="adopt-form" noValidate hidden={!adopting} onSubmit={submitAdoption} aria-labelledby={`${id}-adopt-heading`}>
          <h3 id={`${id}-adopt-heading`}>{t.workflow.adoptHeading}</h3>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t.workflow.decisionDate}</label>
            <input ref={adoptFirstField} id={`${id}-date`} type="date" required aria-required="true" value={decision.date} onChange={(e) => setDecision({ ...decision, date: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>{t.workflow.decisionBody}</label>
            <span id={`${id}-body-help`} className="field__help">
              {t.workflow.decisionBodyHelp}
            </span>
            <input id={`${id}-body`} required aria-required="true" aria-describedby={`${id}-body-help`} lang="sv" value={decision.body} onChange={(e) => setDecision({ ...decision, body: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-paragraph`}>{t.workflow.decisionParagraph}</label>
            <span id={`${id}-paragraph-help`} className="field__help">
              {t.workflow.decisionParagraphHelp}
            </span>
            <input id={`${id}-paragraph`} required aria-required="true" aria-describedby={`${id}-paragraph-help`} lang="sv" value={decision.paragraph} onChange={(e) => setDecision({ ...decision, paragraph: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-case`}>{t.workflow.decisionCaseNumber}</label>
            <input id={`${id}-case`} value={decision.caseNumber ?? ''} onChange={(e) => setDecision({ ...decision, caseNumber: e.target.value })} />
          </div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? t.workflow.working : t.workflow.adoptWithDecision}
          </button>
        </form>
      ) : null}
    </section>
  );
}
