/**
 * The income statement of one node as a grid: a row per budget line, a column per printed column,
 * an input per editable cell. Beside the printed net stands the net income + costs give when they
 * differ (or "beräknat" when no net is printed); a table others roll into gets rows with the sum of
 * its parts; every cell a finding concerns carries its marker.
 */
import type { ClipboardEvent } from 'react';
import { formatAmount } from '../../../domain/format.ts';
import type { Finding } from '../../../domain/reconcile.ts';
import type { BudgetTable, Column } from '../../../domain/plan.ts';
import { cellId, derivedNet, LINE_WORDS, type BudgetLine } from '../../budget-view.ts';
import type { Decimal } from '../../../domain/figure.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { GridCell } from './GridCell.tsx';

interface Props {
  id: string;
  caption: string;
  /** The table as it stands with the unsaved edits. */
  table: BudgetTable;
  editable: (column: Column) => boolean;
  changed: Set<string>;
  findings: Map<string, Finding[]>;
  /** The server's problems with refused values, by cell id. */
  problems: Record<string, string>;
  /** Sums of the parts per cell, for a table others roll into; null otherwise. */
  parts: Map<string, Decimal> | null;
  onChange: (row: string, column: string, text: string) => void;
  onPaste: (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => void;
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

export function BudgetGrid({ id, caption, table, editable, changed, findings, problems, parts, onChange, onPaste }: Props) {
  const { t } = useI18n();
  const captionId = `${id}-caption`;
  const lines = table.rows.map((row) => row.line);
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className="volume-grid budget-grid" lang="sv">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.budgetEditor.line}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={row.line} data-row={row.line}>
              <th scope="row">{row.label}</th>
              {table.columns.map((column, columnIndex) => {
                const cell = cellId(row.line, column.key);
                const noteId = `${id}-net-${column.key}`;
                const hasNote = row.line === 'net' && ['computed', 'differs'].includes(derivedNet(table, column.key).state);
                return (
                  <GridCell
                    key={column.key}
                    id={`${id}-${row.line}-${column.key}`}
                    columnKey={column.key}
                    label={t.budgetEditor.cellLabel(row.label, column.label)}
                    text={row.cells[column.key] ?? ''}
                    editable={editable(column)}
                    changed={changed.has(cell)}
                    marks={findings.get(cell) ?? []}
                    unit={table.unit}
                    problem={problems[cell]}
                    note={hasNote ? { id: noteId, content: <DerivedNote id={noteId} table={table} column={column} /> } : null}
                    onChange={(text) => onChange(row.line, column.key, text)}
                    onPaste={onPaste(rowIndex, columnIndex)}
                  />
                );
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
      </table>
    </ScrollRegion>
  );
}
