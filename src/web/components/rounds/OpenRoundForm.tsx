/**
 * Opening a round (ledning, admin): period, deadline, reminder days, what the units are asked to
 * write (starting from the period's default template) and free sections. The server checks
 * everything; its problems are shown at the form, and on success the round's page opens.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { readPeriod } from '../../../domain/period.ts';
import { templateParts, type TemplatePart } from '../../../domain/rounds/template.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { roundPaths } from '../../../domain/rounds/addresses.ts';
import { openRound } from '../../rounds-api.ts';
import { sectionsFromLines, startingTemplate } from '../../rounds-view.ts';
import { LiveMessage, type Message } from '../LiveMessage.tsx';

export function OpenRoundForm({ planKey, today }: { planKey: string; today: string }) {
  const { t } = useI18n();
  const id = useId();
  const [period, setPeriod] = useState('');
  const [deadline, setDeadline] = useState(today);
  const [reminderDays, setReminderDays] = useState('3');
  const [parts, setParts] = useState<TemplatePart[] | null>(null);
  const [sections, setSections] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const code = readPeriod(period) ?? period.trim();
  // Until the reader touches them, the parts and sections follow the typed period's default.
  const template = startingTemplate(code);
  const chosenParts = parts ?? template.parts;
  const sectionText = sections ?? template.sections.map((section) => section.heading).join('\n');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const days = Number(reminderDays);
      const opened = await openRound(planKey, { period: code, deadline, reminderDays: Number.isInteger(days) ? days : 3, template: { parts: chosenParts, sections: sectionsFromLines(sectionText) } });
      navigate(roundPaths.round(planKey, opened.data.period));
    } catch (error) {
      const problems = error instanceof ApiError ? error.problems.map((p) => p.message) : [];
      const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
      setMessage({ kind: 'error', text: (t) => `${t.rounds.open.failed}: ${text ?? t.errors.network}`, problems });
      messageRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="open-round">
      <h2 id={`${id}-heading`}>{t.rounds.open.heading}</h2>
      <p>{t.rounds.open.intro}</p>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      <form className="item-form open-round__form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t.rounds.open.period}</label>
          <span id={`${id}-period-help`} className="field__help">
            {t.rounds.open.periodHelp}
          </span>
          <input id={`${id}-period`} type="text" required aria-required="true" aria-describedby={`${id}-period-help`} value={period} onChange={(event) => setPeriod(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>{t.rounds.open.deadline}</label>
          <input id={`${id}-deadline`} type="date" required aria-required="true" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t.rounds.open.reminderDays}</label>
          <input id={`${id}-days`} type="number" min={0} max={60} inputMode="numeric" value={reminderDays} onChange={(event) => setReminderDays(event.target.value)} />
        </div>
        <fieldset className="open-round__parts">
          <legend>{t.rounds.open.parts}</legend>
          {templateParts.map((part) => (
            <div key={part} className="checkbox">
              <input
                id={`${id}-${part}`}
                type="checkbox"
                checked={chosenParts.includes(part)}
                onChange={(event) => setParts(event.target.checked ? [...chosenParts, part] : chosenParts.filter((chosen) => chosen !== part))}
              />
              <label htmlFor={`${id}-${part}`}>{t.rounds.open.partNames[part]}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-sections`}>{t.rounds.open.sections}</label>
          <span id={`${id}-sections-help`} className="field__help">
            {t.rounds.open.sectionsHelp}
          </span>
          <textarea id={`${id}-sections`} rows={3} lang="sv" aria-describedby={`${id}-sections-help`} value={sectionText} onChange={(event) => setSections(event.target.value)} />
        </div>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.rounds.open.working : t.rounds.open.submit}
        </button>
      </form>
    </section>
  );
}
