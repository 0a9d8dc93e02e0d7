/**
 * The rich-text editor's output: each case is an editor document (as TipTap's getJSON() gives it)
 * and the HTML the plan stores. Every output must pass the server's own check (isAllowedRichText)
 * and print as the seeds do (parseRich: a list item is one line, not "<p>" inside "<li>").
 */
import { describe, expect, it } from 'vitest';
import { parseRich, richPlain } from '../domain/rich-text-blocks.ts';
import { isAllowedRichText } from '../domain/rich-text.ts';
import { withoutEventHandlers } from './components/content-editor/clean-pasted-html.ts';
import { linkHref, richTextFromDoc, type DocNode } from './rich-text-output.ts';

const text = (value: string, ...marks: DocNode['marks'] & object): DocNode => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', ...(content.length ? { content } : {}) });
const li = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });
const ul = (...items: DocNode[]): DocNode => ({ type: 'bulletList', content: items });
const ol = (...items: DocNode[]): DocNode => ({ type: 'orderedList', attrs: { start: 1, type: null }, content: items });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const bold = { type: 'bold' };
const italic = { type: 'italic' };
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener', class: null } });
const br: DocNode = { type: 'hardBreak' };

// Wording from the seeds (demo/timra-sn-2020-2022.json, ol-offentlig-service and the SN goal lists).
const stable = 'Stabil organisation utifrån en rollfördelning där två personer har rollen som registrator på del av sin tjänst.';

const cases: Array<[string, DocNode, string]> = [
  ['an empty document is ""', doc(p()), ''],
  ['a document of empty paragraphs and a trailing one is ""', doc(p(), p(text('   ')), p()), ''],
  ['one paragraph, as the seeds store it', doc(p(text(stable))), `<p>${stable}</p>`],
  ['the trailing empty paragraph after a list is dropped', doc(ul(li(p(text('- Ledning och styrning')))), p()), '<ul><li>- Ledning och styrning</li></ul>'],
  ['a single <p> inside <li> is unwrapped', doc(ul(li(p(text('IFO'))), li(p(text('Äldreomsorgen'))))), '<ul><li>IFO</li><li>Äldreomsorgen</li></ul>'],
  ['two paragraphs in one item become a line break', doc(ol(li(p(text('Först')), p(text('sedan'))))), '<ol><li>Först<br>sedan</li></ol>'],
  ['empty list items vanish', doc(ul(li(p()), li(p(text('a'))))), '<ul><li>a</li></ul>'],
  ['bold and italic as strong and em', doc(p(text('Risk för '), text('resursbrist', bold), text(' och '), text('oro', italic))), '<p>Risk för <strong>resursbrist</strong> och <em>oro</em></p>'],
  ['neighbours share their common mark', doc(p(text('a', bold), text('b', bold, italic), text('c', bold))), '<p><strong>a<em>b</em>c</strong></p>'],
  ['marks nest in one order whatever order the editor lists them', doc(p(text('x', italic, bold))), '<p><strong><em>x</em></strong></p>'],
  ['a link keeps its href only: no target, rel or class', doc(p(text('Läs mer', link('https://www.timra.se/')))), '<p><a href="https://www.timra.se/">Läs mer</a></p>'],
  ['a mailto link is kept', doc(p(text('Skriv', link('mailto:sn@timra.se')))), '<p><a href="mailto:sn@timra.se">Skriv</a></p>'],
  ['a javascript: link keeps its text, not the link', doc(p(text('klicka', link('javascript:alert(1)')))), '<p>klicka</p>'],
  ['hard breaks inside a paragraph stay, trailing ones go', doc(p(text('rad 1'), br, text('rad 2'), br)), '<p>rad 1<br>rad 2</p>'],
  ['text that looks like markup is escaped', doc(p(text('<script>alert("x")</script> & <img onerror=x>'))), '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img onerror=x&gt;</p>'],
  ['an unknown block (a heading) becomes a paragraph', doc({ type: 'heading', attrs: { level: 2 }, content: [text('Rubrik')] }), '<p>Rubrik</p>'],
  ['an unknown mark (strike, code) is dropped, its text kept', doc(p(text('borta', { type: 'strike' }, { type: 'code' }))), '<p>borta</p>'],
  ['nested lists are kept inside their item', doc(ul(li(p(text('a')), ul(li(p(text('b'))))))), '<ul><li>a<ul><li>b</li></ul></li></ul>'],
];

describe('richTextFromDoc', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const html = richTextFromDoc(input);
    expect(html).toBe(expected);
    expect(isAllowedRichText(html), 'the server accepts it').toBe(true);
  });

  it('prints list items as single lines, as the seeds do', () => {
    const html = richTextFromDoc(doc(p(text('Utmaningar:')), ul(li(p(text('- IFO- barn och ungdomsvården'))), li(p(text('- Ledning och styrning'))))));
    expect(richPlain(parseRich(html))).toBe('Utmaningar:\n- IFO- barn och ungdomsvården\n- Ledning och styrning');
    expect(parseRich(html)).toEqual(parseRich('<p>Utmaningar:</p><ul><li>- IFO- barn och ungdomsvården</li><li>- Ledning och styrning</li></ul>'));
  });
});

describe('linkHref', () => {
  it.each([
    ['https://www.timra.se/', 'https://www.timra.se/'],
    ['  http://example.org/a?b=1&c=2 ', 'http://example.org/a?b=1&c=2'],
    ['mailto:socialnamnden@timra.se', 'mailto:socialnamnden@timra.se'],
    ['www.timra.se/plan', 'https://www.timra.se/plan'],
    ['socialnamnden@timra.se', 'mailto:socialnamnden@timra.se'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://example.org', null],
    ['inte en adress', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(linkHref(input)).toBe(expected);
  });
});

describe('withoutEventHandlers (pasted HTML, before it is parsed)', () => {
  it.each([
    ['<img src="x" onerror="window.x = 1">', '<img src="x">'],
    ["<p onclick='a()' class=\"c\">Text onclick=här</p>", '<p class="c">Text onclick=här</p>'],
    ['<a href="https://www.timra.se" onMouseOver=go()>länk</a>', '<a href="https://www.timra.se">länk</a>'],
    ['<b>fet</b> och <i>kursiv</i>', '<b>fet</b> och <i>kursiv</i>'],
  ])('%s', (html, expected) => {
    expect(withoutEventHandlers(html)).toBe(expected);
  });
});
