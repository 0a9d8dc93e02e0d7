/**
 * The investment budget (investeringsbudget) of a plan: rows with object number, text and amounts
 * per year, the printed total row, computed column and row sums beside them and the reconciliation
 * findings on their cells while typing. Cells are saved with PATCH …/cells; adding or removing a row
 * replaces the whole item (PUT), both with If-Match and the same conflict view on a 412.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { mayChangeContent } from '../../domain/plan-lifecycle.ts';
import type { CapitalBudget, PlanFile } from '../../domain/plan.ts';
import type { CellRow } from '../../domain/figure-table.ts';
import { capitalFindingCell, capitalFindings, findingsByCell, planWith } from '../budget-view.ts';
import { AddRowForm, type NewRow } from '../components/budget/AddRowForm.tsx';
import { BudgetPageTop, BudgetPageWaiting } from '../components/budget/BudgetPageShell.tsx';
import { GridSaveBar } from '../components/grid/GridSaveBar.tsx';
import { withEdits } from '../components/grid/grid-rules.ts';
import { CapitalGrid } from '../components/budget/CapitalGrid.tsx';
import { FindingList } from '../components/budget/FindingList.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { nodeLabel } from '../components/budget/TableNav.tsx';
import { useGridEditor } from '../components/grid/useGridEditor.ts';
import { useI18n } from '../i18n/index.tsx';
import '../budget.css';

/** A key for a new row that no row of the budget has ("inv-5"). */
export function newRowKey(budget: CapitalBudget): string {
  const taken = new Set(budget.rows.map((row) => row.key));
  let n = budget.rows.length + 1;
  while (taken.has(`inv-${n}`)) n += 1;
  return `inv-${n}`;
}

const planWithBudget = (plan: PlanFile, item: CapitalBudget) => planWith(plan, { capitalBudget: item });

export function CapitalBudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const id = useId();
  const [removing, setRemoving] = useState<CellRow | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const editor = useGridEditor<CapitalBudget>({ planKey, segment: 'capital-budgets', itemKey: tableKey, planWithItem: planWithBudget });
  const { loaded, shown, edits, status } = editor;
  const mayChangeRows = editor.mayEdit && status !== undefined && mayChangeContent(status);
  const findings = useMemo(() => (loaded && shown ? capitalFindings(loaded.plan, shown) : null), [loaded, shown]);

  if (!loaded || !shown || !findings) return <BudgetPageWaiting editor={editor} missingText={t.budgetEditor.capitalMissing} />;

  const { plan, item: budget } = loaded;
  const name = nodeLabel(plan, budget.node);

  // Rows change by replacing the whole budget: my cell edits and the new or removed row, laid over
  // whichever version is saved (again on the newer one if I keep my changes after a conflict).
  const add = (row: NewRow) =>
    editor.replace(
      (base) => {
        const next = withEdits(base, edits);
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
        const next = withEdits(base, edits);
        return { ...next, rows: next.rows.filter((row) => row.key !== key) };
      },
      (t) => t.budgetEditor.removed(text),
    );
  };

  return (
    <div className="page page--budget">
      <BudgetPageTop plan={plan} current={budget.key} crumb={budget.caption} title={t.budgetEditor.capitalTitle(name)} intro={t.budgetEditor.capitalIntro} anyEditable={editor.anyEditable} />
      <CapitalGrid
        id={id}
        budget={shown}
        name={name}
        editable={editor.editable}
        mayRemove={mayChangeRows}
        changed={editor.changed}
        problems={editor.problems}
        findings={findingsByCell(findings.own, (finding) => capitalFindingCell(shown, finding))}
        onChange={editor.setCell}
        onPaste={editor.onPaste}
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
      <GridSaveBar editor={editor} planKey={planKey} />
      <FindingList findings={findings} />
      <TableHistory planKey={planKey} entityType="capital-budget" entityKey={budget.key} refresh={loaded.etag} columns={budget.columns} />
      {mayChangeRows && !editor.conflict ? <AddRowForm columns={budget.columns} busy={editor.busy} onAdd={add} /> : null}
    </div>
  );
}
