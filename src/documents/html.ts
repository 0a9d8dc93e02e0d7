/**
 * The HTML renderer: one self-contained, accessible page (WCAG 2.1 AA; checked with axe-core):
 * language sv, landmarks, headings in order, a table of contents that links to them, tables with
 * captions and header cells scoped to their columns and rows, no scripts, no external files. The
 * print style sheet gives A4 pages, a page per main section, repeated table headers, landscape
 * pages for wide tables and "Sida N av M".
 */
import type { RichBlock, Run } from './rich.ts';
import { colors, statusColors } from './theme.ts';
import type { Block, Cell, DocumentView, TableBlock, TextBlock } from './view-model.ts';

/** Text in element content or a double- or single-quoted attribute value. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Text as a CSS string inside the page's <style> element. HTML ends a style element at the first
 * "</style" whatever CSS thinks, so escaping quotes is not enough (issue 10, defect 3): every
 * character other than a letter, a digit or a space is written as a CSS hex escape ("\3C "), which
 * leaves nothing the HTML parser or the CSS tokenizer could read as markup or syntax.
 */
export function cssString(text: string): string {
  let out = '';
  for (const char of text) out += /^[\p{L}\p{N} ]$/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16).toUpperCase()} `;
  return `"${out}"`;
}

const headingTag = (level: number) => `h${Math.min(level + 1, 6)}`;

/** Renders the document as one HTML page. */
export function renderHtml(view: DocumentView): string {
  return [
    '<!doctype html>',
    `<html lang="sv">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<meta name="author" content="${escapeHtml(view.author)}">`,
    `<meta name="description" content="${escapeHtml(view.subject)}">`,
    `<meta name="keywords" content="${escapeHtml(view.keywords.join(', '))}">`,
    `<meta name="generator" content="Styrkort">`,
    `<style>${styleSheet(view)}</style>`,
    '</head>',
    '<body>',
    `<header class="letterhead">${view.letterhead.map((line, index) => `<p${index === 0 ? ' class="org"' : ''}>${escapeHtml(line)}</p>`).join('')}</header>`,
    '<main>',
    titlePage(view),
    tableOfContents(view),
    ...view.blocks.map(blockHtml),
    '</main>',
    `<footer class="colophon"><p>${escapeHtml(view.colophon)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function titlePage(view: DocumentView): string {
  const page = view.titlePage;
  const lines = [
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(page.subtitle ?? page.organisation)}</p>`,
    page.subtitle && page.organisation ? `<p class="organisation">${escapeHtml(page.organisation)}</p>` : '',
    `<p class="period">${escapeHtml(page.period)}</p>`,
    `<p class="status">${escapeHtml(page.status)}</p>`,
    page.decision ? `<p class="status">${escapeHtml(page.decision)}</p>` : '',
  ];
  return `<div class="title-page">${lines.filter(Boolean).join('')}</div>`;
}

function tableOfContents(view: DocumentView): string {
  if (view.toc.length === 0) return '';
  // Nested lists by level, so a screen reader hears the structure.
  let html = '<ol>';
  let level = view.toc[0]!.level;
  let open = false;
  for (const entry of view.toc) {
    while (entry.level > level) {
      html += '<ol>';
      level += 1;
      open = false;
    }
    while (entry.level < level) {
      html += '</li></ol>';
      level -= 1;
      open = true;
    }
    if (open) html += '</li>';
    html += `<li><a href="#${escapeHtml(entry.id)}">${escapeHtml(entry.text)}</a>`;
    open = true;
  }
  while (level > view.toc[0]!.level) {
    html += '</li></ol>';
    level -= 1;
  }
  html += '</li></ol>';
  return `<nav class="toc" aria-labelledby="innehall-rubrik"><h2 id="innehall-rubrik">Innehållsförteckning</h2>${html}</nav>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const tag = headingTag(block.level);
      return `<${tag} id="${escapeHtml(block.id)}">${escapeHtml(block.text)}</${tag}>`;
    }
    case 'text':
      return textHtml(block);
    case 'table':
      return tableHtml(block);
  }
}

function textHtml(block: TextBlock): string {
  const className = block.style && block.style !== 'body' ? ` class="${block.style}"` : '';
  return `<div${className}>${richHtml(block.content)}</div>`;
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((run) => {
      if (run.text === '\n') return '<br>';
      let html = escapeHtml(run.text);
      if (run.sup) html = `<sup>${html}</sup>`;
      if (run.underline) html = `<u>${html}</u>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href && /^(https?:|mailto:)/i.test(run.href)) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function richHtml(blocks: RichBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${runsHtml(block.runs)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}${block.marker ? '' : ' class="plain"'}>${block.items.map((item) => `<li>${runsHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('');
}

function cellContent(cell: Cell): string {
  const dot = cell.status ? `<span class="dot dot-${cell.status}" aria-hidden="true">●</span> ` : '';
  const text = cell.rich ? richHtml(cell.rich) : dot + escapeHtml(cell.text);
  return cell.mark ? `${text}<sup>${escapeHtml(cell.mark)}</sup>` : text;
}

function spans(cell: Cell): string {
  return `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}`;
}

function tableHtml(table: TableBlock): string {
  // Marked as a table's: a heading may carry the same key (see withUniqueIds).
  const tableId = `tabell-${table.id}`;
  const captionId = `${tableId}-rubrik`;
  const head = table.header
    .map((row) => {
      let column = 0;
      const cells = row.map((cell) => {
        const kind = table.columns[column]?.kind;
        column += cell.colSpan ?? 1;
        const scope = (cell.colSpan ?? 1) > 1 ? 'colgroup' : 'col';
        return `<th scope="${scope}"${spans(cell)}${kind === 'figure' && !cell.colSpan ? ' class="num"' : ''}>${cellContent(cell)}</th>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const bodies: string[][] = [[]];
  for (const row of table.body) {
    if (row.role === 'group') {
      if (bodies.at(-1)!.length > 0) bodies.push([]);
      bodies.at(-1)!.push(`<tr class="group"><th scope="rowgroup"${spans(row.cells[0]!)}>${cellContent(row.cells[0]!)}</th></tr>`);
      continue;
    }
    let column = 0;
    const cells = row.cells.map((cell, index) => {
      const kind = table.columns[column]?.kind;
      column += cell.colSpan ?? 1;
      const classes = [kind === 'figure' && !cell.colSpan ? 'num' : '', cell.bold ? 'bold' : ''].filter(Boolean);
      const attributes = `${spans(cell)}${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}`;
      return index === 0 && kind === 'label' ? `<th scope="row"${attributes}>${cellContent(cell)}</th>` : `<td${attributes}>${cellContent(cell)}</td>`;
    });
    bodies.at(-1)!.push(`<tr${row.role === 'total' ? ' class="total"' : ''}>${cells.join('')}</tr>`);
  }
  const notes = [
    ...table.footnotes.map((note) => `<p class="footnote"><sup>${escapeHtml(note.mark)}</sup> ${escapeHtml(note.text)}</p>`),
    table.notes.length > 0 ? `<div class="table-notes">${richHtml(table.notes)}</div>` : '',
  ].join('');
  return [
    `<div class="table-wrap${table.wide ? ' wide' : ''}" role="region" aria-labelledby="${escapeHtml(captionId)}" tabindex="0">`,
    `<table id="${escapeHtml(tableId)}">`,
    `<caption id="${escapeHtml(captionId)}" class="visually-hidden">${escapeHtml(table.title)}</caption>`,
    `<thead>${head}</thead>`,
    ...bodies.filter((rows) => rows.length > 0).map((rows) => `<tbody>${rows.join('')}</tbody>`),
    '</table>',
    '</div>',
    notes,
  ].join('');
}

function styleSheet(view: DocumentView): string {
  const letterhead = cssString(view.letterhead.join('\n'));
  return `
:root { color: ${colors.text}; background: #fff; font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; }
.letterhead { border-bottom: 1px solid ${colors.rule}; padding-bottom: .4rem; margin-bottom: 2rem; font-size: .85rem; color: ${colors.muted}; }
.letterhead p { margin: 0; }
.letterhead .org { font-weight: 700; color: ${colors.heading}; letter-spacing: .06em; }
h1, h2, h3, h4, h5, h6 { color: ${colors.heading}; line-height: 1.2; margin: 1.6em 0 .5em; }
h1 { font-size: 2.1rem; margin-top: 0; }
h2 { font-size: 1.6rem; border-top: 3px solid ${colors.heading}; padding-top: .6rem; margin-top: 2.5rem; }
h3 { font-size: 1.25rem; }
h4, h5, h6 { font-size: 1.05rem; color: ${colors.text}; }
p { margin: 0 0 .7em; }
a { color: ${colors.accent}; }
.title-page { padding: 2rem 0 2.5rem; }
.title-page .subtitle { font-size: 1.3rem; margin: .3rem 0; }
.title-page .organisation, .title-page .status { color: ${colors.muted}; margin: 0; }
.title-page .period { margin: 1.2rem 0 .2rem; }
.toc ol { list-style: none; padding-left: 1.25rem; margin: .2rem 0; }
.toc > ol { padding-left: 0; }
.toc li { margin: .25rem 0; }
.display p { text-align: center; font-size: 1.5rem; font-weight: 700; color: ${colors.heading}; margin: .3rem 0; }
.motto p { font-style: italic; margin-bottom: .3rem; }
.note, .footnote, .colophon { font-size: .85rem; color: ${colors.muted}; }
.footnote { margin: .2rem 0 0; }
ul.plain { list-style: none; padding-left: 1rem; }
.table-wrap { overflow-x: auto; margin: .8rem 0 .4rem; }
.table-wrap:focus { outline: 2px solid ${colors.accent}; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; border-top: 1.5px solid ${colors.rule}; border-bottom: 1.5px solid ${colors.rule}; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid ${colors.hairline}; }
thead th { background: ${colors.headerFill}; color: ${colors.heading}; border-bottom: 1.5px solid ${colors.rule}; }
tbody th { font-weight: 400; }
td p, th p { margin: 0 0 .4em; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead .num { white-space: normal; }
.wide tbody th { min-width: 14em; }
.bold, .total th, .total td { font-weight: 700; }
.total th, .total td { border-top: 1.5px solid ${colors.rule}; }
.group th { background: ${colors.groupFill}; font-weight: 700; }
.table-notes { font-size: .9rem; }
${Object.entries(statusColors).map(([status, color]) => `.dot-${status} { color: ${color.dot}; }`).join('\n')}
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.colophon { border-top: 1px solid ${colors.hairline}; margin-top: 3rem; padding-top: .5rem; }
@page { size: A4; margin: 22mm 18mm 20mm;
  @top-left { content: ${letterhead}; white-space: pre; font: 700 8pt sans-serif; color: ${colors.heading}; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 8pt sans-serif; color: ${colors.muted}; } }
@page :first { @top-left { content: none; } @bottom-right { content: none; } }
@page wide { size: A4 landscape; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .letterhead { display: none; }
  .title-page { break-after: page; padding-top: 45mm; }
  .toc { break-after: page; }
  h2 { ${view.newPagePerSection ? 'break-before: page; ' : ''}border-top: 0; padding-top: 0; }
  .toc h2 { break-before: auto; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  .wide { page: wide; }
  a { color: inherit; text-decoration: none; }
}`.trim();
}
