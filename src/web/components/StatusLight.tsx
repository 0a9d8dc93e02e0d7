/**
 * A status light that never relies on colour alone: each status has its own shape (circle with a
 * tick, triangle with "!", octagon with a cross, hollow circle with a dash; for the statuses of
 * issue 12 a diamond with "?" for riktning saknas, a struck-through square for mått fanns inte,
 * a circle with pause bars for ej uppföljt, a circle with "i" for redovisas) and its words.
 */
import type { ReactElement } from 'react';
import type { Status } from '../../domain/status.ts';
import { useI18n } from '../i18n/index.tsx';

const shapes: Record<Status, ReactElement> = {
  green: (
    <>
      <circle cx="8" cy="8" r="7" />
      <path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  yellow: (
    <>
      <path d="M8 1.2l7 12.8H1z" strokeLinejoin="round" />
      <path d="M8 5.5v4" stroke="#1b1b1b" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="8" cy="12" r="1" fill="#1b1b1b" />
    </>
  ),
  red: (
    <>
      <path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" />
      <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  'not-measured': (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.6" />
      <path d="M5 8h6" strokeWidth="1.8" strokeLinecap="round" />
    </>
  ),
  'no-direction': (
    <>
      <path d="M8 1.2L14.8 8 8 14.8 1.2 8z" fill="none" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M6.3 6.3a1.8 1.8 0 1 1 2.4 1.7c-.5.2-.7.5-.7 1v.4" fill="none" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="11.3" r=".9" stroke="none" />
    </>
  ),
  'no-measure': (
    <>
      <rect x="2" y="2" width="12" height="12" rx="1.5" fill="none" strokeWidth="1.6" />
      <path d="M4.5 11.5l7-7" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  'not-followed-up': (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.6" />
      <path d="M6.5 5.5v5M9.5 5.5v5" strokeWidth="1.6" strokeLinecap="round" />
    </>
  ),
  reported: (
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" strokeWidth="1.6" />
      <path d="M8 7.3v4" strokeWidth="1.7" strokeLinecap="round" />
      <circle cx="8" cy="4.9" r=".95" stroke="none" />
    </>
  ),
};

export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className={`status-icon status-icon--${status}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {shapes[status]}
    </svg>
  );
}

/** Icon and words: "Grön – uppfyllt". */
export function StatusLight({ status, suffix }: { status: Status; suffix?: string }) {
  const { t } = useI18n();
  return (
    <span className={`status status--${status}`}>
      <StatusIcon status={status} />
      <span className="status__text">
        {t.status[status]}
        {suffix ? ` (${suffix})` : ''}
      </span>
    </span>
  );
}
