/**
 * A table of the plan document as an accessible HTML table: a caption, column headers, row
 * headers in the label column, group rows as row-group headers, and printed figures exactly as
 * printed, right-aligned in tabular digits. Footnotes and notes follow the table.
 */
import type { Cell, TableBlock, TableRow } from '../../documents/view-model.ts';
import { RichText } from './RichText.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

function CellContent({ cell }: { cell: Cell }) {
  return (
    <>
      {cell.rich && cell.rich.length > 0 ? <RichText blocks={cell.rich} /> : cell.text}
      {cell.mark ? <sup className="footnote-mark">{cell.mark}</sup> : null}
    </>
  );
}

function spans(cell: Cell) {
  return { ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}), ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}) };
}

/** Splits the body at group rows, so each group is a <tbody> its heading cell can name. */
function groupsOf(rows: TableRow[]): Array<{ heading: TableRow | null; rows: TableRow[] }> {
  const groups: Array<{ heading: TableRow | null; rows: TableRow[] }> = [];
  for (const row of rows) {
    if (row.role === 'group') groups.push({ heading: row, rows: [] });
    else if (groups.length === 0) groups.push({ heading: null, rows: [row] });
    else groups.at(-1)!.rows.push(row);
  }
  return groups;
}

function BodyRow({ table, row }: { table: TableBlock; row: TableRow }) {
  let column = 0;
  return (
    <tr className={row.role === 'total' ? 'row--total' : undefined}>
      {row.cells.map((cell, index) => {
        const kind = table.columns[column]?.kind ?? 'text';
        column += cell.colSpan ?? 1;
        const textClass = kind !== 'text' ? undefined : cell.rich && cell.rich.length > 0 ? 'prose' : 'words';
        const className = [kind === 'figure' ? 'num' : undefined, textClass, cell.bold ? 'strong' : undefined].filter(Boolean).join(' ') || undefined;
        // The first cell names the row when it is a label (an indicator, a budget line, an object).
        if (index === 0 && kind === 'label') {
          return (
            <th key={index} scope="row" className={className} {...spans(cell)}>
              <CellContent cell={cell} />
            </th>
          );
        }
        return (
          <td key={index} className={className} {...spans(cell)}>
            <CellContent cell={cell} />
          </td>
        );
      })}
    </tr>
  );
}

export function DocumentTable({ table, id }: { table: TableBlock; id: string }) {
  const captionId = `${id}-caption`;
  const width = table.columns.length;
  return (
    <div className={table.wide ? 'doc-table doc-table--wide' : 'doc-table'}>
      <ScrollRegion labelledBy={captionId}>
        <table id={id}>
          <caption id={captionId}>{table.title}</caption>
          <thead>
            {table.header.map((row, rowIndex) => {
              let column = 0;
              return (
                <tr key={rowIndex}>
                  {row.map((cell, index) => {
                    const kind = table.columns[column]?.kind;
                    column += cell.colSpan ?? 1;
                    const scope = (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col';
                    return (
                      <th key={index} scope={scope} className={kind === 'figure' && (cell.colSpan ?? 1) === 1 ? 'num' : undefined} {...spans(cell)}>
                        <CellContent cell={cell} />
                      </th>
                    );
                  })}
                </tr>
              );
            })}
          </thead>
          {groupsOf(table.body).map((group, groupIndex) => (
            <tbody key={groupIndex}>
              {group.heading ? (
                <tr className="row--group">
                  <th scope="rowgroup" colSpan={width}>
                    <CellContent cell={group.heading.cells[0]!} />
                  </th>
                </tr>
              ) : null}
              {group.rows.map((row, rowIndex) => (
                <BodyRow key={rowIndex} table={table} row={row} />
              ))}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      {table.footnotes.length > 0 || table.notes.length > 0 ? (
        <div className="doc-table__notes">
          {table.footnotes.map((note, index) => (
            <p key={index} className="footnote">
              <sup>{note.mark}</sup> {note.text}
            </p>
          ))}
          <RichText blocks={table.notes} />
        </div>
      ) : null}
    </div>
  );
}
