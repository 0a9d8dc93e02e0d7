/**
 * An assignment's status as an icon and words, never colour alone: not started (hollow circle),
 * in progress (half-filled), done (tick), sent back (a return arrow); overdue adds a red clock and
 * the word "Försenad".
 */
import type { ReactElement } from 'react';
import { useI18n } from '../../i18n/index.tsx';

const shapes: Record<string, ReactElement> = {
  'not-started': <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.6" />,
  'in-progress': (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.6" />
      <path d="M8 1.8a6.2 6.2 0 0 1 0 12.4z" stroke="none" />
    </>
  ),
  done: (
    <>
      <circle cx="8" cy="8" r="7" stroke="none" />
      <path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  'sent-back': <path d="M6 3L2.5 6.5 6 10M3 6.5h6.5a4 4 0 0 1 0 8H7" fill="none" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />,
  overdue: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.8" />
      <path d="M8 4.5V8l2.5 2" fill="none" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
};

function Icon({ name }: { name: string }) {
  return (
    <svg className={`round-icon round-icon--${name}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {shapes[name]}
    </svg>
  );
}

export function AssignmentStatus({ status, overdue }: { status: string; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <span className="assignment-status" data-status={status} data-overdue={overdue || undefined}>
      <span className={`assignment-status__state assignment-status--${status}`}>
        <Icon name={status} />
        <span>{t.rounds.status[status] ?? status}</span>
      </span>
      {overdue ? (
        <span className="assignment-status__overdue">
          <Icon name="overdue" />
          <span>{t.rounds.overdue}</span>
        </span>
      ) : null}
    </span>
  );
}
