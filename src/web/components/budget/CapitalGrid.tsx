/**
 * An investment budget as a grid: object number, text and an amount per year for each row, the
 * printed total row, and computed rows and columns beside them (the sum of each year's rows, the sum
 * of each row's years) so a printed total that disagrees is visible; every cell a finding concerns
 * carries its marker. A row can be removed (after a confirmation, elsewhere on the page).
 */
import type { ClipboardEvent } from 'react';
import { formatAmount } from '../../../domain/format.ts';
import type { Finding } from '../../../domain/reconcile.ts';
import type { CapitalBudget, Column } from '../../../domain/plan.ts';
import { capitalRows, cellId, columnSum, rowSum, TOTAL_ROW, type CellRow } from '../../budget-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { GridCell } from './GridCell.tsx';

interface Props {
  id: string;
  /** The budget as it stands with the unsaved edits. */
  budget: CapitalBudget;
  /** The node the budget belongs to ("SN"). */
  name: string;
  editable: (column: Column) => boolean;
  mayRemove: boolean;
  changed: Set<string>;
  findings: Map<string, Finding[]>;
  /** The server's problems with refused values, by cell id. */
  problems: Record<string, string>;
  onChange: (row: string, column: string, text: string) => void;
  onPaste: (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => void;
  onRemove: (row: CellRow) => void;
}

export function CapitalGrid({ id, budget, name, editable, mayRemove, changed, findings, problems, onChange, onPaste, onRemove }: Props) {
  const { t } = useI18n();
  const captionId = `${id}-caption`;
  const rows = capitalRows(budget);
  const years = budget.columns.filter((column) => column.kind !== 'total');
  const hasTotalColumn = budget.columns.some((column) => column.kind === 'total');
  const sums = years.map((column) => columnSum(budget, column));
  const yearsTotal = sums.some((sum) => sum !== null) ? sums.reduce((a, b) => (b === null ? a : a === null ? b : a.plus(b)), null) : null;

  const cell = (row: CellRow, rowIndex: number, column: Column, columnIndex: number) => {
    const key = cellId(row.key, column.key);
    return (
      <GridCell
        key={column.key}
        id={`${id}-${row.key}-${column.key}`}
        columnKey={column.key}
        label={t.budgetEditor.cellLabel(row.label, column.label)}
        text={row.cells[column.key] ?? ''}
        editable={editable(column)}
        changed={changed.has(key)}
        marks={findings.get(key) ?? []}
        unit={budget.unit}
        problem={problems[key]}
        onChange={(text) => onChange(row.key, column.key, text)}
        onPaste={onPaste(rowIndex, columnIndex)}
      />
    );
  };

  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="volume-grid budget-grid capital-grid" lang="sv">
        <caption id={captionId}>{t.budgetEditor.capitalCaption(name, budget.caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{budget.objectCaption}</th>
            <th scope="col">{budget.textCaption}</th>
            {budget.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            {hasTotalColumn ? <th scope="col">{t.budgetEditor.computedRowTotal}</th> : null}
            {mayRemove ? <th scope="col">{t.budgetEditor.rowActions}</th> : null}
          </tr>
        </thead>
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
                {budget.columns.map((column, columnIndex) => cell(row, rowIndex, column, columnIndex))}
                {hasTotalColumn ? <td className="num capital-grid__row-sum">{formatAmount(rowSum(row, years))}</td> : null}
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
      </table>
    </ScrollRegion>
  );
}
