/**
 * The grid editor of one volume table, the one grid every figure table uses (useGridEditor): a real
 * table with an input per editable cell (named "ROW – COLUMN"), cells kept as printed ("194(-9)",
 * "5,3", "-"), paste from Excel spread over the cells to the right and below, and one save that
 * sends only the changed cells (PATCH …/cells with If-Match). When someone else saved the table
 * meanwhile, the edits stay: both versions are shown cell by cell and the user chooses to keep
 * theirs (sent again on the saved version) or take the saved one. On an adopted plan only the
 * actual and forecast columns can be changed. Fields show only to accounts whose role and
 * organisation scope allow editing this table (the server's rule). Below the grid: plan against
 * actual per year with monthly actuals, and the change history.
 */
import { useId } from 'react';
import { changeScope } from '../../domain/plan-lifecycle.ts';
import type { VolumeTable } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TableHistory } from '../components/ItemHistory.tsx';
import { GridSaveBar } from '../components/grid/GridSaveBar.tsx';
import { useGridEditor } from '../components/grid/useGridEditor.ts';
import { useFigureSources } from '../use-figure-sources.ts';
import { VolumeGrid } from '../components/grid/VolumeGrid.tsx';
import { VolumePlanVsActual } from '../components/insights/VolumePlanVsActual.tsx';
import { useI18n } from '../i18n/index.tsx';
import { paths } from '../router.tsx';
import '../follow-up.css';
import '../insights.css';

export function VolumeGridPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  const { t } = useI18n();
  const id = useId();
  const editor = useGridEditor<VolumeTable>({ planKey, segment: 'volume-tables', itemKey: tableKey });
  const { loaded, shown } = editor;
  const sources = useFigureSources(planKey, 'volume-table', tableKey, loaded?.etag);

  if (editor.loadError) {
    return (
      <div className="page">
        <LoadError error={editor.loadError} notFoundText={t.volumeGrid.missing} />
      </div>
    );
  }
  if (!loaded || !shown) {
    return (
      <div className="page">
        <PageHeading title={t.volumeGrid.loading} ready={false} />
        <Loading text={t.volumeGrid.loading} />
      </div>
    );
  }

  const { plan: planFile, item: table, etag } = loaded;
  const plan = planFile.plan;
  return (
    <div className="page page--volume-grid">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: table.caption, lang: 'sv' }]} />
      <PageHeading title={t.volumeGrid.title(table.caption)} />
      <p>{t.volumeGrid.intro}</p>
      {changeScope(plan.status) === 'follow-up' ? <p className="notice">{t.grid.adoptedNote}</p> : null}
      <VolumeGrid
        id={id}
        caption={t.volumeGrid.caption(table.caption)}
        table={shown}
        editable={editor.editable}
        changed={editor.changed}
        problems={editor.problems}
        onChange={editor.setCell}
        onPaste={editor.onPaste}
        sources={sources}
      />
      <GridSaveBar editor={editor} planKey={planKey} />
      <VolumePlanVsActual plan={planFile} table={table} />
      <TableHistory planKey={planKey} entityType="volume-table" entityKey={table.key} refresh={etag} columns={table.columns} />
    </div>
  );
}
