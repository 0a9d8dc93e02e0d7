/**
 * Editing one indicator (styrtal): its targets per year as Swedish text, read as the reader types
 * (parseTarget/describeTarget, the same rule the server and the documents use), and its outcomes
 * per period. Saves with If-Match; when someone else saved in between (412) both versions are
 * shown side by side and the reader chooses — nothing is overwritten without being asked.
 * An adopted plan takes outcomes only: its targets are shown locked.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { describeTarget, parseTarget } from '../../domain/target.ts';
import { formatPeriod } from '../../domain/format.ts';
import { ApiError, getAudit, getIndicator, putIndicator, type AuditEvent, type Indicator, type PlanFile } from '../api.ts';
import { useI18n, type Messages } from '../i18n/index.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

type ActualEntry = Indicator['actuals'][number];

interface Draft {
  targets: Record<number, string>;
  actuals: string[];
  newPeriod: string;
  newText: string;
}

const periodPattern = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

function draftOf(indicator: Indicator): Draft {
  return {
    targets: Object.fromEntries(indicator.targets.map((target) => [target.year, target.text])),
    actuals: indicator.actuals.map((actual) => actual.text),
    newPeriod: '',
    newText: '',
  };
}

function yearsOf(plan: PlanFile['plan'], indicator: Indicator): number[] {
  const years = new Set<number>(indicator.targets.map((target) => target.year));
  for (let year = plan.periodStart; year <= plan.periodEnd; year += 1) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/** The indicator as the reader wants it: `base` with the draft's targets and outcomes. */
function applyDraft(base: Indicator, draft: Draft, frozen: boolean): Indicator {
  const targets = frozen
    ? base.targets
    : Object.entries(draft.targets)
        .map(([year, text]) => {
          const before = base.targets.find((target) => target.year === Number(year));
          return { year: Number(year), text: before && before.text.trim() === text.trim() ? before.text : text.trim() };
        })
        .filter((target) => target.text !== '')
        .sort((a, b) => a.year - b.year);
  const actuals: ActualEntry[] = [];
  base.actuals.forEach((actual, i) => {
    const text = draft.actuals[i] ?? actual.text;
    if (text.trim() === '') return;
    actuals.push(text.trim() === actual.text.trim() ? actual : { ...actual, text: text.trim() });
  });
  if (draft.newPeriod.trim() && draft.newText.trim()) actuals.push({ period: draft.newPeriod.trim(), text: draft.newText.trim() });
  actuals.sort((a, b) => a.period.localeCompare(b.period));
  return { ...base, targets, actuals };
}

const sameFollowUp = (a: Indicator, b: Indicator) => JSON.stringify([a.targets, a.actuals]) === JSON.stringify([b.targets, b.actuals]);

function TargetFeedback({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  let content: ReactNode;
  let kind = 'ok';
  if (text.trim() === '') {
    content = t.editor.emptyTarget;
    kind = 'empty';
  } else {
    const target = parseTarget(text.trim());
    if (target.kind === 'qualitative') {
      content = t.editor.qualitative;
      kind = 'qualitative';
    } else {
      content = (
        <>
          {t.editor.understood} <span lang="sv">{describeTarget(target)}</span>
        </>
      );
    }
  }
  return (
    <p id={id} className={`target-feedback target-feedback--${kind}`} aria-live="polite" data-feedback={kind}>
      {content}
    </p>
  );
}

/** One version of the indicator's targets and outcomes, for the conflict view. */
function VersionView({ indicator, other, title, id }: { indicator: Indicator; other: Indicator; title: string; id: string }) {
  const { t } = useI18n();
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const otherTarget = (year: number) => other.targets.find((target) => target.year === year)?.text;
  const otherActual = (period: string) => other.actuals.find((actual) => actual.period === period)?.text;
  return (
    <section className="conflict__version" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <h5>{t.editor.targets}</h5>
      {indicator.targets.length === 0 ? (
        <p className="muted">{t.editor.noTargets}</p>
      ) : (
        <dl className="version-list">
          {indicator.targets.map((target) => (
            <div key={target.year} className={differs(target.text, otherTarget(target.year)) ? 'differs' : undefined}>
              <dt>{target.year}</dt>
              <dd lang="sv">{target.text}</dd>
            </div>
          ))}
        </dl>
      )}
      <h5>{t.editor.actuals}</h5>
      {indicator.actuals.length === 0 ? (
        <p className="muted">{t.editor.noActuals}</p>
      ) : (
        <dl className="version-list">
          {indicator.actuals.map((actual) => (
            <div key={actual.period} className={differs(actual.text, otherActual(actual.period)) ? 'differs' : undefined}>
              <dt>{formatPeriod(actual.period)}</dt>
              <dd lang="sv">{actual.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

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
function History({ planKey, indicatorKey, refresh }: { planKey: string; indicatorKey: string; refresh: number }) {
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

interface Props {
  plan: PlanFile['plan'];
  indicatorKey: string;
  /** Reloads the plan, so the scorecard recomputes the status. */
  onSaved: () => Promise<void>;
  onClose: () => void;
}

export function IndicatorEditor({ plan, indicatorKey, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const frozen = plan.status === 'adopted' || plan.status === 'archived';
  const [loaded, setLoaded] = useState<{ base: Indicator; etag: string } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: (t: Messages) => string; problems: string[] } | null>(null);
  const [conflict, setConflict] = useState<{ theirs: Indicator; version: number; mine: Indicator } | null>(null);
  const [saves, setSaves] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    getIndicator(plan.key, indicatorKey, controller.signal).then(
      ({ data, etag }) => {
        if (controller.signal.aborted) return;
        // Without the version it was read at, a save could not say what it replaces: refuse to edit.
        if (!etag || !data) {
          setLoadError(new ApiError(0, 'unexpected', ''));
          return;
        }
        setLoaded({ base: data, etag });
        setDraft(draftOf(data));
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', ''));
      },
    );
    return () => controller.abort();
    // Read once per indicator: switching language must not throw away what the reader typed.
  }, [plan.key, indicatorKey]);

  const isLoaded = loaded !== null;
  useEffect(() => {
    headingRef.current?.focus();
  }, [isLoaded]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const save = async (indicator: Indicator, etag: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await putIndicator(plan.key, indicator, etag);
      setLoaded({ base: saved.data, etag: saved.etag ?? etag });
      setDraft(draftOf(saved.data));
      setConflict(null);
      setSaves((n) => n + 1);
      await onSaved();
      setMessage({ kind: 'done', text: (t) => t.editor.saved, problems: [] });
      messageRef.current?.focus();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        const current = (caught.details as { current?: { version: number; item: Indicator } } | undefined)?.current;
        if (current) {
          setConflict({ theirs: current.item, version: current.version, mine: indicator });
          return;
        }
      }
      const frozenRefusal = caught instanceof ApiError && caught.code === 'frozen';
      // The plan was adopted meanwhile: read it again, so the editor shows its targets as locked.
      if (frozenRefusal) await onSaved().catch(() => undefined);
      const text = caught instanceof ApiError ? (caught.code === 'network' ? t.errors.network : caught.message) : t.errors.unexpected;
      setMessage({ kind: 'error', text: (t) => frozenRefusal ? `${t.editor.frozen} (${text})` : `${t.editor.failed}: ${text}`, problems: caught instanceof ApiError ? caught.problems.map((p) => `${p.path}: ${p.message}`) : [] });
      messageRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (!loaded || !draft) {
    return (
      <section className="indicator-editor" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t.editor.loading}
        </h3>
        <div ref={messageRef} tabIndex={-1} aria-live="polite">
          {loadError ? <p className="notice notice--error">{loadError.code === 'network' ? t.errors.network : loadError.message || t.errors.unexpected}</p> : null}
        </div>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.editor.cancel}
        </button>
      </section>
    );
  }

  const { base, etag } = loaded;
  const years = yearsOf(plan, base);
  const newPeriodInvalid = draft.newPeriod.trim() !== '' && !periodPattern.test(draft.newPeriod.trim());
  const newPeriodDuplicate = draft.newPeriod.trim() !== '' && base.actuals.some((actual) => actual.period === draft.newPeriod.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (newPeriodInvalid || newPeriodDuplicate || (draft.newText.trim() !== '' && draft.newPeriod.trim() === '')) {
      setMessage({ kind: 'error', text: (t) => `${t.editor.failed}: ${newPeriodDuplicate ? t.editor.duplicatePeriod : t.editor.badPeriod}`, problems: [] });
      messageRef.current?.focus();
      return;
    }
    const next = applyDraft(base, draft, frozen);
    if (sameFollowUp(next, base)) {
      setMessage({ kind: 'done', text: (t) => t.editor.nothingChanged, problems: [] });
      return;
    }
    void save(next, etag);
  };

  const keepMine = () => {
    if (!conflict || busy) return;
    void save({ ...conflict.theirs, targets: conflict.mine.targets, actuals: conflict.mine.actuals }, `"${conflict.version}"`);
  };
  const takeTheirs = async () => {
    if (!conflict || busy) return;
    setLoaded({ base: conflict.theirs, etag: `"${conflict.version}"` });
    setDraft(draftOf(conflict.theirs));
    setConflict(null);
    setSaves((n) => n + 1);
    await onSaved();
    headingRef.current?.focus();
  };

  return (
    <section
      className="indicator-editor"
      aria-labelledby={`${id}-heading`}
      data-editor={indicatorKey}
      onKeyDown={(event) => {
        // Escape closes the editor (focus returns to its button) unless a conflict waits for a choice.
        if (event.key === 'Escape' && !conflict && !busy) onClose();
      }}
    >
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.editor.heading}{' '}
        <span lang="sv">
          {base.number} {base.name}
        </span>
      </h3>
      {conflict ? (
        <div className="conflict" role="group" aria-labelledby={`${id}-conflict`}>
          <h4 id={`${id}-conflict`} ref={conflictRef} tabIndex={-1} className="conflict__heading">
            {t.editor.conflictHeading}
          </h4>
          <p>{t.editor.conflictText}</p>
          <div className="conflict__versions">
            <VersionView indicator={conflict.mine} other={conflict.theirs} title={t.editor.mine} id={`${id}-mine`} />
            <VersionView indicator={conflict.theirs} other={conflict.mine} title={t.editor.theirs(conflict.version)} id={`${id}-theirs`} />
          </div>
          <div className="button-row">
            <button type="button" className="button" aria-disabled={busy || undefined} onClick={keepMine}>
              {t.editor.keepMine}
            </button>
            <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void takeTheirs()}>
              {t.editor.takeTheirs}
            </button>
          </div>
        </div>
      ) : (
        <form className="indicator-form" onSubmit={submit} noValidate>
          {frozen ? (
            <p className="notice notice--warning" data-frozen="true">
              {t.editor.frozenNote}
            </p>
          ) : null}
          <fieldset>
            <legend>{t.editor.targets}</legend>
            {frozen ? (
              <dl className="version-list">
                {base.targets.map((target) => (
                  <div key={target.year}>
                    <dt>{target.year}</dt>
                    <dd lang="sv">{target.text}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <>
                <p id={`${id}-target-help`} className="field__help">
                  {t.editor.targetHelp}
                </p>
                {years.map((year) => (
                  <div className="field" key={year}>
                    <label htmlFor={`${id}-target-${year}`}>{t.editor.target(year)}</label>
                    <input
                      id={`${id}-target-${year}`}
                      lang="sv"
                      value={draft.targets[year] ?? ''}
                      aria-describedby={`${id}-target-help ${id}-target-${year}-feedback`}
                      onChange={(event) => setDraft({ ...draft, targets: { ...draft.targets, [year]: event.target.value } })}
                    />
                    <TargetFeedback id={`${id}-target-${year}-feedback`} text={draft.targets[year] ?? ''} />
                  </div>
                ))}
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{t.editor.actuals}</legend>
            <p id={`${id}-actual-help`} className="field__help">
              {t.editor.actualHelp}
            </p>
            {base.actuals.map((actual, i) => (
              <div className="field field--inline" key={actual.period}>
                <label htmlFor={`${id}-actual-${i}`}>{t.editor.actualFor(formatPeriod(actual.period))}</label>
                <input
                  id={`${id}-actual-${i}`}
                  lang="sv"
                  value={draft.actuals[i] ?? ''}
                  aria-describedby={`${id}-actual-help`}
                  onChange={(event) => setDraft({ ...draft, actuals: draft.actuals.map((text, j) => (j === i ? event.target.value : text)) })}
                />
              </div>
            ))}
            <div className="new-actual">
              <div className="field">
                <label htmlFor={`${id}-new-period`}>{t.editor.newPeriod}</label>
                <input
                  id={`${id}-new-period`}
                  inputMode="numeric"
                  value={draft.newPeriod}
                  aria-invalid={newPeriodInvalid || newPeriodDuplicate ? true : undefined}
                  aria-describedby={newPeriodInvalid || newPeriodDuplicate ? `${id}-new-period-error` : undefined}
                  onChange={(event) => setDraft({ ...draft, newPeriod: event.target.value })}
                />
                {newPeriodInvalid || newPeriodDuplicate ? (
                  <p id={`${id}-new-period-error`} className="field__error">
                    {newPeriodDuplicate ? t.editor.duplicatePeriod : t.editor.badPeriod}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor={`${id}-new-text`}>{t.editor.newActualValue}</label>
                <input id={`${id}-new-text`} lang="sv" value={draft.newText} onChange={(event) => setDraft({ ...draft, newText: event.target.value })} />
              </div>
            </div>
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? t.editor.saving : t.editor.save}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t.editor.cancel}
            </button>
          </div>
        </form>
      )}
      <div ref={messageRef} tabIndex={-1} className="live-message" aria-live="polite" aria-atomic="true">
        {message ? (
          <div className={`notice ${message.kind === 'error' ? 'notice--error' : 'notice--success'}`} data-message={message.kind}>
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
      <History planKey={plan.key} indicatorKey={indicatorKey} refresh={saves} />
    </section>
  );
}
