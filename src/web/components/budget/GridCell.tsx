/**
 * One cell of a budget grid: an input named "ROW – COLUMN" where the cell may change, else its
 * printed text; under it a note (the computed net), the server's problem with a refused value and
 * the marks of the findings about it, all tied to the input with aria-describedby.
 */
import type { ClipboardEvent, ReactNode } from 'react';
import type { Finding } from '../../../domain/reconcile.ts';
import { FindingMarker } from './FindingMarker.tsx';

interface Props {
  /** Unique prefix for the ids of the cell's descriptions. */
  id: string;
  /** The accessible name of the input: "ROW – COLUMN". */
  label: string;
  text: string;
  editable: boolean;
  changed: boolean;
  marks: Finding[];
  unit: string;
  /** The server's words about a refused value in this cell. */
  problem?: string;
  /** A note under the value (the computed net) and its id, or null. */
  note?: { id: string; content: ReactNode } | null;
  onChange: (text: string) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
  columnKey: string;
}

export function GridCell({ id, label, text, editable, changed, marks, unit, problem, note, onChange, onPaste, columnKey }: Props) {
  const markerId = `${id}-mark`;
  const problemId = `${id}-problem`;
  const described = [problem ? problemId : null, note ? note.id : null, marks.length ? markerId : null].filter(Boolean).join(' ');
  return (
    <td data-column={columnKey} data-marked={marks.length ? marks[0]!.severity : undefined}>
      {editable ? (
        <input
          className="volume-grid__input budget-grid__input"
          aria-label={label}
          aria-describedby={described || undefined}
          aria-invalid={problem ? true : undefined}
          value={text}
          size={8}
          data-changed={changed || undefined}
          onChange={(event) => onChange(event.target.value)}
          onPaste={onPaste}
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
      {marks.length ? <FindingMarker id={markerId} findings={marks} unit={unit} /> : null}
    </td>
  );
}
