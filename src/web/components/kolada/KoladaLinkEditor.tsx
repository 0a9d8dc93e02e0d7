/**
 * Linking a measure to Kolada KPIs: search by id or words, add, give each its comparison group,
 * remove, and save the whole list with the version read (If-Match). A stale save reloads and says so.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { putMeasureLink, searchKpis, type KpiHit, type MeasureLink } from '../../kolada-api.ts';
import { LiveMessage, type Message } from '../LiveMessage.tsx';

interface Chosen {
  kpi: string;
  title: string | null;
  group: string;
}

/**
 * The editor is made anew for each version of the link (so it shows what was saved); its message
 * belongs to the page (`message`, `onMessage`), so "saved" outlives the reload that follows a save.
 */
export function KoladaLinkEditor({
  planKey,
  link,
  etag,
  onSaved,
  message,
  onMessage: setMessage,
}: {
  planKey: string;
  link: MeasureLink;
  etag: string;
  onSaved: () => Promise<void>;
  message: Message | null;
  onMessage: (message: Message | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<KpiHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<Chosen[]>(link.kpis.map((k) => ({ kpi: k.kpi, title: k.title, group: k.group ?? '' })));
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  // A message from before the reload is focused once more in the editor that replaced its own.
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, []); // on mount only

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim() || searching) return;
    setSearching(true);
    try {
      setHits(await searchKpis(query.trim()));
    } catch (error) {
      setHits([]);
      setMessage({ kind: 'error', text: (m) => m.kolada.failed, problems: [error instanceof ApiError ? error.message : String(error)] });
    } finally {
      setSearching(false);
    }
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await putMeasureLink(planKey, link.itemType, link.measure, chosen.map((c) => ({ kpi: c.kpi, group: c.group.trim() || null })), etag);
      setMessage({ kind: 'done', text: (m) => m.kolada.saved, problems: [] });
      await onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setMessage({ kind: 'error', text: (m) => m.kolada.conflict, problems: [] });
        await onSaved();
      } else {
        const problems = error instanceof ApiError ? [error.message, ...error.problems.map((p) => p.message)] : [String(error)];
        setMessage({ kind: 'error', text: (m) => m.kolada.failed, problems });
      }
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const chosenIds = new Set(chosen.map((c) => c.kpi));
  return (
    <section className="kolada-editor" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.kolada.editHeading}</h2>
      <p className="field__help">{t.kolada.editIntro}</p>
      <form className="kolada-editor__search" role="search" onSubmit={(event) => void search(event)}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t.kolada.searchLabel}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className="button button--secondary" aria-disabled={searching || undefined}>
          {searching ? t.kolada.searching : t.kolada.search}
        </button>
      </form>
      <div aria-live="polite" aria-atomic="true">
        {hits === null ? null : <p>{hits.length ? t.kolada.hits(hits.length) : t.kolada.noHits}</p>}
      </div>
      {hits && hits.length ? (
        <ul className="kolada-editor__hits" aria-label={t.kolada.hitsCaption}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <span>
                <strong>{hit.id}</strong> <span lang="sv">{hit.title}</span> <span className="muted">({hit.hasValues ? t.kolada.hasValues : t.kolada.lacksValues})</span>
              </span>{' '}
              {chosenIds.has(hit.id) ? (
                <span className="muted">{t.kolada.added}</span>
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setChosen([...chosen, { kpi: hit.id, title: hit.title, group: '' }])}>
                  {t.kolada.add(hit.id)}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t.kolada.chosenCaption}</h3>
      {chosen.length === 0 ? <p>{t.kolada.noneChosen}</p> : null}
      <ul className="kolada-editor__chosen">
        {chosen.map((c, index) => (
          <li key={c.kpi}>
            <p>
              <strong>{c.kpi}</strong> <span lang="sv">{c.title ?? ''}</span>
            </p>
            <div className="field">
              <label htmlFor={`${id}-group-${index}`}>{t.kolada.groupLabel(c.kpi)}</label>
              <input id={`${id}-group-${index}`} value={c.group} onChange={(event) => setChosen(chosen.map((other, i) => (i === index ? { ...other, group: event.target.value } : other)))} autoComplete="off" />
            </div>
            <button type="button" className="button button--secondary" onClick={() => setChosen(chosen.filter((_, i) => i !== index))}>
              {t.kolada.remove(c.kpi)}
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void save()}>
          {busy ? t.kolada.saving : t.kolada.save}
        </button>
      </div>
      <LiveMessage message={message} messageRef={messageRef} />
    </section>
  );
}
