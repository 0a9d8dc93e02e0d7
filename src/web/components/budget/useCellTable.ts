/**
 * What both budget pages (resultaträkning, investeringsbudget) do with their cells: load and save
 * through useTableEditor, decide which columns the signed-in account may change (the server's rule:
 * role and scope on the item's node, the plan's status per column), lay the edits over the item,
 * and turn typing and pasting into edits. Each page keeps only what is its own (rows, findings,
 * extra parts).
 */
import { useMemo, type ClipboardEvent } from 'react';
import type { PlanFile } from '../../../domain/plan.ts';
import { cellChanges, cellDifferences, type CellRow } from '../../budget-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { planPermissions } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { cellId, columnEditable, parsePastedGrid, pasteEdits, type CellEdits, type GridColumn } from '../grid/grid-rules.ts';
import { useTableEditor, type Segment } from './useTableEditor.ts';

/** A budget table or an investment budget: what the shared editing needs of either. */
export interface CellTable {
  node?: string;
  columns: GridColumn[];
}

interface Options<T> {
  planKey: string;
  segment: Segment;
  itemKey: string;
  /** The item's rows as cell rows (key, label, cells). */
  rowsOf: (item: T) => CellRow[];
  applyEdits: (item: T, edits: CellEdits) => T;
  planWithItem: (plan: PlanFile, item: T) => PlanFile;
}

export function useCellTable<T extends CellTable>({ planKey, segment, itemKey, rowsOf, applyEdits, planWithItem }: Options<T>) {
  const { t } = useI18n();
  const { user } = useSession();
  const editor = useTableEditor<T>({
    planKey,
    segment,
    itemKey,
    planWithItem,
    applyEdits,
    // `editable` is read when a save runs, after this render has defined it.
    changesOf: (item, edits) => cellChanges(rowsOf(item), item.columns, edits, editable),
    labelOf: (item, change) => {
      const row = rowsOf(item).find((r) => r.key === change.row);
      const column = item.columns.find((c) => c.key === change.column);
      return row && column ? t.grid.cellLabel(row.label, column.label) : null;
    },
  });
  const { loaded, edits, conflict } = editor;
  const status = loaded?.plan.plan.status;
  // Role and organisation scope as the server decides them: the table's own node.
  const mayEdit = loaded ? planPermissions(user ?? null, loaded.plan, loaded.item.node).economy : false;
  const editable = (column: GridColumn) => mayEdit && status !== undefined && columnEditable(status, column);
  // applyEdits is a module function: the same on every render.
  const shown = useMemo(() => (loaded ? applyEdits(loaded.item, edits) : null), [loaded, edits]);

  const rows = loaded ? rowsOf(loaded.item) : [];
  const columns = loaded?.item.columns ?? [];
  const changes = cellChanges(rows, columns, edits, editable);
  const changed = new Set(changes.map((change) => cellId(change.row, change.column)));
  const anyEditable = columns.some(editable);
  const differences = conflict ? cellDifferences(rowsOf(conflict.mine), rowsOf(conflict.theirs), columns) : null;

  const setCell = (row: string, column: string, text: string) => editor.setEdits((current) => ({ ...current, [cellId(row, column)]: text }));
  const onPaste = (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return; // one value: the input's own paste
    event.preventDefault();
    const pasted = pasteEdits({ grid: parsePastedGrid(text), rows, columns, rowIndex, columnIndex, editable });
    editor.setEdits((current) => ({ ...current, ...pasted.edits }));
    editor.setMessage(pasted.skipped > 0 ? { kind: 'error', text: (t) => t.grid.pasteSkipped(pasted.skipped), problems: [] } : null);
  };

  return { ...editor, status, mayEdit, editable, shown, changes, changed, anyEditable, differences, setCell, onPaste };
}

export type CellTableEditor<T extends CellTable> = ReturnType<typeof useCellTable<T>>;
