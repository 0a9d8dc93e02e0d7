/**
 * The income statement of one node as a grid: a row per budget line, a column per printed column,
 * an input per editable cell. Beside the printed net stands the net income + costs give when they
 * differ (or "beräknat" when no net is printed); a table others roll into gets rows with the sum of
 * its parts; every cell a finding concerns carries its marker.
 */
import { formatAmount } from '../../../domain/format.ts';
import type { BudgetTable, Column } from '../../../domain/plan.ts';
import { cellRowsOf } from '../../../domain/figure-table.ts';
import { derivedNet, LINE_WORDS, type BudgetLine } from '../../budget-view.ts';
import { cellId } from '../grid/grid-rules.ts';
import type { Decimal } from '../../../domain/figure.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GridTable } from '../grid/GridTable.tsx';
import { GridCell, type CellEditing } from '../grid/GridCell.tsx';

interface Props extends CellEditing {
  id: string;
  caption: string;
  /** The table as it stands with the unsaved edits. */
  table: BudgetTable;
  /** Sums of the parts per cell, for a table others roll into; null otherwise. */
  parts: Map<string, Decimal> | null;
}

/** The net income + costs give, written beside the printed net when it adds something. */
function DerivedNote({ id, table, column }: { id: string; table: BudgetTable; column: Column }) {
  const { t } = useI18n();
  const net = derivedNet(table, column.key);
  if (net.state !== 'computed' && net.state !== 'differs') return null;
  const value = formatAmount(net.computed);
  return (
    <span id={id} className={`budget-derived budget-derived--${net.state}`} data-derived={net.state}>
      {net.state === 'computed' ? t.budgetEditor.computedOnly : t.budgetEditor.computedDiffers}: <span className="nowrap">{value}</span>
    </span>
  );
}

export function BudgetGrid({ caption, table, parts, ...editing }: Props) {
  const { t } = useI18n();
  const { id } = editing;
  const grid = { ...editing, unit: table.unit };
  const lines = table.rows.map((row) => row.line);
  return (
    <GridTable id={id} caption={caption} className="volume-grid budget-grid" leading={<th scope="col">{t.budgetEditor.line}</th>} columns={table.columns}>
      <tbody>
        {cellRowsOf(table).map((row, rowIndex) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            {table.columns.map((column, columnIndex) => {
              const noteId = `${id}-net-${column.key}`;
              const hasNote = row.key === 'net' && ['computed', 'differs'].includes(derivedNet(table, column.key).state);
              const note = hasNote ? { id: noteId, content: <DerivedNote id={noteId} table={table} column={column} /> } : null;
              return <GridCell key={column.key} grid={grid} row={row} rowIndex={rowIndex} column={column} columnIndex={columnIndex} note={note} />;
            })}
          </tr>
        ))}
      </tbody>
      {parts ? (
        <tbody className="budget-grid__parts">
          {lines.map((line: BudgetLine) => (
            <tr key={line} data-parts={line}>
              <th scope="row">{t.budgetEditor.partsRow(LINE_WORDS[line])}</th>
              {table.columns.map((column) => {
                const sum = parts.get(cellId(line, column.key));
                return (
                  <td key={column.key} className="num">
                    {sum ? formatAmount(sum) : <span className="muted">–</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ) : null}
    </GridTable>
  );
}
