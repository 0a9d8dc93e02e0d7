/**
 * A refused save (412) of any grid shown cell by cell: what I wrote beside what is saved now, and
 * the choice between keeping my changes (sent again on the saved version) and using the saved one.
 */
import type { CellDifference } from '../../../domain/figure-table.ts';
import { cellId } from './grid-rules.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConflictChoice, type ConflictHandlers } from '../FieldConflict.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Props extends ConflictHandlers {
  differences: CellDifference[];
  version: number;
}

export function GridConflict({ differences, version, busy, headingRef, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useI18n();
  const captionId = 'cell-conflict-caption';
  const shown = (text: string, kind: CellDifference['kind']) =>
    text === '' ? <span className="muted">{kind === 'row' ? t.grid.noRow : t.grid.empty}</span> : <span lang="sv">{text}</span>;
  return (
    <div className="conflict budget-conflict" role="group" aria-labelledby="cell-conflict-heading">
      <h2 id="cell-conflict-heading" ref={headingRef} tabIndex={-1} className="conflict__heading">
        {t.grid.conflictHeading}
      </h2>
      <p>{t.grid.conflictText}</p>
      <ScrollRegion labelledBy={captionId}>
        <table className="budget-conflict__table">
          <caption id={captionId}>{t.grid.conflictCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.grid.conflictCell}</th>
              <th scope="col" className="num">
                {t.grid.mine}
              </th>
              <th scope="col" className="num">
                {t.grid.theirs(version)}
              </th>
            </tr>
          </thead>
          <tbody>
            {differences.map((difference) => (
              <tr key={cellId(difference.rowKey, difference.columnKey)} data-cell={`${difference.rowKey}/${difference.columnKey}`}>
                <th scope="row" lang="sv">
                  {difference.kind === 'cell' ? t.grid.cellLabel(difference.row, difference.column) : difference.row}
                </th>
                <td className="num" data-version="mine">
                  {shown(difference.after, difference.kind)}
                </td>
                <td className="num" data-version="theirs">
                  {shown(difference.before, difference.kind)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ConflictChoice busy={busy} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} />
    </div>
  );
}
