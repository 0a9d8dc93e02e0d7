/**
 * The income statement (resultaträkning) of one node: its cells as printed, editable where the
 * role and the plan's status allow (on an adopted plan only actual and forecast columns), paste
 * from Excel over many cells, one save with If-Match, and the reconciliation computed in the
 * browser on the table as typed — so a gap shows on its cell and in the list while typing.
 * Readers see the same table and findings without fields. The chart shows the year's budget,
 * actual and forecast per line.
 */
import { useId, useMemo } from 'react';
import type { BudgetTable, PlanFile } from '../../domain/plan.ts';
import { budgetChartData } from '../budget-chart.ts';
import { budgetFindingCell, budgetFindings, findingsByCell, hasParts, partSums, planWith } from '../budget-view.ts';
import { BudgetChart } from '../components/budget/BudgetChart.tsx';
import { BudgetGrid } from '../components/budget/BudgetGrid.tsx';
import { BudgetPageTop, BudgetPageWaiting } from '../components/budget/BudgetPageShell.tsx';
import { GridSaveBar } from '../components/grid/GridSaveBar.tsx';
import { FindingList } from '../components/budget/FindingList.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { nodeLabel } from '../components/budget/TableNav.tsx';
import { useGridEditor } from '../components/grid/useGridEditor.ts';
import { useI18n } from '../i18n/index.tsx';
import '../charts.css';
import '../budget.css';

/** What a budget table is called on the page: its heading, else its node's name. */
export function budgetTableName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? nodeLabel(plan, table.node);
}

const planWithTable = (plan: PlanFile, item: BudgetTable) => planWith(plan, { budgetTable: item });

export function BudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const id = useId();
  const editor = useGridEditor<BudgetTable>({ planKey, segment: 'budget-tables', itemKey: tableKey, planWithItem: planWithTable });
  const { loaded, shown } = editor;
  const findings = useMemo(() => (loaded && shown ? budgetFindings(loaded.plan, shown) : null), [loaded, shown]);

  if (!loaded || !shown || !findings) return <BudgetPageWaiting editor={editor} missingText={t.budgetEditor.missing} />;

  const { plan, item: table } = loaded;
  const name = budgetTableName(plan, table);
  const parent = table.rollup?.included ? plan.budgetTables.find((candidate) => candidate.key === table.rollup!.into) : undefined;
  const parts = hasParts(plan, table) ? partSums(plan, shown) : null;
  const chart = budgetChartData(shown);

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
        parts={parts}
        onChange={editor.setCell}
        onPaste={editor.onPaste}
      />
      <GridSaveBar editor={editor} planKey={planKey} />
      <FindingList findings={findings} parentName={parent ? budgetTableName(plan, parent) : undefined} />
      <TableHistory planKey={planKey} entityType="budget-table" entityKey={table.key} refresh={loaded.etag} columns={table.columns} />
      <section className="budget-chart-section" aria-labelledby="budget-chart-heading">
        <h2 id="budget-chart-heading">{t.budgetEditor.chartHeading}</h2>
        {chart ? <BudgetChart data={chart} name={name} /> : <p>{t.budgetEditor.chartNone}</p>}
      </section>
    </div>
  );
}
