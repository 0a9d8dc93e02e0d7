/**
 * The frame of an editable grid (volume table, budget table, investment budget): a table that
 * scrolls sideways inside its own focusable region (never the page), named by its caption, with a
 * header row of the leading headers and one header per column. The rows are the caller's.
 */
import type { ReactNode } from 'react';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Props {
  /** Unique prefix for the caption's id. */
  id: string;
  caption: ReactNode;
  className: string;
  /** The header cells before the columns' own (the row header's column, or object and text). */
  leading: ReactNode;
  columns: ReadonlyArray<{ key: string; label: string }>;
  /** Header cells after the columns' own (computed sums, row actions). */
  trailing?: ReactNode;
  /** The table's bodies. */
  children: ReactNode;
}

export function GridTable({ id, caption, className, leading, columns, trailing, children }: Props) {
  const captionId = `${id}-caption`;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={className} lang="sv">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {leading}
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            {trailing}
          </tr>
        </thead>
        {children}
      </table>
    </ScrollRegion>
  );
}
