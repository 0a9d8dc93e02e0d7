/**
 * The plan's imports, newest first: file, kind, the provenance line its cells show, and an undo
 * for those who may (the server checks again, and refuses when a later change touched a cell).
 */
import { useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { listImports, undoImport, type ImportKind } from '../../imports-api.ts';
import { isoDate } from '../../imports-view.ts';
import { useResource } from '../../use-resource.ts';
import { Loading } from '../LoadState.tsx';
import { LiveMessage, type Message } from '../LiveMessage.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { useFocusOnNewMessage } from '../../use-focus-when-shown.ts';

function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [String(error)];
  return [error.message, ...error.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))];
}

export function ImportHistory({ planKey, generation, mayUndo }: { planKey: string; generation: number; mayUndo: (kind: ImportKind) => boolean }) {
  const { t } = useI18n();
  const [undone, setUndone] = useState(0);
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnNewMessage(messageRef, message);
  const resource = useResource((signal) => listImports(planKey, signal), [planKey, generation, undone]);

  const undo = async (id: number) => {
    if (busy !== null) return;
    setBusy(id);
    try {
      await undoImport(id);
      setMessage({ kind: 'done', text: (t) => t.imports.undone(id), problems: [] });
      setUndone((n) => n + 1);
    } catch (error) {
      setMessage({ kind: 'error', text: (t) => t.imports.undoFailed, problems: problemsOf(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="import-history" aria-labelledby="import-history-heading">
      <h2 id="import-history-heading">{t.imports.historyHeading}</h2>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {resource.state === 'loading' ? <Loading text={t.imports.loading} /> : null}
      {resource.state === 'failed' ? <p className="notice notice--error">{resource.error.message}</p> : null}
      {resource.state === 'ready' && resource.data.length === 0 ? <p>{t.imports.historyEmpty}</p> : null}
      {resource.state === 'ready' && resource.data.length > 0 ? (
        <div className="doc-table">
          <ScrollRegion labelledBy="import-history-caption">
            <table>
              <caption id="import-history-caption" className="visually-hidden">
                {t.imports.historyCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.imports.file}</th>
                  <th scope="col">{t.imports.kind}</th>
                  <th scope="col">{t.imports.provenance}</th>
                  <th scope="col">{t.imports.status}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {resource.data.map((record) => (
                  <tr key={record.id} data-import={record.id}>
                    <th scope="row">{record.fileName}</th>
                    <td>{t.imports.kinds[record.kind]}</td>
                    <td>{t.imports.sourceLine(record.sourceSystem, isoDate(record.importedAt), record.importedBy)}</td>
                    <td>{record.status === 'undone' ? t.imports.undoneStatus(isoDate(record.undoneAt ?? record.importedAt), record.undoneBy ?? '') : t.imports.importedStatus}</td>
                    <td>
                      {record.status === 'imported' && mayUndo(record.kind) ? (
                        <button type="button" className="button button--secondary" aria-label={t.imports.undoLabel(record.fileName, record.id)} aria-disabled={busy !== null || undefined} onClick={() => void undo(record.id)}>
                          {busy === record.id ? t.imports.undoing : t.imports.undo}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ) : null}
    </section>
  );
}
