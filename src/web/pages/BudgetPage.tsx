/**
 * The income statement (resultaträkning) of one node: its cells as printed, editable where the
 * role and the plan's status allow (on an adopted plan only actual and forecast columns), paste
 * from Excel over many cells, one save with If-Match, and the reconciliation computed in the
 * browser on the table as typed — so a gap shows on its cell and in the list while typing.
 * Readers see the same table and findings without fields. The chart shows the year's budget,
 * actual and forecast per line.
 */
import { useId, useMemo, type ClipboardEvent } from 'react';
import type { BudgetTable, Column, PlanFile } from '../../domain/plan.ts';
import { budgetChartData } from '../budget-chart.ts';
import {
  applyBudgetEdits,
  budgetFindingCell,
  budgetFindings,
  budgetRows,
  cellChanges,
  cellDifferences,
  cellId,
  findingsByCell,
  hasParts,
  partSums,
  pasteEdits,
  planWith,
} from '../budget-view.ts';
import { BudgetChart } from '../components/budget/BudgetChart.tsx';
import { BudgetGrid } from '../components/budget/BudgetGrid.tsx';
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

/** What a budget table is called on the page: its heading, else its node's name. */
export function budgetTableName(plan: PlanFile, table: BudgetTable): string {
  return table.heading ?? nodeLabel(plan, table.node);
}

export function BudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const id = useId();
  const editor = useTableEditor<BudgetTable>({
    planKey,
    segment: 'budget-tables',
    itemKey: tableKey,
    planWithItem: (plan, item) => planWith(plan, { budgetTable: item }),
    applyEdits: applyBudgetEdits,
    // `editable` is read when a save runs, after this render has defined it.
    changesOf: (item, edits) => cellChanges(budgetRows(item), item.columns, edits, editable),
    labelOf: (item, change) => {
      const row = item.rows.find((r) => r.line === change.row);
      const column = item.columns.find((c) => c.key === change.column);
      return row && column ? t.budgetEditor.cellLabel(row.label, column.label) : null;
    },
  });
  const { loaded, edits } = editor;
  const status = loaded?.plan.plan.status;
  // Role and organisation scope as the server decides them: the table's own node.
  const mayEdit = loaded ? planPermissions(user ?? null, loaded.plan, loaded.item.node).economy : false;
  const editable = (column: Column) => mayEdit && status !== undefined && columnEditable(status, column);

  const shown = useMemo(() => (loaded ? applyBudgetEdits(loaded.item, edits) : null), [loaded, edits]);
  const findings = useMemo(() => (loaded && shown ? budgetFindings(loaded.plan, shown) : null), [loaded, shown]);

  if (editor.loadError) {
    return (
      <div className="page">
        <LoadError error={editor.loadError} notFoundText={t.budgetEditor.missing} />
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

  const { plan, item: table } = loaded;
  const name = budgetTableName(plan, table);
  const changes = cellChanges(budgetRows(table), table.columns, edits, editable);
  const changed = new Set(changes.map((change) => cellId(change.row, change.column)));
  const parent = table.rollup?.included ? plan.budgetTables.find((candidate) => candidate.key === table.rollup!.into) : undefined;
  const parts = hasParts(plan, table) ? partSums(plan, shown) : null;
  const chart = budgetChartData(shown);
  const anyEditable = table.columns.some(editable);

  const setCell = (row: string, column: string, text: string) => editor.setEdits((current) => ({ ...current, [cellId(row, column)]: text }));
  const onPaste = (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n\r]/.test(text)) return; // one value: the input's own paste
    event.preventDefault();
    const pasted = pasteEdits({ grid: parsePastedGrid(text), rows: budgetRows(table), columns: table.columns, rowIndex, columnIndex, editable });
    editor.setEdits((current) => ({ ...current, ...pasted.edits }));
    editor.setMessage(pasted.skipped > 0 ? { kind: 'error', text: (t) => t.budgetEditor.pasteSkipped(pasted.skipped), problems: [] } : null);
  };

  return (
    <div className="page page--budget">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: name, lang: 'sv' }]} />
      <PageHeading title={t.budgetEditor.title(name)} />
      <TableNav plan={plan} current={table.key} />
      {anyEditable ? <p>{t.budgetEditor.intro}</p> : <p className="notice">{t.budgetEditor.readOnlyNote}</p>}
      {anyEditable && plan.plan.status === 'adopted' ? <p className="notice">{t.budgetEditor.adoptedNote}</p> : null}
      {parts ? <p className="muted">{t.budgetEditor.partsNote}</p> : null}
      <BudgetGrid
        id={id}
        caption={t.budgetEditor.caption(name, table.unit)}
        table={shown}
        editable={editable}
        changed={changed}
        problems={editor.problems}
        findings={findingsByCell(findings.own, budgetFindingCell)}
        parts={parts}
        onChange={setCell}
        onPaste={onPaste}
      />
      <LiveMessage message={editor.message} messageRef={editor.messageRef} tagged />
      {editor.conflict ? (
        <CellConflict
          differences={cellDifferences(budgetRows(editor.conflict.mine), budgetRows(editor.conflict.theirs), table.columns)}
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
      <FindingList findings={findings} parentName={parent ? budgetTableName(plan, parent) : undefined} />
      <TableHistory planKey={planKey} entityType="budget-table" entityKey={table.key} refresh={loaded.etag} columns={table.columns} />
      <section className="budget-chart-section" aria-labelledby="budget-chart-heading">
        <h2 id="budget-chart-heading">{t.budgetEditor.chartHeading}</h2>
        {chart ? <BudgetChart data={chart} name={name} /> : <p>{t.budgetEditor.chartNone}</p>}
      </section>
    </div>
  );
}
