/**
 * The document view model: what a plan document or a follow-up report says, in order, before any
 * format lays it out. Built by pure functions (plan-view-model.ts, report-view-model.ts); each
 * renderer (pdf.ts, docx.ts, xlsx.ts, html.ts) only lays it out, so the four formats always say
 * the same thing.
 */
import type { Decimal } from 'decimal.js';
import { formatCell } from '../domain/format.ts';
import type { Status } from '../domain/status-band.ts';
import type { RichBlock } from './rich.ts';

/** A table cell: its printed text, and its value when it is a figure. */
export interface Cell {
  /** Exactly what is printed ("-68 851", "194(-9)", "Egen tid", ""). */
  text: string;
  /** Paragraphs and lists, for cells of running text; `text` is then their plain text. */
  rich?: RichBlock[];
  /** A plain number that a spreadsheet stores as a number. */
  numeric: boolean;
  value?: Decimal | null;
  decimals?: number;
  percent?: boolean;
  /** Printed "77 %" rather than "90%". */
  percentSpace?: boolean;
  /** Printed with a thousands separator, or small enough not to need one. */
  grouped?: boolean;
  bold?: boolean;
  /** A footnote mark printed raised after the text. */
  mark?: string;
  /** A traffic-light status the text names ("Grön"); formats add its colour, never instead of the word. */
  status?: Status;
  colSpan?: number;
  rowSpan?: number;
}

/** label: the row's name; text: running text; figure: printed figures, right-aligned. */
export type ColumnKind = 'label' | 'text' | 'figure';

export interface TableColumn {
  kind: ColumnKind;
}

export interface TableRow {
  /** group: a heading row across the table ("1. Medborgare"); total: a sum or net, in bold. */
  role: 'data' | 'group' | 'total';
  cells: Cell[];
}

export interface Footnote {
  mark: string;
  text: string;
}

export interface TableBlock {
  kind: 'table';
  id: string;
  /** What the table is, for a spreadsheet's sheet and a screen reader's caption. */
  title: string;
  columns: TableColumn[];
  /** Header rows, HTML-style: a cell spanning columns or rows stands once, covered places are left out. */
  header: Cell[][];
  body: TableRow[];
  footnotes: Footnote[];
  /** Paragraphs printed under the table ("(EKB Ingår ej i IFO:s budget)", estimates beside it). */
  notes: RichBlock[];
  /** Too many columns for a portrait page. */
  wide: boolean;
}

export interface HeadingBlock {
  kind: 'heading';
  id: string;
  text: string;
  /** 1 is the top level of the document body (the title is above it). */
  level: number;
  /** Listed in the table of contents. */
  toc: boolean;
}

export interface TextBlock {
  kind: 'text';
  content: RichBlock[];
  /** display: a large statement (the vision); motto: a theme's italic line; note: small print. */
  style?: 'body' | 'display' | 'motto' | 'note';
}

export type Block = HeadingBlock | TextBlock | TableBlock;

export interface TitlePage {
  municipality: string;
  /** The committee or office the plan belongs to. */
  organisation: string;
  title: string;
  subtitle?: string;
  /** "2018–2020", or a report's period. */
  period: string;
  /** "Fastställd", "Utkast – inte fastställd" … */
  status: string;
  decision?: string;
}

export interface TocEntry {
  id: string;
  text: string;
  level: number;
}

export interface DocumentView {
  lang: 'sv-SE';
  /** Document title (PDF info, HTML title, Word core properties). */
  title: string;
  /** The municipality, as the author. */
  author: string;
  subject: string;
  keywords: string[];
  /** Running header lines. */
  letterhead: string[];
  /** The left of the running footer: the municipality, and a warning while a plan is not adopted. */
  footer: string;
  /** File name without extension. */
  filename: string;
  titlePage: TitlePage;
  toc: TocEntry[];
  blocks: Block[];
  /** Where the content comes from, printed small at the end. */
  colophon: string;
  /** Each top-level section starts a new page (a plan does; a short report runs on). */
  newPagePerSection: boolean;
}

/** Columns of a portrait page beyond which a table is laid out on a landscape page. */
export const maxPortraitColumns = 9;

/** A printed figure cell: text kept, value read by the one rule in domain/format.ts. */
export function figureCell(printed: string | undefined, extra: Partial<Cell> = {}): Cell {
  const cell = formatCell(printed);
  return {
    text: cell.text.trim(),
    numeric: cell.numeric,
    value: cell.value,
    decimals: cell.decimals,
    percent: cell.percent,
    percentSpace: cell.percentSpace,
    grouped: cell.grouped,
    ...extra,
  };
}

/** A cell of words. */
export function textCell(text: string, extra: Partial<Cell> = {}): Cell {
  return { text, numeric: false, ...extra };
}

/** Rows of cells laid on a full grid: covered places hold null (for renderers without spans). */
export function spanGrid(rows: Cell[][], width: number): Array<Array<Cell | null>> {
  const grid: Array<Array<Cell | null | undefined>> = rows.map(() => Array.from({ length: width }, () => undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && grid[r]![c] !== undefined) c += 1;
      if (c >= width) break;
      grid[r]![c] = cell;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc += 1) {
          if ((dr > 0 || dc > 0) && grid[r + dr]) grid[r + dr]![c + dc] = null;
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((cell) => (cell === undefined ? textCell('') : cell)));
}

/**
 * The blocks with every heading id and every table id unique: ids are built from keys
 * ("s-mal-kf-1:2", "vision-" + a theme's key), and two different keys can build the same id, which
 * PDF bookmarks and HTML anchors cannot take (issue 10, defect 11). A later duplicate gets "-2",
 * "-3" …. Headings and tables are separate namespaces: a sub-heading and the table under it share
 * their key ("s-budget-rr-ekb"), and every output marks a table's id as a table's.
 */
export function withUniqueIds(blocks: Block[]): Block[] {
  const seen = new Set<string>();
  const unique = (kind: string, id: string) => {
    let candidate = id;
    for (let n = 2; seen.has(`${kind}:${candidate}`); n += 1) candidate = `${id}-${n}`;
    seen.add(`${kind}:${candidate}`);
    return candidate;
  };
  return blocks.map((block) => (block.kind === 'text' ? block : { ...block, id: unique(block.kind, block.id) }));
}
