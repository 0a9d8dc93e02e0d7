/** The polite live region under a form: the outcome of the last action, with the server's problems. */
import type { Ref } from 'react';
import { useI18n, type Messages } from '../i18n/index.tsx';

export interface Message {
  kind: 'done' | 'error';
  text: (t: Messages) => string;
  problems: string[];
}

/** `tagged` marks the notice with data-message (its kind), for the editor's tests. */
export function LiveMessage({ message, messageRef, tagged = false }: { message: Message | null; messageRef: Ref<HTMLDivElement>; tagged?: boolean }) {
  const { t } = useI18n();
  return (
    <div ref={messageRef} tabIndex={-1} className="live-message" aria-live="polite" aria-atomic="true">
      {message ? (
        <div className={`notice ${message.kind === 'error' ? 'notice--error' : 'notice--success'}`} data-message={tagged ? message.kind : undefined}>
          <p>{message.text(t)}</p>
          {message.problems.length > 0 ? (
            <ul>
              {message.problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
