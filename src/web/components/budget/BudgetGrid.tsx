/**
 * The income statement of one node as a grid: a row per budget line, a column per printed column,
 * an input per editable cell. Beside the printed net stands the net income + costs give when they
 * differ (or "beräknat" when no net is printed); a table others roll into gets rows with the sum of
 * its parts; every cell a finding concerns carries its marker.
 */
import { formatAmount } from '../../../domain/format.ts';
import type { BudgetTable, EconomicColumn } from '../../../domain/plan.ts';
import { budgetRows, derivedNet, LINE_WORDS, type BudgetLine } from '../../budget-view.ts';
import { cellId } from '../grid/grid-rules.ts';
import type { Decimal } from '../../../domain/figure.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GridTable } from '../grid/GridTable.tsx';
import { GridCell, type CellEditing } from './GridCell.tsx';

interface Props extends CellEditing {
  id: string;
  caption: string;
  /** The table as it stands with the unsaved edits. */
  table: BudgetTable;
  /** Sums of the parts per cell, for a table others roll into; null otherwise. */
  parts: Map<string, Decimal> | null;
}

/** The net income + costs give, written beside the printed net when it adds something. */
function DerivedNote({ id, table, column }: { id: string; table: BudgetTable; column: EconomicColumn }) {
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
  // The rows a table's parts sum, by their line (Timrå's income, costs, net).
  const lines = table.rows.flatMap((row) => (row.line ? [{ key: row.key, line: row.line }] : []));
  return (
    <GridTable id={id} caption={caption} className="volume-grid budget-grid" leading={<th scope="col">{t.budgetEditor.line}</th>} columns={table.columns}>
      <tbody>
        {budgetRows(table).map((row, rowIndex) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            {table.columns.map((column, columnIndex) => {
              const noteId = `${id}-net-${column.key}`;
              const netRow = table.relations.find((relation) => relation.kind === 'net' && relation.axis === 'rows');
              const hasNote = netRow?.kind === 'net' && row.key === netRow.target && ['computed', 'differs'].includes(derivedNet(table, column.key).state);
              const note = hasNote ? { id: noteId, content: <DerivedNote id={noteId} table={table} column={column} /> } : null;
              return <GridCell key={column.key} grid={grid} row={row} rowIndex={rowIndex} column={column} columnIndex={columnIndex} note={note} />;
            })}
          </tr>
        ))}
      </tbody>
      {parts ? (
        <tbody className="budget-grid__parts">
          {lines.map(({ key, line }: { key: string; line: BudgetLine }) => (
            <tr key={key} data-parts={key}>
              <th scope="row">{t.budgetEditor.partsRow(LINE_WORDS[line])}</th>
              {table.columns.map((column) => {
                const sum = parts.get(cellId(key, column.key));
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
