/**
 * Pasted HTML, cleaned before the editor reads it: elements that can run or load anything (script,
 * style, img, iframe, svg …) are removed and every attribute but a link's href, inline style (how
 * word processors mark bold and italic) and ProseMirror's own slice marker is dropped. The editor's
 * schema would leave these out anyway; cleaning first means an `onerror` never even reaches a parser
 * that might try it. DOMParser builds an inert document: nothing in it loads or runs.
 */
const removed = 'script, style, img, picture, source, video, audio, iframe, frame, object, embed, svg, math, canvas, template, link, meta, base, noscript, form, input, button, select, textarea';
const kept = new Set(['href', 'style', 'data-pm-slice']);

export function cleanPastedHtml(html: string): string {
  // Event-handler attributes go before parsing too: Chromium reports (and CSP blocks) an image's
  // onerror even in an inert document. The DOM pass below is what guarantees the result.
  const doc = new DOMParser().parseFromString(withoutEventHandlers(html), 'text/html');
  doc.querySelectorAll(removed).forEach((element) => element.remove());
  doc.body.querySelectorAll('*').forEach((element) => {
    for (const attribute of [...element.attributes]) {
      if (!kept.has(attribute.name) || (attribute.name === 'href' && element.tagName !== 'A')) element.removeAttribute(attribute.name);
    }
  });
  return doc.body.innerHTML;
}

/** The HTML with on…= attributes taken out of its tags (text between tags is left alone). */
export function withoutEventHandlers(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}
