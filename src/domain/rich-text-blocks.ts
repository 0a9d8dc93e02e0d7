/**
 * Rich text read as text: the restricted HTML of a plan (p, b, strong, i, em, u, ul, ol, li, a,
 * br; see rich-text.ts) read into paragraphs and lists of styled runs, which every document
 * renderer and the browser lay out without an HTML engine, and the plain text of it — the one
 * rule for titles, histories, spreadsheets and the command line. The input is sanitised on
 * import; anything unexpected here is read as plain text, never passed through.
 */

/** A stretch of text with one style. A run with text "\n" is a line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  href?: string;
  /** A footnote mark or other raised text. */
  sup?: boolean;
}

export type RichBlock =
  | { kind: 'paragraph'; runs: Run[] }
  /** `marker` false when every item already begins with its own printed "- " (the seeds do that). */
  | { kind: 'list'; ordered: boolean; marker: boolean; items: Run[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Style {
  bold: number;
  italic: number;
  underline: number;
  href: string[];
}

/** Reads a rich-text fragment into blocks; plain text without tags is one paragraph. */
export function parseRich(html: string | undefined | null): RichBlock[] {
  if (!html) return [];
  const blocks: RichBlock[] = [];
  const style: Style = { bold: 0, italic: 0, underline: 0, href: [] };
  let runs: Run[] | null = null; // the open paragraph or list item
  let list: Extract<RichBlock, { kind: 'list' }> | null = null;

  let listDepth = 0; // nested lists are flattened into the outer one
  const closeParagraph = () => {
    if (runs && !list) pushParagraph(blocks, runs);
    if (!list) runs = null;
  };
  const openRuns = (): Run[] => {
    if (runs) return runs;
    runs = [];
    if (list) list.items.push(runs);
    return runs;
  };

  for (const match of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)|(<)/g)) {
    const [, closing, rawTag, attributes, text, stray] = match;
    if (text !== undefined || stray !== undefined) {
      addText(openRuns(), decodeEntities(text ?? stray!), style);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    const opening = closing !== '/';
    switch (tag) {
      case 'p':
        if (list) {
          if (runs) addText(runs, ' ', style);
        } else closeParagraph();
        break;
      case 'b':
      case 'strong':
        style.bold += opening ? 1 : style.bold > 0 ? -1 : 0;
        break;
      case 'i':
      case 'em':
        style.italic += opening ? 1 : style.italic > 0 ? -1 : 0;
        break;
      case 'u':
        style.underline += opening ? 1 : style.underline > 0 ? -1 : 0;
        break;
      case 'a':
        if (opening) style.href.push(/href\s*=\s*"([^"]*)"/i.exec(attributes ?? '')?.[1] ?? '');
        else style.href.pop();
        break;
      case 'br':
        openRuns().push({ text: '\n' });
        break;
      case 'ul':
      case 'ol':
        if (opening) {
          listDepth += 1;
          if (listDepth > 1) break;
          closeParagraph();
          list = { kind: 'list', ordered: tag === 'ol', marker: true, items: [] };
          runs = null;
        } else if (list && listDepth > 0) {
          listDepth -= 1;
          if (listDepth > 0) break;
          blocks.push(finishList(list));
          list = null;
          runs = null;
        }
        break;
      case 'li':
        if (!list) {
          closeParagraph();
          break;
        }
        runs = null;
        if (opening) openRuns();
        break;
      default:
        break; // not in the allowed set: its text is kept, the tag is not
    }
  }
  if (list) blocks.push(finishList(list));
  else if (runs) pushParagraph(blocks, runs);
  return blocks;
}

function addText(runs: Run[], raw: string, style: Style): void {
  const text = raw.replace(/[ \t\r\n]+/g, ' ');
  if (text === '') return;
  const run: Run = { text };
  if (style.bold > 0) run.bold = true;
  if (style.italic > 0) run.italic = true;
  if (style.underline > 0) run.underline = true;
  const href = style.href.at(-1);
  if (href) run.href = href;
  const last = runs.at(-1);
  if (last && sameStyle(last, run) && last.text !== '\n') last.text += text;
  else runs.push(run);
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.href === b.href && a.sup === b.sup;
}

/** Trims the whitespace HTML would not show at the edges of a paragraph or item. */
export function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((run) => ({ ...run }));
  while (out.length > 0 && out[0]!.text.trim() === '' && out[0]!.text !== '\n') out.shift();
  while (out.length > 0 && out.at(-1)!.text.trim() === '' && out.at(-1)!.text !== '\n') out.pop();
  if (out[0]) out[0].text = out[0].text.replace(/^ +/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/ +$/, '');
  return out;
}

function pushParagraph(blocks: RichBlock[], runs: Run[]): void {
  const trimmed = trimRuns(runs);
  if (trimmed.length > 0) blocks.push({ kind: 'paragraph', runs: trimmed });
}

function finishList(list: Extract<RichBlock, { kind: 'list' }>): RichBlock {
  const items = list.items.map(trimRuns).filter((item) => item.length > 0);
  const printsOwnMarkers = items.length > 0 && items.every((item) => /^[-–•]\s/.test(item[0]!.text));
  return { ...list, items, marker: !printsOwnMarkers };
}

/** The text of runs, as a reader sees it. */
export function runsText(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}

/** The plain text of blocks: paragraphs and list items on lines of their own. */
export function richPlain(blocks: RichBlock[]): string {
  return blocks
    .flatMap((block) => (block.kind === 'paragraph' ? [runsText(block.runs)] : block.items.map((item, index) => `${block.marker ? (block.ordered ? `${index + 1}. ` : '• ') : ''}${runsText(item)}`)))
    .join('\n');
}

/**
 * The plain text of a rich-text fragment: paragraphs and list items on lines of their own (list
 * items with their marker, "• " or "1. ", unless `listMarkers` is false), or on one line joined by
 * spaces with `oneLine` (titles, short summaries; without markers unless asked for).
 */
export function plainText(html: string | null | undefined, options: { oneLine?: boolean; listMarkers?: boolean } = {}): string {
  const blocks = parseRich(html);
  const markers = options.listMarkers ?? !options.oneLine;
  const lines = !markers ? blocks.map((block) => (block.kind === 'list' ? { ...block, marker: false } : block)) : blocks;
  const text = richPlain(lines);
  return options.oneLine ? text.replace(/\s+/g, ' ').trim() : text;
}
