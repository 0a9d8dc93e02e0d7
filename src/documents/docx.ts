/**
 * The Word renderer: lays out a document view model as an editable .docx. Real headings (Word's
 * Rubrik 1–3 styles; headings kept out of the table of contents use styles based on them, with
 * the same outline level), a real table-of-contents field with an entry for every heading (Word
 * fills in the page numbers as it opens the file), real tables whose header rows repeat, Swedish
 * as the document language.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ISectionOptions,
  type PageNumberEstimator,
  type ParagraphChild,
} from 'docx';
import { officeFont } from './fonts.ts';
import { columnWidths } from './layout.ts';
import type { RichBlock, Run } from './rich.ts';
import { colors, statusColors } from './theme.ts';
import type { Block, Cell, DocumentView, HeadingBlock, TableBlock, TableRow as ViewRow } from './view-model.ts';

const pt = (points: number) => Math.round(points * 20); // twips
const hex = (color: string) => color.replace('#', '').toUpperCase();
const margin = 1134; // 2 cm
const a4 = { width: 11906, height: 16838 };
const textWidth = { portrait: (a4.width - 2 * margin) / 20, landscape: (a4.height - 2 * margin) / 20 };
const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const headingSizes = [17, 13.5, 11.5, 10.5, 10, 10];
const tocLevels = 3;

/**
 * Has docx write the table of contents' entries (each heading, linked) with no page numbers
 * worked out: Word numbers them when it updates the fields. docx's own layout (docx/layout) can
 * work them out, at 0.5–1 ms per paragraph and table cell over at least two passes.
 */
const entriesWithoutPageNumbers: PageNumberEstimator = () => ({ bookmarks: new Map() });

/** Renders the document as a Word document. */
export async function renderDocx(view: DocumentView): Promise<Buffer> {
  const state = { lists: 0 };
  const document = new Document({
    creator: view.author,
    lastModifiedBy: 'Styrkort',
    title: view.title,
    subject: view.subject,
    keywords: view.keywords.join(', '),
    description: view.colophon,
    styles: documentStyles(),
    numbering: { config: [{ reference: 'numrerad', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }] },
    // The contents' entries are written here and their page numbers left to Word, which fills them
    // in as it opens the file (decision 0019: working them out with docx's layout took 2–4 s a plan).
    pageNumbers: entriesWithoutPageNumbers,
    features: { updateFields: true },
    sections: [titleSection(view), ...bodySections(view, state)],
  });
  return Packer.toBuffer(document);
}

function documentStyles() {
  const heading = (level: number) => ({
    run: { font: officeFont, size: Math.round(headingSizes[level - 1]! * 2), bold: true, color: hex(level <= 3 ? colors.heading : colors.text) },
    paragraph: { spacing: { before: level === 1 ? 0 : pt(10), after: pt(level === 1 ? 10 : 4) }, keepNext: true },
  });
  return {
    default: {
      document: { run: { font: officeFont, size: 20, color: hex(colors.text), language: { value: 'sv-SE' } }, paragraph: { spacing: { after: pt(5), line: 264 } } },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
      heading5: heading(5),
      heading6: heading(6),
    },
    // Headings that the table of contents leaves out: the same look and outline level, another style.
    paragraphStyles: [
      ...[1, 2, 3, 4, 5, 6].map((level) => ({
        id: `Underrubrik${level}`,
        name: `Underrubrik ${level}`,
        basedOn: `Heading${level}`,
        next: 'Normal',
        quickFormat: true,
        paragraph: { outlineLevel: level - 1 },
      })),
      { id: 'Innehallsrubrik', name: 'Innehållsrubrik', basedOn: 'Normal', next: 'Normal', run: { size: 34, bold: true, color: hex(colors.heading) }, paragraph: { spacing: { after: pt(12) } } },
      { id: 'Fotnot', name: 'Fotnot i tabell', basedOn: 'Normal', next: 'Normal', run: { size: 15, color: hex(colors.muted) }, paragraph: { spacing: { after: 0 } } },
    ],
  };
}

function page(orientation: 'portrait' | 'landscape') {
  return {
    size: { width: a4.width, height: a4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: margin + 400, bottom: margin, left: margin, right: margin, header: 567, footer: 567 },
  };
}

function titleSection(view: DocumentView): ISectionOptions {
  const title = view.titlePage;
  const line = (text: string, size: number, options: { bold?: boolean; color?: string; before?: number; after?: number } = {}) =>
    new Paragraph({ spacing: { before: pt(options.before ?? 0), after: pt(options.after ?? 2) }, children: [new TextRun({ text, size: size * 2, bold: options.bold ?? false, color: hex(options.color ?? colors.text) })] });
  return {
    properties: { page: page('portrait') },
    children: [
      ...view.letterhead.map((text, index) => (index === 0 ? line(text.toUpperCase(), 13, { bold: true, color: colors.heading }) : line(text, 11, { color: colors.muted }))),
      line(title.title, 26, { bold: true, color: colors.heading, before: 150, after: 10 }),
      line(title.subtitle ?? title.organisation, 16, { after: 6 }),
      ...(title.subtitle && title.organisation ? [line(title.organisation, 12, { color: colors.muted })] : []),
      line(title.period, 12, { before: 18 }),
      line(title.status, 11, { color: colors.muted }),
      ...(title.decision ? [line(title.decision, 10, { color: colors.muted })] : []),
    ],
  };
}

function runningHeader(view: DocumentView, orientation: 'portrait' | 'landscape'): Header {
  const right = pt(textWidth[orientation]);
  const [first = '', ...rest] = view.letterhead;
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: right }],
        children: [new TextRun({ text: first, bold: true, size: 17, color: hex(colors.heading) }), new TextRun({ text: `\t${view.title}`, size: 16, color: hex(colors.muted) })],
        spacing: { after: 0 },
      }),
      ...rest.map((text) => new Paragraph({ children: [new TextRun({ text, size: 16, color: hex(colors.muted) })], spacing: { after: 0 } })),
      new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(colors.rule), space: 4 } }, spacing: { after: 0 }, children: [] }),
    ],
  });
}

function runningFooter(view: DocumentView, orientation: 'portrait' | 'landscape'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: pt(textWidth[orientation]) }],
        children: [new TextRun({ text: view.footer, size: 16, color: hex(colors.muted) }), new TextRun({ children: ['\tSida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16, color: hex(colors.muted) })],
      }),
    ],
  });
}

/** The body in sections: a new section wherever the page turns between portrait and landscape. */
function bodySections(view: DocumentView, state: { lists: number }): ISectionOptions[] {
  const sections: Array<{ orientation: 'portrait' | 'landscape'; children: Array<Paragraph | Table | TableOfContents> }> = [];
  const start = (orientation: 'portrait' | 'landscape') => sections.push({ orientation, children: [] });
  start('portrait');
  if (view.toc.length > 0) {
    sections[0]!.children.push(new Paragraph({ style: 'Innehallsrubrik', children: [new TextRun('Innehållsförteckning')] }));
    sections[0]!.children.push(new TableOfContents('Innehållsförteckning', { hyperlink: true, headingStyleRange: `1-${tocLevels}` }));
  }
  let first = true;
  for (const block of view.blocks) {
    const orientation = block.kind === 'table' && block.wide ? 'landscape' : 'portrait';
    const turns = orientation !== sections.at(-1)!.orientation;
    if (turns) start(orientation); // a new section starts a new page by itself
    const current = sections.at(-1)!;
    current.children.push(...blockContent(block, state, orientation, !turns && (first ? view.toc.length > 0 : view.newPagePerSection)));
    first = false;
  }
  return sections.map(({ orientation, children }) => ({
    properties: { page: page(orientation) },
    headers: { default: runningHeader(view, orientation) },
    footers: { default: runningFooter(view, orientation) },
    children: children.length > 0 ? children : [new Paragraph({ children: [] })],
  }));
}

function blockContent(block: Block, state: { lists: number }, orientation: 'portrait' | 'landscape', newPage: boolean): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [heading(block, newPage)];
    case 'text':
      return richParagraphs(block.content, state, block.style);
    case 'table':
      return tableContent(block, state, orientation);
  }
}

function heading(block: HeadingBlock, newPage: boolean): Paragraph {
  const level = Math.min(block.level, 6);
  const inToc = block.toc && level <= tocLevels;
  return new Paragraph({
    ...(inToc ? { heading: headingLevels[level - 1]! } : { style: `Underrubrik${level}` }),
    pageBreakBefore: level === 1 && newPage,
    children: [new TextRun(block.text)],
  });
}

function runs(items: Run[], size?: number): ParagraphChild[] {
  return items.map((run) => {
    if (run.text === '\n') return new TextRun({ break: 1 });
    const text = new TextRun({
      text: run.text,
      bold: run.bold ?? false,
      italics: run.italic ?? false,
      ...(run.underline || run.href ? { underline: {} } : {}),
      ...(run.sup ? { superScript: true } : {}),
      ...(run.href ? { color: hex(colors.accent) } : {}),
      ...(size ? { size } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

function richParagraphs(blocks: RichBlock[], state: { lists: number }, style?: 'body' | 'display' | 'motto' | 'note', size?: number): Paragraph[] {
  const base = style === 'display' ? { alignment: AlignmentType.CENTER } : {};
  const runSize = style === 'display' ? 32 : style === 'note' ? 17 : size;
  return blocks.flatMap((block) => {
    if (block.kind === 'paragraph') {
      const children = runs(style === 'display' ? block.runs.map((run) => ({ ...run, bold: true })) : block.runs, runSize);
      return [new Paragraph({ ...base, children, ...(style === 'motto' ? { spacing: { after: pt(2) } } : {}) })];
    }
    const instance = (state.lists += 1);
    return block.items.map(
      (item) =>
        new Paragraph({
          ...(block.marker ? (block.ordered ? { numbering: { reference: 'numrerad', level: 0, instance } } : { bullet: { level: 0 } }) : { indent: { left: 360 } }),
          spacing: { after: pt(1) },
          children: runs(item, runSize),
        }),
    );
  });
}

function tableContent(table: TableBlock, state: { lists: number }, orientation: 'portrait' | 'landscape'): Array<Paragraph | Table> {
  const fontSize = table.wide ? 8 : 9;
  const widths = columnWidths(table, { fontSize, available: textWidth[orientation], padding: 8 }).map((width) => pt(width + 8));
  const hasRich = table.body.some((row) => row.cells.some((cell) => cell.rich));
  const rule = { style: BorderStyle.SINGLE, size: 8, color: hex(colors.rule) };
  const rows = [
    ...table.header.map((cells, r) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map((cell, index) => tableCell(cell, table, columnOf(table.header[r]!, index), 'header', state, fontSize)) })),
    ...table.body.map((row) => new TableRow({ cantSplit: !hasRich, children: row.cells.map((cell, index) => tableCell(cell, table, columnOf(row.cells, index), row.role, state, fontSize)) })),
  ];
  const notes = [
    ...table.footnotes.map((note) => new Paragraph({ style: 'Fotnot', children: [new TextRun({ text: note.mark, superScript: true }), new TextRun(` ${note.text}`)] })),
    ...richParagraphs(table.notes, state, 'body', 18),
  ];
  return [
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: rule, bottom: rule, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: hex(colors.hairline) } },
      rows,
    }),
    ...notes,
    new Paragraph({ spacing: { after: pt(4) }, children: [] }),
  ];
}

/** The grid column a cell of a row starts in (earlier cells may span columns). */
function columnOf(cells: Cell[], index: number): number {
  return cells.slice(0, index).reduce((column, cell) => column + (cell.colSpan ?? 1), 0);
}

function tableCell(cell: Cell, table: TableBlock, column: number, role: 'header' | ViewRow['role'], state: { lists: number }, fontSize: number): TableCell {
  const kind = table.columns[column]?.kind ?? 'label';
  const right = kind === 'figure' && !cell.colSpan;
  const bold = cell.bold || role === 'header' || role === 'total';
  const size = fontSize * 2;
  const children = cell.rich
    ? richParagraphs(cell.rich, state, 'body', size)
    : [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { after: 0, line: 240 },
          children: [
            ...(cell.status ? [new TextRun({ text: '● ', size, color: hex(statusColors[cell.status].dot) })] : []),
            new TextRun({ text: cell.text, bold, size, ...(role === 'header' ? { color: hex(colors.heading) } : {}) }),
            ...(cell.mark ? [new TextRun({ text: cell.mark, superScript: true, bold, size })] : []),
          ],
        }),
      ];
  const fill = role === 'header' ? colors.headerFill : role === 'group' ? colors.groupFill : undefined;
  return new TableCell({
    children,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    ...(cell.colSpan ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
    ...(fill ? { shading: { type: ShadingType.CLEAR, fill: hex(fill), color: 'auto' } } : {}),
    ...(role === 'total' ? { borders: { top: { style: BorderStyle.SINGLE, size: 6, color: hex(colors.rule) } } } : {}),
  });
}
