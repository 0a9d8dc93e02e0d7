/** The indicator's audit trail, behind a disclosure. */
import { useEffect, useId, useState } from 'react';
import { formatPeriod } from '../../../domain/format.ts';
import { ApiError, getAudit, type AuditEvent } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

function summarize(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value) && value.every((entry) => entry && typeof entry === 'object' && 'text' in entry)) {
    if (value.length === 0) return '–';
    return value.map((entry: { year?: number; period?: string; text: string }) => `${entry.year ?? (entry.period ? formatPeriod(entry.period) : '')}: ${entry.text}`).join('; ');
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The indicator's audit trail, read when the disclosure is opened. */
export function History({ planKey, indicatorKey, refresh }: { planKey: string; indicatorKey: string; refresh: number }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setError(null);
    getAudit({ plan: planKey, entityType: 'indicator', entityKey: indicatorKey }, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setEvents([...found].sort((a, b) => b.id - a.id));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof ApiError ? caught.message : '');
      },
    );
    return () => controller.abort();
  }, [open, planKey, indicatorKey, refresh]);
  return (
    <details className="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t.editor.history}</summary>
      {error ? (
        <p className="notice notice--error">{error || t.errors.unexpected}</p>
      ) : events === null ? (
        <p className="loading">{t.editor.historyLoading}</p>
      ) : events.length === 0 ? (
        <p>{t.editor.historyEmpty}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-history-caption`}>
          <table className="history__table">
            <caption id={`${id}-history-caption`}>{t.editor.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.editor.historyWhen}</th>
                <th scope="col">{t.editor.historyWho}</th>
                <th scope="col">{t.editor.historyWhat}</th>
                <th scope="col">{t.editor.historyReason}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{new Date(event.at).toLocaleString('sv-SE')}</td>
                  <td>{event.actor}</td>
                  <td lang="sv">
                    {t.editor.historyActions[event.action] ?? event.action}
                    {event.field ? ` ${t.editor.historyFields[event.field] ?? event.field}` : ''}
                    {event.action === 'update' ? (
                      <>
                        : <span className="history__before">{summarize(event.before)}</span> → <span className="history__after">{summarize(event.after)}</span>
                      </>
                    ) : null}
                  </td>
                  <td lang="sv">{event.reason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </details>
  );
}
