/**
 * One cell of any grid (volume table, budget table, investment budget): an input named
 * "ROW – COLUMN" where the cell may change, else its printed text; under it a note (a budget's
 * computed net), the server's problem with a refused value and the marks of the reconciliation's
 * findings about it, all tied to the input with aria-describedby.
 */
import type { ClipboardEvent, ReactNode } from 'react';
import type { Finding } from '../../../domain/reconcile.ts';
import type { CellRow, FigureColumn } from '../../../domain/figure-table.ts';
import { cellId } from './grid-rules.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CellInput } from './CellInput.tsx';
import type { CellSource } from '../../use-figure-sources.ts';
import { FindingMarker } from '../budget/FindingMarker.tsx';

/** What a grid knows about its cells and hands to each: editing, changes, findings, problems. */
export interface CellEditing {
  editable: (column: FigureColumn) => boolean;
  /** Ids of the cells changed and not yet saved. */
  changed: Set<string>;
  /** The reconciliation's findings by cell id (none for a volume table). */
  findings: Map<string, Finding[]>;
  /** The server's problems with refused values, by cell id. */
  problems: Record<string, string>;
  onChange: (row: string, column: string, text: string) => void;
  onPaste: (rowIndex: number, columnIndex: number) => (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Where imported cells came from, by cell id (the provenance line, issue 14); absent: none shown. */
  sources?: ReadonlyMap<string, CellSource>;
}

interface Props {
  /** The grid: its editing, the unique prefix of its ids and its unit (for the findings' amounts). */
  grid: CellEditing & { id: string; unit: string };
  row: CellRow;
  rowIndex: number;
  column: FigureColumn;
  columnIndex: number;
  /** A note under the value (the computed net) and its id, or null. */
  note?: { id: string; content: ReactNode } | null;
}

export function GridCell({ grid, row, rowIndex, column, columnIndex, note }: Props) {
  const { t } = useI18n();
  const key = cellId(row.key, column.key);
  const id = `${grid.id}-${row.key}-${column.key}`;
  const marks = grid.findings.get(key) ?? [];
  const problem = grid.problems[key];
  const text = row.cells[column.key] ?? '';
  const markerId = `${id}-mark`;
  const problemId = `${id}-problem`;
  // An imported cell unchanged since its import says where it came from (hover, and read with the cell).
  const source = grid.sources?.get(key);
  const sourceLine = source && !grid.changed.has(key) ? t.imports.sourceLine(source.source, source.date, source.by) : null;
  const sourceId = `${id}-source`;
  const described = [problem ? problemId : null, note ? note.id : null, marks.length ? markerId : null, sourceLine ? sourceId : null].filter(Boolean).join(' ');
  return (
    <td data-column={column.key} data-marked={marks.length ? marks[0]!.severity : undefined} title={sourceLine ?? undefined} data-source={sourceLine ?? undefined}>
      {grid.editable(column) ? (
        <CellInput
          className="budget-grid__input"
          label={t.grid.cellLabel(row.label, column.label)}
          describedBy={described}
          invalid={Boolean(problem)}
          value={text}
          changed={grid.changed.has(key)}
          onChange={(text) => grid.onChange(row.key, column.key, text)}
          onPaste={grid.onPaste(rowIndex, columnIndex)}
        />
      ) : (
        <span className="budget-grid__value">{text}</span>
      )}
      {problem ? (
        <span id={problemId} className="field__error budget-grid__problem" data-problem="">
          {problem}
        </span>
      ) : null}
      {note ? note.content : null}
      {sourceLine ? (
        <span id={sourceId} className="visually-hidden">
          {sourceLine}
        </span>
      ) : null}
      {marks.length ? <FindingMarker id={markerId} findings={marks} unit={grid.unit} /> : null}
    </td>
  );
}
