/**
 * A volume table as a grid: a row per measure (named by its label, as printed), a column per printed
 * column, an input per editable cell through the one grid cell (GridCell) every grid uses.
 */
import { cellRowsOf } from '../../../domain/figure-table.ts';
import type { VolumeTable } from '../../../domain/plan.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GridCell, type CellEditing } from './GridCell.tsx';
import { GridTable } from './GridTable.tsx';

interface Props extends Omit<CellEditing, 'findings'> {
  id: string;
  caption: string;
  /** The table as it stands with the unsaved edits. */
  table: VolumeTable;
}

// A volume table has no reconciliation findings on its cells.
const noFindings = new Map();

export function VolumeGrid({ caption, table, ...editing }: Props) {
  const { t } = useI18n();
  const grid = { ...editing, findings: noFindings, unit: '' };
  return (
    <GridTable id={editing.id} caption={caption} className="volume-grid" leading={<th scope="col">{t.volumeGrid.measure}</th>} columns={table.columns}>
      <tbody>
        {cellRowsOf(table).map((row, rowIndex) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            {table.columns.map((column, columnIndex) => (
              <GridCell key={column.key} grid={grid} row={row} rowIndex={rowIndex} column={column} columnIndex={columnIndex} />
            ))}
          </tr>
        ))}
      </tbody>
    </GridTable>
  );
}
