/**
 * An economic table (a node's resultaträkning, a committee's driftredovisning): its cells as
 * printed, editable where the role and the plan's status allow (on an adopted plan only outcome,
 * forecast and printed deviation columns), paste from Excel over many cells, one save with
 * If-Match, and the reconciliation computed in the browser on the table as typed — the same domain
 * function the server and `styrkort check` use — so a gap shows on its cell and in the list while
 * typing. Before adoption its layout changes too (rows, columns, kinds, units) and a whole
 * statement can be pasted in its place, each saved through the one grid editor's whole-table
 * write. Readers see the same table and findings without fields. The chart shows the year's
 * budget, actual and forecast per row.
 */
import { useId, useMemo } from 'react';
import { mayChangeContent } from '../../domain/plan-lifecycle.ts';
import type { BudgetTable, PlanFile } from '../../domain/plan.ts';
import { budgetChartData } from '../budget-chart.ts';
import { budgetFindingCell, budgetFindings, computedNotes, findingsByCell, hasParts, partSums, planWith } from '../budget-view.ts';
import { BudgetChart } from '../components/budget/BudgetChart.tsx';
import { BudgetGrid } from '../components/budget/BudgetGrid.tsx';
import { BudgetPageTop, BudgetPageWaiting } from '../components/budget/BudgetPageShell.tsx';
import { GridSaveBar } from '../components/grid/GridSaveBar.tsx';
import { withEdits } from '../components/grid/grid-rules.ts';
import { FindingList } from '../components/budget/FindingList.tsx';
import { PasteStatement } from '../components/budget/PasteStatement.tsx';
import { TableStructure } from '../components/budget/TableStructure.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { nodeLabel } from '../components/budget/TableNav.tsx';
import { useGridEditor } from '../components/grid/useGridEditor.ts';
import { useFigureSources } from '../use-figure-sources.ts';
import { useI18n } from '../i18n/index.tsx';
import '../charts.css';
import '../budget.css';

/** What a budget table is called on the page: its heading, else its node's name, else its caption. */
export function budgetTableName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? (table.node ? nodeLabel(plan, table.node) : table.caption);
}

const planWithTable = (plan: PlanFile, item: BudgetTable) => planWith(plan, { budgetTable: item });

export function BudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const id = useId();
  const editor = useGridEditor<BudgetTable>({ planKey, segment: 'budget-tables', itemKey: tableKey, planWithItem: planWithTable });
  const { loaded, shown, edits, status } = editor;
  const sources = useFigureSources(planKey, 'budget-table', tableKey, loaded?.etag);
  const findings = useMemo(() => (loaded && shown ? budgetFindings(loaded.plan, shown) : null), [loaded, shown]);
  const computed = useMemo(() => (loaded && shown ? computedNotes(loaded.plan, shown) : null), [loaded, shown]);
  // The layout changes only while the content may (plan-lifecycle), by those who may change the table.
  const mayChangeLayout = editor.mayEdit && status !== undefined && mayChangeContent(status);

  if (!loaded || !shown || !findings || !computed) return <BudgetPageWaiting editor={editor} missingText={t.budgetEditor.missing} />;

  const { plan, item: table } = loaded;
  const name = budgetTableName(plan, table);
  const parent = table.rollup?.included ? plan.budgetTables.find((candidate) => candidate.key === table.rollup!.into) : undefined;
  const parts = hasParts(plan, table) ? partSums(plan, shown) : null;
  const chart = budgetChartData(shown);
  // A change of layout is laid over the saved version with my cell edits (the whole table, PUT),
  // and made again on a newer one when I keep my changes after a conflict.
  const changeLayout = (change: (table: BudgetTable) => BudgetTable, done: string) => editor.replace((base) => change(withEdits(base, edits)), () => done);

  return (
    <div className="page page--budget">
      <BudgetPageTop plan={plan} current={table.key} crumb={name} title={t.budgetEditor.title(name)} intro={t.budgetEditor.intro} anyEditable={editor.anyEditable} />
      {parts ? <p className="muted">{t.budgetEditor.partsNote}</p> : null}
      <BudgetGrid
        id={id}
        caption={t.budgetEditor.caption(name, table.unit)}
        table={shown}
        editable={editor.editable}
        changed={editor.changed}
        problems={editor.problems}
        findings={findingsByCell(findings.own, budgetFindingCell)}
        computed={computed}
        parts={parts}
        onChange={editor.setCell}
        onPaste={editor.onPaste}
        sources={sources}
      />
      <GridSaveBar editor={editor} planKey={planKey} />
      <FindingList findings={findings} parentName={parent ? budgetTableName(plan, parent) : undefined} />
      {mayChangeLayout && !editor.conflict ? (
        <>
          <TableStructure plan={plan} table={shown} busy={editor.busy} onChange={changeLayout} />
          <PasteStatement plan={plan} table={table} busy={editor.busy} onReplace={(pasted) => changeLayout(() => pasted, t.economicTable.replaced)} />
        </>
      ) : null}
      <TableHistory planKey={planKey} entityType="budget-table" entityKey={table.key} refresh={loaded.etag} columns={table.columns} />
      <section className="budget-chart-section" aria-labelledby="budget-chart-heading">
        <h2 id="budget-chart-heading">{t.budgetEditor.chartHeading}</h2>
        {chart ? <BudgetChart data={chart} name={name} /> : <p>{t.budgetEditor.chartNone}</p>}
      </section>
    </div>
  );
}
