/**
 * The PDF renderer: lays out a document view model with pdfmake. A4, title page, table of contents
 * with page numbers and PDF bookmarks, running header with the letterhead, "Sida N av M", tables
 * whose header rows repeat on every page, wide tables on landscape pages, Roboto embedded,
 * document title, author and language (sv-SE) set. pdfmake 0.3 writes no structure tree, so the
 * PDF is not tagged; the HTML and Word documents are the accessible formats.
 */
import { pdfEngine, pdfFontFamily } from './fonts.ts';
import type { RichBlock, Run } from './rich.ts';
import { columnWidths } from './layout.ts';
import { colors, statusColors } from './theme.ts';
import { spanGrid, type Block, type Cell, type DocumentView, type TableBlock, type TextBlock } from './view-model.ts';

type Node = Record<string, unknown>;

const pageMargins = [56, 80, 56, 60] as const; // left, top, right, bottom
const portraitWidth = 595.28 - pageMargins[0] - pageMargins[2];
const landscapeWidth = 841.89 - pageMargins[0] - pageMargins[2];

/** Renders the document as a PDF. */
export async function renderPdf(view: DocumentView): Promise<Buffer> {
  const definition = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [...pageMargins],
    language: view.lang,
    displayTitle: true,
    info: { title: view.title, author: view.author, subject: view.subject, keywords: view.keywords.join(', '), creator: 'Styrkort', producer: 'Styrkort (pdfmake)' },
    header: (page: number, _pages: number, size: { width: number }) => (page === 1 ? null : runningHeader(view, size.width)),
    footer: (page: number, pages: number) => (page === 1 ? null : runningFooter(view, page, pages)),
    content: [...titlePage(view), ...tableOfContents(view), ...body(view.blocks, view.newPagePerSection)],
    styles,
    defaultStyle: { font: pdfFontFamily, fontSize: 9.5, lineHeight: 1.25, color: colors.text },
    // A heading never stands alone at the foot of a page.
    pageBreakBefore: (node: Node, nodes: { getFollowingNodesOnPage(): unknown[] }) => Boolean(node.headlineLevel) && nodes.getFollowingNodesOnPage().length === 0,
  };
  return pdfEngine().createPdf(definition).getBuffer();
}

const styles: Record<string, Node> = {
  h1: { fontSize: 17, bold: true, color: colors.heading, margin: [0, 0, 0, 10], lineHeight: 1.1 },
  h2: { fontSize: 13, bold: true, color: colors.heading, margin: [0, 12, 0, 5], lineHeight: 1.1 },
  h3: { fontSize: 11, bold: true, color: colors.heading, margin: [0, 9, 0, 3] },
  h4: { fontSize: 10, bold: true, color: colors.text, margin: [0, 7, 0, 2] },
  display: { fontSize: 16, bold: true, color: colors.heading, alignment: 'center', margin: [0, 6, 0, 4] },
  note: { fontSize: 8.5, color: colors.muted },
  footnote: { fontSize: 7.5, color: colors.muted },
  tocTitle: { fontSize: 17, bold: true, color: colors.heading, margin: [0, 0, 0, 14] },
};

function runningHeader(view: DocumentView, pageWidth: number): Node {
  const width = pageWidth - pageMargins[0] - pageMargins[2];
  return {
    margin: [pageMargins[0], 30, pageMargins[2], 0],
    stack: [
      {
        columns: [
          { width: '*', stack: view.letterhead.map((line, index) => ({ text: line, bold: index === 0, fontSize: index === 0 ? 8.5 : 8, color: index === 0 ? colors.heading : colors.muted })) },
          { width: Math.min(300, width / 2), text: view.title, alignment: 'right', fontSize: 8, color: colors.muted },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 5, x2: width, y2: 5, lineWidth: 0.6, lineColor: colors.rule }] },
    ],
  };
}

function runningFooter(view: DocumentView, page: number, pages: number): Node {
  return {
    margin: [pageMargins[0], 24, pageMargins[2], 0],
    columns: [
      { text: view.footer, fontSize: 8, color: colors.muted },
      { text: `Sida ${page} av ${pages}`, alignment: 'right', fontSize: 8, color: colors.muted },
    ],
  };
}

function titlePage(view: DocumentView): Node[] {
  const page = view.titlePage;
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: portraitWidth, h: 5, color: colors.heading }], margin: [0, 0, 0, 28] },
    ...view.letterhead.map((line, index) => (index === 0 ? { text: line, fontSize: 13, bold: true, color: colors.heading, characterSpacing: 1.5 } : { text: line, fontSize: 11, color: colors.muted, margin: [0, 2, 0, 0] })),
    { text: page.title, fontSize: 26, bold: true, color: colors.heading, lineHeight: 1.1, margin: [0, 150, 0, 10] },
    { text: page.subtitle ?? page.organisation, fontSize: 16, color: colors.text, margin: [0, 0, 0, 6] },
    ...(page.subtitle && page.organisation ? [{ text: page.organisation, fontSize: 12, color: colors.muted }] : []),
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 1.5, lineColor: colors.accent }], margin: [0, 18, 0, 10] },
    { text: page.period, fontSize: 12, color: colors.text, margin: [0, 0, 0, 2] },
    { text: page.status, fontSize: 11, color: colors.muted },
    ...(page.decision ? [{ text: page.decision, fontSize: 10, color: colors.muted, margin: [0, 2, 0, 0] }] : []),
  ];
}

function tableOfContents(view: DocumentView): Node[] {
  if (view.toc.length === 0) return [];
  return [{ pageBreak: 'before', toc: { title: { text: 'Innehållsförteckning', style: 'tocTitle' }, numberStyle: { fontSize: 10 }, outlines: true } }];
}

function body(blocks: Block[], newPagePerSection: boolean): Node[] {
  const nodes: Node[] = [];
  let landscape = false;
  blocks.forEach((block, index) => {
    const node = blockNode(block);
    if (block.kind === 'heading' && block.level === 1 && (newPagePerSection || index === 0)) node.pageBreak = 'before';
    const wide = block.kind === 'table' && block.wide;
    if (wide !== landscape) {
      // A wide table takes landscape pages of its own; what follows goes back to portrait.
      Object.assign(node, { pageBreak: 'before', pageOrientation: wide ? 'landscape' : 'portrait' });
      landscape = wide;
    }
    nodes.push(node);
  });
  return nodes;
}

function blockNode(block: Block): Node {
  switch (block.kind) {
    case 'heading': {
      const node: Node = { text: block.text, style: `h${Math.min(block.level, 4)}`, headlineLevel: block.level, id: block.id };
      if (block.toc) Object.assign(node, { tocItem: true, tocMargin: [(block.level - 1) * 14, block.level === 1 ? 5 : 1, 0, 0], tocStyle: block.level === 1 ? { bold: true } : {} });
      return node;
    }
    case 'text':
      return textNode(block);
    case 'table':
      return tableNode(block);
  }
}

function textNode(block: TextBlock): Node {
  const stack = richNodes(block.content, 6);
  switch (block.style) {
    case 'display':
      return { stack, style: 'display', margin: [0, 4, 0, 14] };
    case 'motto':
      return { stack, margin: [0, 0, 0, 4] };
    case 'note':
      return { stack, style: 'note', margin: [0, 0, 0, 6] };
    default:
      return { stack, margin: [0, 0, 0, 6] };
  }
}

function inline(runs: Run[]): Node[] {
  return runs.map((run) => {
    const node: Node = { text: run.text };
    if (run.bold) node.bold = true;
    if (run.italic) node.italics = true;
    if (run.underline) node.decoration = 'underline';
    if (run.sup) node.sup = true;
    if (run.href) Object.assign(node, { link: run.href, color: colors.accent, decoration: 'underline' });
    return node;
  });
}

function richNodes(blocks: RichBlock[], gap: number): Node[] {
  return blocks.map((block, index) => {
    const margin = [0, 0, 0, index === blocks.length - 1 ? 0 : gap];
    if (block.kind === 'paragraph') return { text: inline(block.runs), margin };
    const items = block.items.map((item) => ({ text: inline(item) }));
    return { [block.ordered ? 'ol' : 'ul']: items, ...(block.marker ? {} : { type: 'none' }), margin };
  });
}

function tableNode(table: TableBlock): Node {
  const fontSize = table.wide ? 7.5 : 8.5;
  const width = table.wide ? landscapeWidth : portraitWidth;
  const widths = columnWidths(table, { fontSize, available: width, padding: 8 });
  const headerRows = table.header.length;
  const header = spanGrid(table.header, table.columns.length).map((row) => row.map((cell, index) => cellNode(cell, table, index, 'header')));
  const rows = spanGrid(table.body.map((row) => row.cells), table.columns.length).map((row, r) => row.map((cell, index) => cellNode(cell, table, index, table.body[r]!.role)));
  const groups = new Set(table.body.flatMap((row, r) => (row.role === 'group' ? [r + headerRows] : [])));
  const totals = new Set(table.body.flatMap((row, r) => (row.role === 'total' ? [r + headerRows] : [])));
  const hasRich = table.body.some((row) => row.cells.some((cell) => cell.rich));
  const after = [
    ...table.footnotes.map((note) => ({ text: [{ text: note.mark, sup: true }, { text: ` ${note.text}` }], style: 'footnote', margin: [0, 1, 0, 0] })),
    ...richNodes(table.notes, 4).map((node) => ({ ...node, fontSize: 8.5, margin: [0, 4, 0, 0] })),
  ];
  return {
    margin: [0, 4, 0, 12],
    stack: [
      {
        fontSize,
        lineHeight: 1.15,
        table: { headerRows, keepWithHeaderRows: 1, dontBreakRows: !hasRich, widths, body: [...header, ...rows] },
        layout: {
          hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === headerRows || i === node.table.body.length ? 0.9 : totals.has(i) ? 0.7 : 0.35),
          hLineColor: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === headerRows || i === node.table.body.length || totals.has(i) ? colors.rule : colors.hairline),
          vLineWidth: () => 0,
          fillColor: (row: number) => (row < headerRows ? colors.headerFill : groups.has(row) ? colors.groupFill : null),
          paddingLeft: () => 4,
          paddingRight: () => 4,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
      ...after,
    ],
  };
}

function cellNode(cell: Cell | null, table: TableBlock, column: number, role: 'header' | 'data' | 'group' | 'total'): Node {
  if (cell === null) return {};
  const kind = table.columns[column]?.kind ?? 'label';
  const node: Node = cell.rich
    ? { stack: richNodes(cell.rich, 3) }
    : { text: [...(cell.status ? [{ text: '● ', color: statusColors[cell.status].dot }] : []), { text: cell.text }, ...(cell.mark ? [{ text: cell.mark, sup: true }] : [])] };
  if (cell.colSpan) node.colSpan = cell.colSpan;
  if (cell.rowSpan) node.rowSpan = cell.rowSpan;
  if (cell.bold || role === 'header' || role === 'total') node.bold = true;
  if (role === 'header') node.color = colors.heading;
  if (kind === 'figure' && !cell.colSpan) {
    node.alignment = 'right';
    if (role !== 'header') node.noWrap = true;
  }
  return node;
}
