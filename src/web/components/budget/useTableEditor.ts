/**
 * Loading and saving one budget table or investment budget: read with the plan (for the
 * reconciliation) and the item's version; cells saved with PATCH …/cells and the whole item with
 * PUT, both with If-Match. A stale save (412) is never overwritten: both versions are kept for the
 * conflict view, where the user keeps their changes (sent again on the new version) or takes the
 * saved one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getItem, getPlan, patchCells, putItem, type CellChange, type PlanFile, type Versioned } from '../../api.ts';
import { cellId, type CellEdits } from '../grid/grid-rules.ts';
import type { Message } from '../LiveMessage.tsx';
import type { Messages } from '../../i18n/index.tsx';

export type Segment = 'budget-tables' | 'capital-budgets';

export interface Loaded<T> {
  plan: PlanFile;
  item: T;
  etag: string;
}

/**
 * A refused save: the saved version, and mine = my changes laid over it (what keeping mine would
 * save), so the view shows exactly the cells where the two differ.
 */
export interface Conflict<T> {
  mine: T;
  theirs: T;
  version: number;
  /** null: my edits are sent again as cells; else my change of the whole item, made again on a base. */
  rebuild: ((base: T) => T) | null;
}

interface Options<T> {
  planKey: string;
  segment: Segment;
  itemKey: string;
  /** The plan with this item replaced (the reconciliation reads the plan). */
  planWithItem: (plan: PlanFile, item: T) => PlanFile;
  /** The item as it is with the edits. */
  applyEdits: (item: T, edits: CellEdits) => T;
  /** The cells a save sends: the edits that differ from `item`. */
  changesOf: (item: T, edits: CellEdits) => CellChange[];
  /** "ROW – COLUMN" of a change, to name a 400 problem's cell. */
  labelOf: (item: T, change: CellChange) => string | null;
}

type Texts = (t: Messages) => string;

export function useTableEditor<T>(options: Options<T>) {
  const { planKey, segment, itemKey } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [edits, setEdits] = useState<CellEdits>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  /** The server's problem with each refused cell, by cell id, shown beside the cell. */
  const [problems, setProblems] = useState<Record<string, string>>({});
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getPlan(planKey, controller.signal), getItem<T>(planKey, segment, itemKey, controller.signal)])
      .then(([plan, item]) => setLoaded({ plan: optionsRef.current.planWithItem(plan.data, item.data), item: item.data, etag: item.etag ?? '' }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error)));
      });
    return () => controller.abort();
  }, [planKey, segment, itemKey]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const say = (kind: Message['kind'], text: Texts, problems: string[] = []) => {
    setMessage({ kind, text, problems });
    messageRef.current?.focus();
  };

  /** The outcome of a refused or failed write, in words; a 412 becomes a conflict. */
  const refused = (error: unknown, options: { pending: CellEdits; rebuild: Conflict<T>['rebuild']; base: T; changes: CellChange[] }) => {
    const { pending, rebuild, base, changes } = options;
    if (error instanceof ApiError && error.status === 412) {
      const current = (error.details as { current?: { version: number; item: T } } | undefined)?.current;
      if (current) {
        const mine = rebuild ? rebuild(current.item) : optionsRef.current.applyEdits(current.item, pending);
        setMessage(null);
        setConflict({ mine, theirs: current.item, version: current.version, rebuild });
        return;
      }
    }
    if (error instanceof ApiError && error.status === 400) {
      const byCell: Record<string, string> = {};
      const listed = error.problems.map((problem) => {
        const index = /cells(?:\[|\/)(\d+)/.exec(problem.path)?.[1];
        const change = index === undefined ? undefined : changes[Number(index)];
        if (change) byCell[cellId(change.row, change.column)] = problem.message;
        const label = change ? optionsRef.current.labelOf(base, change) : null;
        return label ? `${label}: ${problem.message}` : problem.message;
      });
      setProblems(byCell);
      say('error', (t) => t.grid.invalid, listed);
    } else if (error instanceof ApiError && error.status === 409) {
      const text = error.message;
      say('error', (t) => `${error.code === 'frozen' ? t.grid.frozen : t.budgetEditor.inUse} ${text}`);
    } else {
      const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
      say('error', (t) => `${t.grid.failed}: ${text ?? t.errors.network}`);
    }
  };

  const stored = (plan: PlanFile, item: T, etag: string) => {
    setLoaded({ plan: optionsRef.current.planWithItem(plan, item), item, etag });
    setEdits({});
    setConflict(null);
    setProblems({});
  };

  /** One write at `state`'s version: busy while it runs, the saved version kept, a refusal explained. */
  const write = async (state: Loaded<T>, send: () => Promise<Versioned<T>>, done: Texts, failure: Parameters<typeof refused>[1]): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await send();
      stored(state.plan, saved.data, saved.etag ?? state.etag);
      say('done', done);
      return true;
    } catch (error) {
      refused(error, failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Sends the edits as cells against `base` at `etag`. */
  const sendCells = async (state: Loaded<T>, pending: CellEdits, done: Texts) => {
    const { changesOf } = optionsRef.current;
    const changes = changesOf(state.item, pending);
    if (changes.length === 0) {
      stored(state.plan, state.item, state.etag);
      say('done', (t) => t.grid.noChanges);
      return;
    }
    await write(state, () => patchCells<T>(planKey, segment, itemKey, changes, state.etag), done, { pending, rebuild: null, base: state.item, changes });
  };

  /** Puts the whole item, changed by `rebuild` (a row added or removed, with the edits), at `etag`. */
  const sendItem = (state: Loaded<T>, rebuild: (base: T) => T, done: Texts) =>
    write(state, () => putItem<T>(planKey, segment, itemKey, rebuild(state.item), state.etag), done, { pending: edits, rebuild, base: state.item, changes: [] });

  const save = useCallback(() => {
    if (!loaded || busy) return;
    const count = optionsRef.current.changesOf(loaded.item, edits).length;
    void sendCells(loaded, edits, (t) => t.grid.saved(count));
  }, [loaded, busy, edits]);

  /** Replaces the whole item with `rebuild` of it (PUT); a conflict keeps `rebuild` to make again on the saved version. */
  const replace = (rebuild: (base: T) => T, done: Texts): Promise<boolean> => (loaded && !busy ? sendItem(loaded, rebuild, done) : Promise.resolve(false));

  /** "Behåll mina ändringar": my edits (or my whole item) sent again on the saved version. */
  const keepMine = () => {
    if (!loaded || !conflict || busy) return;
    const state = { plan: loaded.plan, item: conflict.theirs, etag: `"${conflict.version}"` };
    setLoaded({ ...state, plan: optionsRef.current.planWithItem(loaded.plan, conflict.theirs) });
    if (conflict.rebuild === null) void sendCells(state, edits, (t) => t.budgetEditor.keptMine);
    else void sendItem(state, conflict.rebuild, (t) => t.budgetEditor.keptMine);
  };

  /** "Använd den sparade versionen": my edits are dropped. */
  const takeTheirs = () => {
    if (!loaded || !conflict) return;
    stored(loaded.plan, conflict.theirs, `"${conflict.version}"`);
    say('done', (t) => t.budgetEditor.tookTheirs);
  };

  return { loaded, loadError, edits, setEdits, busy, message, setMessage, messageRef, conflict, conflictRef, problems, save, replace, keepMine, takeTheirs };
}
