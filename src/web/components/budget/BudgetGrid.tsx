/**
 * An economic table as a grid: a row per printed row (a committee heading across the table), a
 * column per printed column, an input per editable cell. Beside a printed figure that a relation
 * gives (a net, a deviation, a sum of rows) stands the computed value when they differ, or in its
 * place when nothing is printed; a table others roll into gets rows with the sum of its parts;
 * every cell a finding concerns carries its marker. All computed by the reconciliation's rules.
 */
import { formatAmount } from '../../../domain/format.ts';
import type { BudgetTable } from '../../../domain/plan.ts';
import { cellRowsOf } from '../../../domain/figure-table.ts';
import { LINE_WORDS, type BudgetLine, type ComputedNote } from '../../budget-view.ts';
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
  /** What the table's relations give, by cell, where it differs from what is printed. */
  computed: Map<string, ComputedNote>;
  /** Sums of the parts per cell, for a table others roll into; null otherwise. */
  parts: Map<string, Decimal> | null;
}

/** The computed value written beside the printed one. */
function ComputedValue({ id, note, decimals }: { id: string; note: ComputedNote; decimals: number | undefined }) {
  const { t } = useI18n();
  const value = formatAmount(note.value, decimals === undefined ? {} : { decimals });
  // Timrå's words for its net ("intäkter + kostnader"); "beräknat" for every other relation.
  const words = note.state === 'computed' ? t.budgetEditor.computedOnly : note.kind === 'net' ? t.budgetEditor.computedDiffers : t.economicTable.computed;
  return (
    <span id={id} className={`budget-derived budget-derived--${note.state}`} data-derived={note.state}>
      {words}: <span className="nowrap">{value}</span>
    </span>
  );
}

export function BudgetGrid({ caption, table, computed, parts, ...editing }: Props) {
  const { t } = useI18n();
  const { id } = editing;
  const grid = { ...editing, unit: table.unit };
  // The rows a table's parts sum, by their line (Timrå's income, costs, net).
  const lines = table.rows.flatMap((row) => (row.line ? [{ key: row.key, line: row.line }] : []));
  const emphasised = new Set(table.rows.filter((row) => row.kind === 'subtotal' || row.kind === 'total').map((row) => row.key));
  return (
    <GridTable id={id} caption={caption} className="volume-grid budget-grid" leading={<th scope="col">{table.labelHeading ?? t.budgetEditor.line}</th>} columns={table.columns}>
      <tbody>
        {cellRowsOf(table).map((row, rowIndex) => {
          const kind = table.rows[rowIndex]!.kind;
          if (kind === 'heading') {
            return (
              <tr key={row.key} data-row={row.key} className="row--group">
                <th scope="rowgroup" colSpan={table.columns.length + 1} lang="sv">
                  {row.label}
                </th>
              </tr>
            );
          }
          return (
            <tr key={row.key} data-row={row.key} className={emphasised.has(row.key) ? 'row--total' : undefined}>
              <th scope="row" lang="sv">
                {row.label}
              </th>
              {table.columns.map((column, columnIndex) => {
                const computedNote = computed.get(cellId(row.key, column.key));
                const noteId = `${id}-computed-${row.key}-${column.key}`;
                const note = computedNote ? { id: noteId, content: <ComputedValue id={noteId} note={computedNote} decimals={table.decimals} /> } : null;
                return <GridCell key={column.key} grid={grid} row={row} rowIndex={rowIndex} column={column} columnIndex={columnIndex} note={note} />;
              })}
            </tr>
          );
        })}
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
