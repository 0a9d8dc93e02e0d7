/**
 * Finding named columns in a table's header row. Headers match by their text, ignoring case,
 * surrounding spaces and the kind of space; a named column that is missing, or that the header
 * holds twice, stops the reading with the columns the file does have.
 */
import type { ProblemCollector } from '../report.ts';
import { cellText, type Cell } from './table.ts';

/** The header text as compared: trimmed, lower case, every space an ordinary one. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\u00a0\u202f\s]+/g, ' ').trim().toLowerCase();
}

/** The index of each named column; reports (and stops at) missing or ambiguous ones. */
export function findColumns<K extends string>(
  header: { line: number; cells: Cell[] },
  wanted: Record<K, string | undefined>,
  problems: ProblemCollector,
): Record<K, number | undefined> {
  const texts = header.cells.map((cell) => normaliseHeader(cellText(cell)));
  const found = {} as Record<K, number | undefined>;
  let missing = false;
  for (const [role, name] of Object.entries(wanted) as Array<[K, string | undefined]>) {
    if (name === undefined) continue;
    const target = normaliseHeader(name);
    const indexes = texts.flatMap((text, index) => (text === target ? [index] : []));
    if (indexes.length === 1) found[role] = indexes[0];
    else {
      missing = true;
      const shown = header.cells.map((cell) => cellText(cell)).filter((text) => text !== '').join(', ');
      problems.add({
        line: header.line,
        column: name,
        reason:
          indexes.length === 0
            ? `Kolumnen "${name}" finns inte i rubrikraden. Filens kolumner: ${shown}.`
            : `Rubriken "${name}" står ${indexes.length} gånger; döp om kolumnerna så att den blir entydig.`,
      });
    }
  }
  if (missing) problems.throwIfAny();
  return found;
}
