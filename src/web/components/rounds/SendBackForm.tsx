/** A controller's "Skicka tillbaka" with a comment: a button that opens a small form in place. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { sendBack } from '../../rounds-api.ts';
import { useFocusWhenShown } from '../../use-focus-when-shown.ts';
import { LiveMessage, type Message } from '../LiveMessage.tsx';

interface Props {
  planKey: string;
  period: string;
  node: string;
  nodeName: string;
  /** The assignment's version (ETag). */
  etag: string;
  /** After sending back: read again and say so (the form leaves with the done status, so the caller says it). */
  onSent: (nodeName: string) => Promise<void>;
}

export function SendBackForm({ planKey, period, node, nodeName, etag, onSent }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useFocusWhenShown(fieldRef, open);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await sendBack(planKey, period, node, comment, etag);
      setOpen(false);
      setComment('');
      setBusy(false);
      await onSent(nodeName);
    } catch (error) {
      const problems = error instanceof ApiError ? error.problems.map((p) => p.message) : [];
      const text = error instanceof ApiError ? error.message : '';
      setMessage({ kind: 'error', text: (t) => `${t.rounds.sendBack.failed}: ${text || t.errors.network}`, problems });
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  return (
    <div className="send-back">
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
      >
        {t.rounds.sendBack.open(nodeName)}
      </button>
      <form id={`${id}-form`} hidden={!open} className="send-back__form item-form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t.rounds.sendBack.comment}</label>
          <textarea ref={fieldRef} id={`${id}-comment`} rows={3} lang="sv" required aria-required="true" value={comment} onChange={(event) => setComment(event.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t.rounds.sendBack.submit}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
            {t.rounds.sendBack.cancel}
          </button>
        </div>
      </form>
      <LiveMessage message={message} messageRef={messageRef} />
    </div>
  );
}
