/**
 * The audit trail of one item of any plan part, behind a disclosure, newest first. A generic
 * sibling of the indicator editor's History (which is tied to indicators and their texts): the
 * entity type and how a field is named come in as props.
 */
import { useEffect, useId, useState } from 'react';
import { ApiError, getAudit, type AuditEvent } from '../../api.ts';
import { summarizeAuditValue } from '../../content-editor-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Props {
  planKey: string;
  entityType: string;
  entityKey: string;
  /** Changes when the item was saved, so an open history reads again. */
  refresh: number;
  fieldLabel: (field: string) => string;
}

export function ItemHistory({ planKey, entityType, entityKey, refresh, fieldLabel }: Props) {
  const { t } = useI18n();
  const texts = t.contentEditor.history;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setError(null);
    getAudit({ plan: planKey, entityType, entityKey }, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setEvents([...found].sort((a, b) => b.id - a.id));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof ApiError ? caught.message : '');
      },
    );
    return () => controller.abort();
  }, [open, planKey, entityType, entityKey, refresh]);
  return (
    <details className="history item-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{texts.summary}</summary>
      {error !== null ? (
        <p className="notice notice--error">{error || t.errors.unexpected}</p>
      ) : events === null ? (
        <p className="loading">{texts.loading}</p>
      ) : events.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table className="history__table">
            <caption id={`${id}-caption`}>{texts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.when}</th>
                <th scope="col">{texts.who}</th>
                <th scope="col">{texts.what}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-audit-field={event.field ?? undefined}>
                  <td>{new Date(event.at).toLocaleString('sv-SE')}</td>
                  <td>{event.actor}</td>
                  <td>
                    {texts.actions[event.action] ?? event.action}
                    {event.field ? ` ${fieldLabel(event.field).toLocaleLowerCase('sv-SE')}` : ''}
                    {event.action === 'update' ? (
                      <>
                        {': '}
                        <span className="history__before" lang="sv">
                          {summarizeAuditValue(event.before) || t.contentEditor.conflict.empty}
                        </span>
                        {' → '}
                        <span className="history__after" lang="sv">
                          {summarizeAuditValue(event.after) || t.contentEditor.conflict.empty}
                        </span>
                      </>
                    ) : null}
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
