/**
 * The frame both budget pages share: what shows while the item loads or when it cannot be read, the
 * top of the page (breadcrumbs, the one h1, the links between tables, whether and what may be
 * changed), and the save bar under the grid (live message, conflict view, changed count, save and
 * back). The pages put their own grid and parts between them.
 */
import { mayChangeContent } from '../../../domain/plan-lifecycle.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, paths } from '../../router.tsx';
import { Breadcrumbs } from '../Breadcrumbs.tsx';
import { LiveMessage } from '../LiveMessage.tsx';
import { LoadError, Loading } from '../LoadState.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { CellConflict } from './CellConflict.tsx';
import { TableNav } from './TableNav.tsx';
import type { CellTable, CellTableEditor } from './useCellTable.ts';

/** The page while the item loads or after it failed to load. */
export function BudgetPageWaiting<T extends CellTable>({ editor, missingText }: { editor: CellTableEditor<T>; missingText: string }) {
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
      {anyEditable && !mayChangeContent(plan.plan.status) ? <p className="notice">{t.budgetEditor.adoptedNote}</p> : null}
    </>
  );
}

/** Under the grid: the live message, a conflict to resolve, how many cells changed, save and back. */
export function BudgetSaveBar<T extends CellTable>({ editor, planKey }: { editor: CellTableEditor<T>; planKey: string }) {
  const { t } = useI18n();
  const { conflict, differences, changes, anyEditable, busy } = editor;
  return (
    <>
      <LiveMessage message={editor.message} messageRef={editor.messageRef} tagged />
      {conflict && differences ? (
        <CellConflict
          differences={differences}
          version={conflict.version}
          busy={busy}
          headingRef={editor.conflictRef}
          onKeepMine={editor.keepMine}
          onTakeTheirs={editor.takeTheirs}
        />
      ) : null}
      {changes.length > 0 ? <p className="volume-grid__changed">{t.grid.changed(changes.length)}</p> : null}
      <div className="button-row">
        {anyEditable && !conflict ? (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={editor.save}>
            {busy ? t.grid.saving : t.grid.save}
          </button>
        ) : null}
        <Link className="button-link button-link--secondary" href={paths.plan(planKey)}>
          {t.grid.back}
        </Link>
      </div>
    </>
  );
}
