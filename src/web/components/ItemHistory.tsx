/**
 * The change history (ändringshistorik) of one item of any plan part, from the audit trail, behind
 * a disclosure and newest first: who changed which field, from what to what. Read only when opened,
 * and again when `refresh` changes (after a save). How a field is named and how its values read
 * come in as props; the texts are the app's one `history` section.
 */
import { useEffect, useId, useState } from 'react';
import { ApiError, getAudit, type AuditEvent } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { auditValueText, cellChangeLines, changedCells } from '../item-history.ts';
import { ScrollRegion } from './ScrollRegion.tsx';
import '../item-history.css';

export interface ItemHistoryProps {
  planKey: string;
  /** The audit's item type: indicator, activity, goal, budget-table, capital-budget, volume-table … */
  entityType: string;
  entityKey: string;
  /** Changes when the item was saved (a counter or the ETag), so an open history reads again. */
  refresh: number | string;
  /** The field as a word in "Ändrat <field>"; shown in lower case. */
  fieldLabel: (field: string) => string;
  /** How one value of the field reads ('' = empty); by default a short line of its text. */
  valueText?: (field: string, raw: unknown) => string;
  /** The whole change in words, one line per part, for fields where before → after says too little (table cells); null = the default. */
  changeText?: (field: string, before: unknown, after: unknown) => string[] | null;
  /** The disclosure's summary and the table's caption, when the page needs them named (several on a page). */
  summary?: string;
  caption?: string;
}

/** One audit event's "what": action, field, and before → after. */
function ChangeWords({ event, props }: { event: AuditEvent; props: ItemHistoryProps }) {
  const { t } = useI18n();
  const texts = t.history;
  const field = event.field ?? '';
  const action = texts.actions[event.action] ?? event.action;
  const label = event.field ? ` ${props.fieldLabel(field).toLocaleLowerCase('sv-SE')}` : '';
  if (event.action !== 'update') return <>{`${action}${label}`}</>;
  const lines = props.changeText?.(field, event.before, event.after) ?? null;
  if (lines !== null && lines.length === 1) return <>{`${action}${label}: `}<span lang="sv">{lines[0]}</span></>;
  if (lines !== null) {
    return (
      <>
        {`${action}${label}:`}
        <ul className="history__lines" lang="sv">
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </>
    );
  }
  const value = (raw: unknown) => (props.valueText ? props.valueText(field, raw) : auditValueText(raw)) || texts.emptyValue;
  return (
    <>
      {`${action}${label}: `}
      <span className="history__before" lang="sv">{value(event.before)}</span>
      {' → '}
      <span className="history__after" lang="sv">{value(event.after)}</span>
    </>
  );
}

/** Reads the item's audit trail while `open`; null while reading. */
function useAudit(open: boolean, planKey: string, entityType: string, entityKey: string, refresh: number | string) {
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
  return { events, error };
}

export function ItemHistory(props: ItemHistoryProps) {
  const { t } = useI18n();
  const texts = t.history;
  const id = useId();
  const [open, setOpen] = useState(false);
  const { events, error } = useAudit(open, props.planKey, props.entityType, props.entityKey, props.refresh);
  // The reason column only when some change gave one (rollover, workflow), so most tables stay narrow.
  const reasons = !!events?.some((event) => event.reason);
  return (
    <details className="history item-history" onToggle={(event) => setOpen(event.currentTarget.open)} data-history={props.entityType}>
      <summary>{props.summary ?? texts.summary}</summary>
      {error !== null ? (
        <p className="notice notice--error">{error || t.errors.unexpected}</p>
      ) : events === null ? (
        <p className="loading">{texts.loading}</p>
      ) : events.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <ScrollRegion labelledBy={`${id}-caption`}>
          <table className="history__table">
            <caption id={`${id}-caption`}>{props.caption ?? texts.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{texts.when}</th>
                <th scope="col">{texts.who}</th>
                <th scope="col">{texts.what}</th>
                {reasons ? <th scope="col">{texts.reason}</th> : null}
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-audit-field={event.field ?? undefined}>
                  <td>{new Date(event.at).toLocaleString('sv-SE')}</td>
                  <td>{event.actor}</td>
                  <td>
                    <ChangeWords event={event} props={props} />
                  </td>
                  {reasons ? <td lang="sv">{event.reason ?? '–'}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </details>
  );
}

/**
 * The change history of a figure table (budget, investments, volumes): a save of cells is audited
 * as its changed rows before and after, so the history names the cells that changed instead.
 */
export function TableHistory({ columns, ...rest }: Omit<ItemHistoryProps, 'fieldLabel' | 'changeText'> & { columns: Array<{ key: string; label: string }> }) {
  const { t } = useI18n();
  const cellFields = new Set(['rows', 'total']);
  return (
    <ItemHistory
      {...rest}
      fieldLabel={(field) => (cellFields.has(field) ? t.history.cells : field)}
      changeText={(field, before, after) => (cellFields.has(field) ? cellChangeLines(changedCells(before, after, columns), t.history.emptyValue) : null)}
    />
  );
}
