/**
 * The investment budget (investeringsbudget) of a plan: rows with object number, text and amounts
 * per year, the printed total row, computed column and row sums beside them and the reconciliation
 * findings on their cells while typing. Cells are saved with PATCH …/cells; adding or removing a row
 * replaces the whole item (PUT), both with If-Match and the same conflict view on a 412.
 */
import { useId, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import type { CapitalBudget, Column } from '../../domain/plan.ts';
import {
  applyCapitalEdits,
  capitalFindingCell,
  capitalFindings,
  capitalRows,
  cellChanges,
  cellDifferences,
  cellId,
  findingsByCell,
  pasteEdits,
  planWith,
  type CellRow,
} from '../budget-view.ts';
import { AddRowForm, type NewRow } from '../components/budget/AddRowForm.tsx';
import { CapitalGrid } from '../components/budget/CapitalGrid.tsx';
import { CellConflict } from '../components/budget/CellConflict.tsx';
import { FindingList } from '../components/budget/FindingList.tsx';
import { nodeLabel, TableNav } from '../components/budget/TableNav.tsx';
import { useTableEditor } from '../components/budget/useTableEditor.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LiveMessage } from '../components/LiveMessage.tsx';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { planPermissions } from '../permissions.ts';
import { useSession } from '../session.tsx';
import { columnEditable, parsePastedGrid } from './VolumeGridPage.tsx';
import '../budget.css';

/** A key for a new row that no row of the budget has ("inv-5"). */
export function newRowKey(budget: CapitalBudget): string {
  const taken = new Set(budget.rows.map((row) => row.key));
  let n = budget.rows.length + 1;
  while (taken.has(`inv-${n}`)) n += 1;
  return `inv-${n}`;
}

export function CapitalBudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const id = useId();
  const [removing, setRemoving] = useState<CellRow | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const editor = useTableEditor<CapitalBudget>({
    planKey,
    segment: 'capital-budgets',
    itemKey: tableKey,
    planWithItem: (plan, item) => planWith(plan, { capitalBudget: item }),
    applyEdits: applyCapitalEdits,
    // `editable` is read when a save runs, after this render has defined it.
    changesOf: (item, edits) => cellChanges(capitalRows(item), item.columns, edits, editable),
    labelOf: (item, change) => {
      const row = capitalRows(item).find((r) => r.key === change.row);
      const column = item.columns.find((c) => c.key === change.column);
      return row && column ? t.budgetEditor.cellLabel(row.label, column.label) : null;
    },
  });
  const { loaded, edits } = editor;
  const status = loaded?.plan.plan.status;
  // Role and organisation scope as the server decides them: the table's own node.
  const mayEdit = loaded ? planPermissions(user ?? null, loaded.plan, loaded.item.node).economy : false;
  const editable = (column: Column) => mayEdit && status !== undefined && columnEditable(status, column);
  const mayChangeRows = mayEdit && (status === 'draft' || status === 'submitted');

  const shown = useMemo(() => (loaded ? applyCapitalEdits(loaded.item, edits) : null), [loaded, edits]);
  const findings = useMemo(() => (loaded && shown ? capitalFindings(loaded.plan, shown) : null), [loaded, shown]);

  if (editor.loadError) {
    return (
      <div className="page">
        <LoadError error={editor.loadError} notFoundText={t.budgetEditor.capitalMissing} />
      </div>
    );
  }
  if (!loaded || !shown || !findings) {
    return (
      <div className="page">
        <PageHeading title={t.budgetEditor.loading} ready={false} />
        <Loading text={t.budgetEditor.loading} />
      </div>
    );
  }

  const { plan, item: budget } = loaded;
  const name = nodeLabel(plan, budget.node);
  const rows = capitalRows(budget);
  const changes = cellChanges(rows, budget.columns, edits, editable);
  const changed = new Set(changes.map((change) => cellId(change.row, change.column)));
  const anyEditable = budget.columns.some(editable);

  const setCell = (row: string, column: string, text: string) => editor.setEdits((current) => ({ ...current, [cellId(row, column)]: text }));
  const onPaste = (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return; // one value: the input's own paste
    event.preventDefault();
    const pasted = pasteEdits({ grid: parsePastedGrid(text), rows, columns: budget.columns, rowIndex, columnIndex, editable });
    editor.setEdits((current) => ({ ...current, ...pasted.edits }));
    editor.setMessage(pasted.skipped > 0 ? { kind: 'error', text: (t) => t.budgetEditor.pasteSkipped(pasted.skipped), problems: [] } : null);
  };

  // Rows change by replacing the whole budget: my cell edits and the new or removed row, laid over
  // whichever version is saved (again on the newer one if I keep my changes after a conflict).
  const add = (row: NewRow) =>
    editor.replace(
      (base) => {
        const next = applyCapitalEdits(base, edits);
        return { ...next, rows: [...next.rows, { key: newRowKey(next), ...row }] };
      },
      (t) => t.budgetEditor.added(row.text),
    );
  const askRemove = (row: CellRow) => {
    setRemoving(row);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  // Back to the row's own button, so a keyboard user continues where they were.
  const cancelRemove = () => {
    const key = removing?.key;
    setRemoving(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`tr[data-row="${key}"] .capital-grid__remove`)?.focus());
  };
  const remove = async () => {
    if (!removing) return;
    const text = removing.label;
    const key = removing.key;
    setRemoving(null);
    await editor.replace(
      (base) => {
        const next = applyCapitalEdits(base, edits);
        return { ...next, rows: next.rows.filter((row) => row.key !== key) };
      },
      (t) => t.budgetEditor.removed(text),
    );
  };

  return (
    <div className="page page--budget">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: budget.caption, lang: 'sv' }]} />
      <PageHeading title={t.budgetEditor.capitalTitle(name)} />
      <TableNav plan={plan} current={budget.key} />
      {anyEditable ? <p>{t.budgetEditor.capitalIntro}</p> : <p className="notice">{t.budgetEditor.readOnlyNote}</p>}
      {anyEditable && status === 'adopted' ? <p className="notice">{t.budgetEditor.adoptedNote}</p> : null}
      <CapitalGrid
        id={id}
        budget={shown}
        name={name}
        editable={editable}
        mayRemove={mayChangeRows}
        changed={changed}
        problems={editor.problems}
        findings={findingsByCell(findings.own, (finding) => capitalFindingCell(shown, finding))}
        onChange={setCell}
        onPaste={onPaste}
        onRemove={askRemove}
      />
      {removing ? (
        <div className="notice notice--warning" role="group" aria-labelledby="capital-remove-question">
          <p id="capital-remove-question" ref={confirmRef} tabIndex={-1} lang="sv">
            {t.budgetEditor.confirmRemove(removing.label)}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void remove()}>
              {t.budgetEditor.confirmRemoveYes}
            </button>
            <button type="button" className="button button--secondary" onClick={cancelRemove}>
              {t.budgetEditor.confirmRemoveNo}
            </button>
          </div>
        </div>
      ) : null}
      <LiveMessage message={editor.message} messageRef={editor.messageRef} tagged />
      {editor.conflict ? (
        <CellConflict
          differences={cellDifferences(capitalRows(editor.conflict.mine), capitalRows(editor.conflict.theirs), budget.columns)}
          version={editor.conflict.version}
          busy={editor.busy}
          headingRef={editor.conflictRef}
          onKeepMine={editor.keepMine}
          onTakeTheirs={editor.takeTheirs}
        />
      ) : null}
      {changes.length > 0 ? <p className="volume-grid__changed">{t.budgetEditor.changed(changes.length)}</p> : null}
      <div className="button-row">
        {anyEditable && !editor.conflict ? (
          <button type="button" className="button" aria-disabled={editor.busy || undefined} onClick={editor.save}>
            {editor.busy ? t.budgetEditor.saving : t.budgetEditor.save}
          </button>
        ) : null}
        <Link className="button-link button-link--secondary" href={paths.plan(planKey)}>
          {t.budgetEditor.back}
        </Link>
      </div>
      <FindingList findings={findings} />
      {mayChangeRows && !editor.conflict ? <AddRowForm columns={budget.columns} busy={editor.busy} onAdd={add} /> : null}
      <TableHistory planKey={planKey} entityType="capital-budget" entityKey={budget.key} refresh={loaded.etag} columns={budget.columns} />
    </div>
  );
}
