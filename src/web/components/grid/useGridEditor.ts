/**
 * The one grid editor of every figure table — volume table, budget table, investment budget. It
 * reads the table with the plan (for permissions, the reconciliation and the charts) and the
 * table's version; decides which columns the signed-in account may change (role and scope on the
 * table's own node, the plan's status per column: the server's rules, domain/item-ownership.ts and
 * domain/figure-table.ts); keeps the unsaved texts by cell and turns typing and pasting into them;
 * and saves through the one versioned save: only the changed cells (PATCH …/cells) or the whole
 * table (PUT, a row added or removed), with If-Match. When someone else saved the table meanwhile,
 * the edits stay: both versions are shown cell by cell, and keeping mine sends the same edits
 * again on the saved version.
 */
import { useEffect, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import { cellRowsOf, diffCells, isColumnEditable, type CellChange, type FigureColumn, type FigureTable, type FigureTableSegment } from '../../../domain/figure-table.ts';
import { editGroupOf } from '../../../domain/item-ownership.ts';
import type { PlanFile } from '../../../domain/plan.ts';
import { ApiError, getItem, getPlan, patchCells, putItem, type Versioned } from '../../api.ts';
import { useI18n, type Messages } from '../../i18n/index.tsx';
import { mayEditItem } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { useVersionedSave, type SaveConflict, type SaveOutcome } from '../../use-versioned-save.ts';
import type { Message } from '../LiveMessage.tsx';
import { cellId, editsAsChanges, parsePastedGrid, pasteEdits, withEdits, type CellEdits } from './grid-rules.ts';

export interface Loaded<T> {
  plan: PlanFile;
  item: T;
  etag: string;
}

interface Options<T> {
  planKey: string;
  segment: FigureTableSegment;
  itemKey: string;
  /** The plan with this table replaced, where the page reads the plan with the table (the reconciliation). */
  planWithItem?: (plan: PlanFile, item: T) => PlanFile;
}

type Texts = (t: Messages) => string;

export function useGridEditor<T extends FigureTable>({ planKey, segment, itemKey, planWithItem }: Options<T>) {
  const { t } = useI18n();
  const { user } = useSession();
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [edits, setEdits] = useState<CellEdits>({});
  const [message, setMessage] = useState<Message | null>(null);
  /** The server's problem with each refused cell, by cell id, shown beside the cell. */
  const [problems, setProblems] = useState<Record<string, string>>({});
  /** A change of the whole table (a row added or removed) that a conflict holds: made again on the saved version. */
  const rebuildRef = useRef<((base: T) => T) | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const versioned = useVersionedSave<T>();
  const withPlan = (plan: PlanFile, item: T) => (planWithItem ? planWithItem(plan, item) : plan);
  const withPlanRef = useRef(withPlan);
  withPlanRef.current = withPlan;

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getPlan(planKey, controller.signal), getItem<T>(planKey, segment, itemKey, controller.signal)])
      .then(([plan, item]) => setLoaded({ plan: withPlanRef.current(plan.data, item.data), item: item.data, etag: item.etag ?? '' }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)));
      });
    return () => controller.abort();
  }, [planKey, segment, itemKey]);

  const status = loaded?.plan.plan.status;
  // Role and organisation scope as the server decides them: the table's own node, its edit group.
  const mayEdit = loaded ? mayEditItem(user ?? null, loaded.plan, editGroupOf(segment), loaded.item) : false;
  const editable = (column: FigureColumn) => mayEdit && status !== undefined && isColumnEditable(status, column);
  const changesOf = (item: T, pending: CellEdits) => editsAsChanges(cellRowsOf(item), item.columns, pending, editable);
  const shown = useMemo(() => (loaded ? withEdits(loaded.item, edits) : null), [loaded, edits]);
  const rows = loaded ? cellRowsOf(loaded.item) : [];
  const columns = loaded?.item.columns ?? [];
  const changes = loaded ? changesOf(loaded.item, edits) : [];
  const changed = new Set(changes.map((change) => cellId(change.row, change.column)));
  const anyEditable = columns.some(editable);
  const { conflict, busy } = versioned;
  const differences = conflict ? diffCells(cellRowsOf(conflict.theirs), cellRowsOf(conflict.mine), columns) : null;

  const say = (kind: Message['kind'], text: Texts, listed: string[] = []) => {
    setMessage({ kind, text, problems: listed });
    messageRef.current?.focus();
  };

  const labelOf = (item: T, change: CellChange) => {
    const row = cellRowsOf(item).find((candidate) => candidate.key === change.row);
    const column = item.columns.find((candidate) => candidate.key === change.column);
    return row && column ? t.grid.cellLabel(row.label, column.label) : null;
  };

  /** A refusal in words: each refused cell's problem beside it, a frozen plan or a table in use said so. */
  const explain = (error: unknown, base: T, sent: CellChange[]) => {
    if (error instanceof ApiError && error.status === 400) {
      const byCell: Record<string, string> = {};
      const listed = error.problems.map((problem) => {
        const index = /cells(?:\[|\/)(\d+)/.exec(problem.path)?.[1];
        const change = index === undefined ? undefined : sent[Number(index)];
        if (change) byCell[cellId(change.row, change.column)] = problem.message;
        const label = change ? labelOf(base, change) : null;
        return label ? `${label}: ${problem.message}` : problem.message;
      });
      setProblems(byCell);
      return say('error', (t) => t.grid.invalid, listed);
    }
    const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
    if (error instanceof ApiError && error.status === 409) return say('error', (t) => `${error.code === 'frozen' ? t.grid.frozen : t.grid.inUse} ${text}`);
    return say('error', (t) => `${t.grid.failed}: ${text ?? t.errors.network}`);
  };

  /** The table as saved: shown without edits, the conflict and the problems over. */
  const stored = (plan: PlanFile, item: T, etag: string) => {
    setLoaded({ plan: withPlan(plan, item), item, etag });
    setEdits({});
    setProblems({});
    rebuildRef.current = null;
  };

  const settle = (outcome: SaveOutcome<T>, state: Loaded<T>, done: Texts, sent: CellChange[]): boolean => {
    if (outcome.kind === 'saved') {
      stored(state.plan, outcome.saved.data, outcome.saved.etag ?? state.etag);
      say('done', done);
      return true;
    }
    if (outcome.kind === 'conflict') setMessage(null);
    else explain(outcome.error, state.item, sent);
    return false;
  };

  /** Mine on top of a saved version: the whole-table change made again, else the same edits laid over it. */
  const mineOn = (pending: CellEdits) => (theirs: T) => (rebuildRef.current ? rebuildRef.current(theirs) : withEdits(theirs, pending));

  /** The write of mine on a base at its ETag: the whole table, or the edited cells. */
  const writeMine = (base: T, etag: string, pending: CellEdits): { write: () => Promise<Versioned<T>>; sent: CellChange[] } => {
    const rebuild = rebuildRef.current;
    if (rebuild) return { write: () => putItem<T>(planKey, segment, itemKey, rebuild(base), etag), sent: [] };
    const sent = changesOf(base, pending);
    return { write: () => patchCells<T>(planKey, segment, itemKey, sent, etag), sent };
  };

  /** "Spara": the changed cells, at the version read. */
  const save = () => {
    if (!loaded || busy) return;
    rebuildRef.current = null;
    const pending = edits;
    const { write, sent } = writeMine(loaded.item, loaded.etag, pending);
    if (sent.length === 0) return say('done', (t) => t.grid.noChanges);
    setMessage(null);
    const count = sent.length;
    void versioned.save(write, mineOn(pending)).then((outcome) => settle(outcome, loaded, (t) => t.grid.saved(count), sent));
  };

  /** Replaces the whole table with `rebuild` of it (PUT); a conflict keeps `rebuild` to make again on the saved version. */
  const replace = async (rebuild: (base: T) => T, done: Texts): Promise<boolean> => {
    if (!loaded || busy) return false;
    rebuildRef.current = rebuild;
    const pending = edits;
    const { write } = writeMine(loaded.item, loaded.etag, pending);
    // As a save of cells: the last outcome goes, so the next one is announced (and awaited) afresh.
    setMessage(null);
    return settle(await versioned.save(write, mineOn(pending)), loaded, done, []);
  };

  /** "Behåll mina ändringar": the same edits (or table change) sent again on the saved version. */
  const keepMine = () => {
    if (!loaded || !conflict || busy) return;
    const state: Loaded<T> = { plan: withPlan(loaded.plan, conflict.theirs), item: conflict.theirs, etag: conflict.etag };
    setLoaded(state);
    const pending = edits;
    let sent: CellChange[] = [];
    const write = (current: SaveConflict<T>) => {
      const mine = writeMine(current.theirs, current.etag, pending);
      sent = mine.sent;
      return mine.write();
    };
    if (!rebuildRef.current && changesOf(conflict.theirs, pending).length === 0) {
      versioned.takeTheirs();
      stored(loaded.plan, conflict.theirs, conflict.etag);
      return say('done', (t) => t.grid.noChanges);
    }
    void versioned.keepMine(write, mineOn(pending))?.then((outcome) => settle(outcome, state, (t) => t.grid.keptMine, sent));
  };

  /** "Använd den sparade versionen": my edits give way to the saved table, by my choice. */
  const takeTheirs = () => {
    if (!loaded) return;
    const saved = versioned.takeTheirs();
    if (!saved) return;
    stored(loaded.plan, saved.theirs, saved.etag);
    say('done', (t) => t.grid.tookTheirs);
  };

  const setCell = (row: string, column: string, text: string) => setEdits((current) => ({ ...current, [cellId(row, column)]: text }));
  const onPaste = (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return; // one value: the input's own paste
    event.preventDefault();
    const pasted = pasteEdits({ grid: parsePastedGrid(text), rows, columns, rowIndex, columnIndex, editable });
    setEdits((current) => ({ ...current, ...pasted.edits }));
    setMessage(pasted.skipped > 0 ? { kind: 'error', text: (t) => t.grid.pasteSkipped(pasted.skipped), problems: [] } : null);
  };

  return {
    loaded,
    loadError,
    status,
    mayEdit,
    editable,
    edits,
    setEdits,
    shown,
    changes,
    changed,
    anyEditable,
    problems,
    message,
    setMessage,
    messageRef,
    busy,
    conflict,
    conflictRef: versioned.conflictRef,
    differences,
    setCell,
    onPaste,
    save,
    replace,
    keepMine,
    takeTheirs,
  };
}

export type GridEditor<T extends FigureTable> = ReturnType<typeof useGridEditor<T>>;
