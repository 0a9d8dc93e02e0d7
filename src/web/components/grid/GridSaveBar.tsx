/** Under every grid: the live message, a conflict to choose in, how many cells changed, save and back. */
import type { FigureTable } from '../../../domain/figure-table.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link, paths } from '../../router.tsx';
import { LiveMessage } from '../LiveMessage.tsx';
import { GridConflict } from './GridConflict.tsx';
import type { GridEditor } from './useGridEditor.ts';

export function GridSaveBar<T extends FigureTable>({ editor, planKey }: { editor: GridEditor<T>; planKey: string }) {
  const { t } = useI18n();
  const { conflict, differences, changes, anyEditable, busy } = editor;
  return (
    <>
      <LiveMessage message={editor.message} messageRef={editor.messageRef} tagged />
      {conflict && differences ? (
        <GridConflict
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
