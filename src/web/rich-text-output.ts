/**
 * What the rich-text editor writes: its document (TipTap/ProseMirror JSON) serialised into the
 * plan's restricted HTML in the shape the seeds use — `<p>…</p>`, `<ul><li>…</li></ul>`, `<strong>`,
 * `<em>`, `<a href>`, `<br>` — and nothing else. Serialising here, rather than trusting the editor's
 * own getHTML(), keeps the output inside what the server accepts (src/domain/rich-text.ts: no
 * target/rel/class on links, no `<p>` inside `<li>`) and prints the same in every document
 * format (src/documents/rich.ts). Pure: no DOM, no TipTap import, so it is tested in Node.
 */

/** A node of the editor's JSON document (the part of TipTap's JSONContent this reads). */
export interface DocNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: DocNode[];
}

/** Link addresses the plan may hold: absolute http, https or mailto (as the server allows). */
const allowedHref = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** The address typed in the link form as a link target, or null when it cannot be one. "www.x.se" becomes https://www.x.se. */
export function linkHref(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  if (allowedHref.test(text)) return text;
  // A bare host name ("www.timra.se/plan") is what people copy from the address bar without a scheme.
  if (/^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+(\/\S*)?$/i.test(text)) return `https://${text}`;
  if (/^[^\s@:/]+@[^\s@]+\.[a-z]{2,}$/i.test(text)) return `mailto:${text}`;
  return null;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** One inline mark as an opening and closing tag; null for marks the plan does not keep. */
interface Tag {
  id: string;
  open: string;
  close: string;
}

// Outermost first, so the same marks always nest the same way and neighbours can share tags.
const markOrder = ['link', 'bold', 'italic', 'underline'];

function tagOf(mark: { type: string; attrs?: Record<string, unknown> }): Tag | null {
  switch (mark.type) {
    case 'bold':
      return { id: 'bold', open: '<strong>', close: '</strong>' };
    case 'italic':
      return { id: 'italic', open: '<em>', close: '</em>' };
    case 'underline':
      return { id: 'underline', open: '<u>', close: '</u>' };
    case 'link': {
      const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
      return allowedHref.test(href) ? { id: `link:${href}`, open: `<a href="${escapeAttribute(href)}">`, close: '</a>' } : null;
    }
    default:
      return null;
  }
}

function tagsOf(node: DocNode): Tag[] {
  return [...(node.marks ?? [])]
    .sort((a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type))
    .map(tagOf)
    .filter((tag): tag is Tag => tag !== null);
}

/** Inline content (text, hard breaks) as HTML, with adjacent runs sharing their common marks. */
export function inlineHtml(nodes: DocNode[] = []): string {
  const inline = [...nodes];
  // A break at the end of a paragraph or item shows nothing in print; drop it.
  while (inline.length > 0 && inline.at(-1)!.type === 'hardBreak') inline.pop();
  let html = '';
  let open: Tag[] = [];
  for (const node of inline) {
    const wanted = node.type === 'text' ? tagsOf(node) : [];
    let shared = 0;
    while (shared < open.length && shared < wanted.length && open[shared]!.id === wanted[shared]!.id) shared += 1;
    for (const tag of open.slice(shared).reverse()) html += tag.close;
    for (const tag of wanted.slice(shared)) html += tag.open;
    open = wanted;
    if (node.type === 'text') html += escapeText(node.text ?? '');
    else if (node.type === 'hardBreak') html += '<br>';
    else html += escapeText(plainTextOf(node)); // an unknown inline node: its text, never its markup
  }
  for (const tag of open.reverse()) html += tag.close;
  return html;
}

/** The text of a node and its descendants. */
function plainTextOf(node: DocNode): string {
  return node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(plainTextOf).join('');
}

const hasText = (node: DocNode) => plainTextOf(node).trim() !== '';

/** One list item: its paragraphs joined by line breaks (no `<p>` inside `<li>`), nested lists kept. */
function listItemHtml(item: DocNode): string {
  const parts: string[] = [];
  let lastWasText = false;
  for (const child of item.content ?? []) {
    if (child.type === 'bulletList' || child.type === 'orderedList') {
      parts.push(blockHtml(child));
      lastWasText = false;
    } else if (hasText(child)) {
      const inline = isInlineOnly(child) ? inlineHtml(child.content) : escapeText(plainTextOf(child));
      parts.push(lastWasText ? `<br>${inline}` : inline);
      lastWasText = true;
    }
  }
  const html = parts.join('');
  return html === '' ? '' : `<li>${html}</li>`;
}

const isInlineOnly = (node: DocNode) => (node.content ?? []).every((child) => child.type === 'text' || child.type === 'hardBreak');

/** One block of the document; empty paragraphs and lists vanish. */
function blockHtml(node: DocNode): string {
  switch (node.type) {
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol';
      const items = (node.content ?? []).map(listItemHtml).join('');
      return items === '' ? '' : `<${tag}>${items}</${tag}>`;
    }
    case 'paragraph':
      return hasText(node) ? `<p>${inlineHtml(node.content)}</p>` : '';
    default:
      // Anything else (a heading or quote that slipped through): its blocks, or its text as a paragraph.
      if (!hasText(node)) return '';
      return isInlineOnly(node) ? `<p>${inlineHtml(node.content)}</p>` : (node.content ?? []).map(blockHtml).join('');
  }
}

/** The editor's document as the plan's restricted HTML; "" when it holds no text. */
export function richTextFromDoc(doc: DocNode): string {
  return (doc.content ?? []).map(blockHtml).join('');
}
