/**
 * An activity's audit trail behind a disclosure: who changed which field, from what to what.
 * A copy of indicator-editor/History.tsx for activities (its texts and summaries are the indicator's).
 */
import { useEffect, useId, useState } from 'react';
import { ApiError, getAudit, type AuditEvent, type PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { fieldValueText } from './field-values.ts';

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

export function ActivityHistory({ plan, activityKey, refresh }: { plan: PlanFile; activityKey: string; refresh: number }) {
  const { t } = useI18n();
  const a = t.activities;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setError(null);
    getAudit({ plan: plan.plan.key, entityType: 'activity', entityKey: activityKey }, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setEvents([...found].sort((x, y) => y.id - x.id));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof ApiError ? caught.message : '');
      },
    );
    return () => controller.abort();
  }, [open, plan.plan.key, activityKey, refresh]);
  const value = (field: string | null, raw: unknown) => shorten(fieldValueText(t, plan, field ?? '', raw));
  return (
    <details className="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{a.history}</summary>
      {error !== null ? (
        <p className="notice notice--error">{error || t.errors.unexpected}</p>
      ) : events === null ? (
        <p className="loading">{a.historyLoading}</p>
      ) : events.length === 0 ? (
        <p>{a.historyEmpty}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table className="history__table">
            <caption id={`${id}-caption`}>{a.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{a.historyWhen}</th>
                <th scope="col">{a.historyWho}</th>
                <th scope="col">{a.historyWhat}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{new Date(event.at).toLocaleString('sv-SE')}</td>
                  <td>{event.actor}</td>
                  <td lang="sv">
                    {a.historyActions[event.action] ?? event.action}
                    {event.field ? ` ${a.fieldNames[event.field] ?? event.field}` : ''}
                    {event.action === 'update' ? `: ${value(event.field, event.before)} → ${value(event.field, event.after)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </details>
  );
}
