/**
 * An investment budget as a grid: object number, text and an amount per year for each row, the
 * printed total row, and computed rows and columns beside them (the sum of each year's rows, the sum
 * of each row's years) so a printed total that disagrees is visible; every cell a finding concerns
 * carries its marker. A row can be removed (after a confirmation, elsewhere on the page).
 */
import { formatAmount } from '../../../domain/format.ts';
import type { CapitalBudget } from '../../../domain/plan.ts';
import { capitalColumnSum, capitalRowSum } from '../../../domain/reconcile.ts';
import { cellRowsOf, TOTAL_ROW, type CellRow } from '../../../domain/figure-table.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GridTable } from '../grid/GridTable.tsx';
import { GridCell, type CellEditing } from '../grid/GridCell.tsx';

interface Props extends CellEditing {
  id: string;
  /** The budget as it stands with the unsaved edits. */
  budget: CapitalBudget;
  /** The node the budget belongs to ("SN"). */
  name: string;
  mayRemove: boolean;
  onRemove: (row: CellRow) => void;
}

export function CapitalGrid({ budget, name, mayRemove, onRemove, ...editing }: Props) {
  const { t } = useI18n();
  const grid = { ...editing, unit: budget.unit };
  const rows = cellRowsOf(budget);
  const years = budget.columns.filter((column) => column.kind !== 'total');
  const hasTotalColumn = budget.columns.some((column) => column.kind === 'total');
  const sums = years.map((column) => capitalColumnSum(budget, column));
  const yearsTotal = sums.some((sum) => sum !== null) ? sums.reduce((a, b) => (b === null ? a : a === null ? b : a.plus(b)), null) : null;

  return (
    <GridTable
      id={editing.id}
      caption={t.budgetEditor.capitalCaption(name, budget.caption)}
      className="volume-grid budget-grid capital-grid"
      leading={
        <>
          <th scope="col">{budget.objectCaption}</th>
          <th scope="col">{budget.textCaption}</th>
        </>
      }
      columns={budget.columns}
      trailing={
        <>
          {hasTotalColumn ? <th scope="col">{t.budgetEditor.computedRowTotal}</th> : null}
          {mayRemove ? <th scope="col">{t.budgetEditor.rowActions}</th> : null}
        </>
      }
    >
      <tbody>
        {rows.map((row, rowIndex) => {
          const isTotal = row.key === TOTAL_ROW;
          const object = budget.rows.find((candidate) => candidate.key === row.key)?.object ?? '';
          return (
            <tr key={row.key} data-row={row.key} className={isTotal ? 'capital-grid__total' : undefined}>
              {isTotal ? (
                <th scope="row" colSpan={2}>
                  {row.label}
                </th>
              ) : (
                <>
                  <td>{object}</td>
                  <th scope="row">{row.label}</th>
                </>
              )}
              {budget.columns.map((column, columnIndex) => (
                <GridCell key={column.key} grid={grid} row={row} rowIndex={rowIndex} column={column} columnIndex={columnIndex} />
              ))}
              {hasTotalColumn ? <td className="num capital-grid__row-sum">{formatAmount(capitalRowSum(row, years))}</td> : null}
              {mayRemove ? (
                <td>
                  {isTotal ? null : (
                    <button type="button" className="button button--secondary capital-grid__remove" onClick={() => onRemove(row)}>
                      {t.budgetEditor.remove}
                      <span className="visually-hidden"> {t.budgetEditor.removeWhich(row.label)}</span>
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
        <tr className="capital-grid__computed" data-row="computed">
          <th scope="row" colSpan={2}>
            {t.budgetEditor.computedColumnTotal}
          </th>
          {budget.columns.map((column) => (
            <td key={column.key} className="num">
              {formatAmount(column.kind === 'total' ? yearsTotal : (sums[years.indexOf(column)] ?? null))}
            </td>
          ))}
          {hasTotalColumn ? <td /> : null}
          {mayRemove ? <td /> : null}
        </tr>
      </tbody>
    </GridTable>
  );
}
