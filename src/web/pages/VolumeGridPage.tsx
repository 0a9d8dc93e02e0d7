/**
 * The grid editor of one volume table: a real table with an input per editable cell (named
 * "ROW – COLUMN"), cells kept as printed ("194(-9)", "5,3", "-"), paste from Excel spread over the
 * cells to the right and below, and one save that sends only the changed cells (PATCH …/cells with
 * If-Match). A stale version (412) is never overwritten: the editor chooses to read the table again.
 * On an adopted plan only the actual and forecast columns can be changed. Fields show only to
 * accounts whose role and organisation scope allow editing this table (the server's rule). Below the
 * grid: plan against actual per year with monthly actuals, and the chart of a measure's months.
 */
import { useCallback, useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import { ApiError, getPlan, getVolumeTable, patchVolumeCells, type CellChange, type PlanFile, type VolumeTable } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { CellInput } from '../components/grid/CellInput.tsx';
import { cellId, columnEditable, parsePastedGrid, pasteEdits, type GridColumn } from '../components/grid/grid-rules.ts';
import { GridTable } from '../components/grid/GridTable.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { VolumePlanVsActual } from '../components/insights/VolumePlanVsActual.tsx';
import { planPermissions } from '../permissions.ts';
import { useSession } from '../session.tsx';
import '../follow-up.css';
import '../insights.css';

type Column = VolumeTable['columns'][number];

interface Loaded {
  /** The whole plan file as read: its head, its organisation (for permissions) and the chart's data. */
  planFile: PlanFile;
  plan: PlanFile['plan'];
  table: VolumeTable;
  etag: string;
}

export function VolumeGridPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [stale, setStale] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const [plan, table] = await Promise.all([getPlan(planKey, signal), getVolumeTable(planKey, tableKey, signal)]);
      setLoaded({ planFile: plan.data, plan: plan.data.plan, table: table.data, etag: table.etag ?? '' });
    },
    [planKey, tableKey],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setLoadError(error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)));
    });
    return () => controller.abort();
  }, [load]);

  if (loadError) {
    return (
      <div className="page">
        <LoadError error={loadError} notFoundText={t.volumeGrid.missing} />
      </div>
    );
  }
  if (!loaded) {
    return (
      <div className="page">
        <PageHeading title={t.volumeGrid.loading} ready={false} />
        <Loading text={t.volumeGrid.loading} />
      </div>
    );
  }

  const { planFile, plan, table, etag } = loaded;
  // Checked against the table's own node, as the server does (items.ts nodesOf).
  const mayEdit = planPermissions(user ?? null, planFile, table.node).content;
  const editable = (column: Pick<GridColumn, 'kind'>) => mayEdit && columnEditable(plan.status, column);
  const serverText = (row: string, column: string) => table.rows.find((r) => r.key === row)?.cells[column] ?? '';
  const valueOf = (row: string, column: string) => edits[cellId(row, column)] ?? serverText(row, column);

  const changes: CellChange[] = [];
  for (const row of table.rows) {
    for (const column of table.columns) {
      const edited = edits[cellId(row.key, column.key)];
      if (edited === undefined || !editable(column)) continue;
      if (edited.trim() === serverText(row.key, column.key)) continue;
      changes.push({ row: row.key, column: column.key, text: edited.trim() === '' ? null : edited.trim() });
    }
  }

  const setCell = (row: string, column: string, text: string) => setEdits((current) => ({ ...current, [cellId(row, column)]: text }));

  const onPaste = (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return; // one value: the input's own paste
    event.preventDefault();
    const { edits: next, skipped } = pasteEdits({ grid: parsePastedGrid(text), rows: table.rows, columns: table.columns, rowIndex, columnIndex, editable });
    setEdits((current) => ({ ...current, ...next }));
    setMessage(skipped > 0 ? { kind: 'error', text: (t) => t.grid.pasteSkipped(skipped), problems: [] } : null);
  };

  const labelOfChange = (index: number): string | null => {
    const change = changes[index];
    if (!change) return null;
    const row = table.rows.find((r) => r.key === change.row);
    const column = table.columns.find((c) => c.key === change.column);
    return row && column ? t.grid.cellLabel(row.label, column.label) : null;
  };

  const save = async () => {
    if (busy) return;
    if (changes.length === 0) {
      setMessage({ kind: 'done', text: (t) => t.grid.noChanges, problems: [] });
      messageRef.current?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    setStale(false);
    try {
      const saved = await patchVolumeCells(planKey, table.key, changes, etag);
      const count = changes.length;
      setLoaded({ planFile, plan, table: saved.data, etag: saved.etag ?? etag });
      setEdits({});
      setMessage({ kind: 'done', text: (t) => t.grid.saved(count), problems: [] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setStale(true);
        setMessage({ kind: 'error', text: (t) => t.volumeGrid.stale, problems: [] });
      } else if (error instanceof ApiError && error.status === 400) {
        const problems = error.problems.map((problem) => {
          const index = /cells\[(\d+)\]/.exec(problem.path)?.[1];
          const label = index === undefined ? null : labelOfChange(Number(index));
          return label ? `${label}: ${problem.message}` : problem.message;
        });
        setMessage({ kind: 'error', text: (t) => t.grid.invalid, problems });
      } else if (error instanceof ApiError && error.status === 409) {
        const text = error.message;
        setMessage({ kind: 'error', text: (t) => `${t.grid.frozen} ${text}`, problems: [] });
      } else {
        const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
        setMessage({ kind: 'error', text: (t) => `${t.grid.failed}: ${text ?? t.errors.network}`, problems: [] });
      }
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const reload = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await load();
      setEdits({});
      setStale(false);
      setMessage({ kind: 'done', text: (t) => t.volumeGrid.reloaded, problems: [] });
    } catch (error) {
      const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
      setMessage({ kind: 'error', text: (t) => `${t.grid.failed}: ${text ?? t.errors.network}`, problems: [] });
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };

  const anyEditable = table.columns.some(editable);
  return (
    <div className="page page--volume-grid">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: table.caption, lang: 'sv' }]} />
      <PageHeading title={t.volumeGrid.title(table.caption)} />
      <p>{t.volumeGrid.intro}</p>
      {plan.status === 'adopted' ? <p className="notice">{t.volumeGrid.adoptedNote}</p> : null}
      <GridTable id={id} caption={t.volumeGrid.caption(table.caption)} className="volume-grid" leading={<th scope="col">{t.volumeGrid.measure}</th>} columns={table.columns}>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {table.columns.map((column, columnIndex) => (
                <td key={column.key} data-column={column.key}>
                  {editable(column) ? (
                    <CellInput
                      label={t.grid.cellLabel(row.label, column.label)}
                      value={valueOf(row.key, column.key)}
                      changed={changes.some((c) => c.row === row.key && c.column === column.key)}
                      onChange={(text) => setCell(row.key, column.key, text)}
                      onPaste={onPaste(rowIndex, columnIndex)}
                    />
                  ) : (
                    valueOf(row.key, column.key)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </GridTable>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {changes.length > 0 ? <p className="volume-grid__changed">{t.grid.changed(changes.length)}</p> : null}
      <div className="button-row">
        {anyEditable ? (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void save()}>
            {busy ? t.grid.saving : t.grid.save}
          </button>
        ) : null}
        {stale ? (
          <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void reload()}>
            {t.volumeGrid.reload}
          </button>
        ) : null}
        <Link className="button-link button-link--secondary" href={paths.plan(planKey)}>
          {t.grid.back}
        </Link>
      </div>
      <VolumePlanVsActual plan={planFile} table={table} />
      <TableHistory planKey={planKey} entityType="volume-table" entityKey={table.key} refresh={etag} columns={table.columns} />
    </div>
  );
}
