/**
 * Rich text is restricted HTML that every output format can print: paragraphs, bold, italic,
 * underline, lists, links and line breaks. Anything else is refused on input, not silently dropped.
 * Its plain text is rich-text-blocks.ts's `plainText`.
 */
import sanitizeHtml from 'sanitize-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li', 'a', 'br'],
  allowedAttributes: { a: ['href'], ul: ['style'] },
  allowedStyles: { ul: { 'list-style-type': [/^none$/] } },
  allowedSchemes: ['https', 'http', 'mailto'],
  disallowedTagsMode: 'discard',
};

/** The allowed part of an HTML fragment. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, options);
}

/** Whether the fragment is already within what we allow (sanitising would change nothing that matters). */
export function isAllowedRichText(html: string): boolean {
  return normalise(sanitizeRichText(html)) === normalise(html);
}

// sanitize-html re-serialises entities, void tags and attribute quoting; compare what a reader sees.
function normalise(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '<br>')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
