/**
 * The frame both budget pages share: what shows while the item loads or when it cannot be read, and
 * the top of the page (breadcrumbs, the one h1, the links between tables, whether and what may be
 * changed). Under the grid every grid has the same save bar (grid/GridSaveBar.tsx).
 */
import { mayChangeContent } from '../../../domain/plan-lifecycle.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { paths } from '../../router.tsx';
import { Breadcrumbs } from '../Breadcrumbs.tsx';
import { LoadError, Loading } from '../LoadState.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { TableNav } from './TableNav.tsx';
import type { FigureTable } from '../../../domain/figure-table.ts';
import type { GridEditor } from '../grid/useGridEditor.ts';

/** The page while the item loads or after it failed to load. */
export function BudgetPageWaiting<T extends FigureTable>({ editor, missingText }: { editor: GridEditor<T>; missingText: string }) {
  const { t } = useI18n();
  if (editor.loadError) {
    return (
      <div className="page">
        <LoadError error={editor.loadError} notFoundText={missingText} />
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeading title={t.budgetEditor.loading} ready={false} />
      <Loading text={t.budgetEditor.loading} />
    </div>
  );
}

interface TopProps {
  plan: PlanFile;
  /** The item's key, marked in the links between tables. */
  current: string;
  /** The last breadcrumb: the table as the plan names it. */
  crumb: string;
  title: string;
  /** What the page is for, said to those who may change something. */
  intro: string;
  anyEditable: boolean;
}

export function BudgetPageTop({ plan, current, crumb, title, intro, anyEditable }: TopProps) {
  const { t } = useI18n();
  return (
    <>
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' }, { label: crumb, lang: 'sv' }]} />
      <PageHeading title={title} />
      <TableNav plan={plan} current={current} />
      {anyEditable ? <p>{intro}</p> : <p className="notice">{t.budgetEditor.readOnlyNote}</p>}
      {anyEditable && !mayChangeContent(plan.plan.status) ? <p className="notice">{t.grid.adoptedNote}</p> : null}
    </>
  );
}
