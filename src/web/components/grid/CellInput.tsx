/**
 * The input of one editable grid cell: named "ROW – COLUMN" as a screen reader hears it, the value as
 * printed ("194(-9)", "5,3", "-"), marked when changed and not yet saved, and a paste handler so a
 * block copied from a spreadsheet spreads over the cells to the right and below.
 */
import type { ClipboardEvent } from 'react';

interface Props {
  /** The accessible name: "ROW – COLUMN". */
  label: string;
  value: string;
  changed: boolean;
  /** Extra class of the grid's own ("budget-grid__input"). */
  className?: string;
  /** Ids of the texts that describe the cell (a problem, a note, findings). */
  describedBy?: string;
  invalid?: boolean;
  onChange: (text: string) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>) => void;
}

export function CellInput({ label, value, changed, className, describedBy, invalid, onChange, onPaste }: Props) {
  return (
    <input
      className={className ? `volume-grid__input ${className}` : 'volume-grid__input'}
      aria-label={label}
      aria-describedby={describedBy || undefined}
      aria-invalid={invalid || undefined}
      value={value}
      size={8}
      data-changed={changed || undefined}
      onChange={(event) => onChange(event.target.value)}
      onPaste={onPaste}
    />
  );
}
