/**
 * Issue 10, defect 3: the HTML export wrote the letterhead into its <style> block unescaped, so
 * "</style><script>" broke out. Here both attack payloads go into every text field of a real plan
 * that validation accepts them in (rich-text fields get them as escaped text, which is what a
 * rich-text editor would store), and the page must still hold exactly one style element, no
 * script and no meta refresh — as text and as Chromium parses it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssString, renderHtml } from '../../src/documents/html.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { escapeForRichText, injectEverywhere } from './plan-walk.ts';

const payloads = [
  '</style><script>window.pwned=1</script>',
  '<meta http-equiv=refresh content="0;url=https://angripare.example/">',
];

/** The page's markup with every quoted attribute value left out (the payload may stand there as text). */
function checkPage(html: string): void {
  const markup = html.replace(/="[^"]*"/g, '=""');
  expect(markup.match(/<style/gi)).toHaveLength(1);
  expect(markup.match(/<\/style/gi)).toHaveLength(1);
  expect(markup).not.toMatch(/<script/i);
  expect(markup).not.toMatch(/<meta[^>]*http-equiv/i);
}

describe('HTML export injection', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(payloads)('defect 3: %s in every text field of both demo plans stays text', async (payload) => {
    for (const file of ['timra-ifo-2018-2020.json', 'timra-sn-2020-2022.json']) {
      const { plan, injected } = injectEverywhere(file, payload);
      expect(injected).toBeGreaterThan(300);
      expect(plan.plan.letterhead.every((line) => line.includes(payload))).toBe(true);
      const pages = [renderHtml(buildPlanDocument(plan)), renderHtml(buildReportDocument(plan, { period: `${plan.plan.periodStart}` }))];
      for (const html of pages) {
        checkPage(html);
        expect(html.split(escapeForRichText(payload).replace(/"/g, '&quot;')).length - 1).toBeGreaterThan(50);
      }
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.setContent(pages[0]!);
        const parsed = await page.evaluate(() => ({
          scripts: document.querySelectorAll('script').length,
          metas: document.querySelectorAll('meta[http-equiv]').length,
          styles: document.querySelectorAll('style').length,
          pwned: 'pwned' in window,
          letterhead: document.querySelector('.letterhead')?.textContent ?? '',
        }));
        expect(parsed).toMatchObject({ scripts: 0, metas: 0, styles: 1, pwned: false });
        expect(parsed.letterhead).toContain(payload);
      } finally {
        await context.close();
      }
    }
  });

  it('defect 3: a CSS string holds letters, digits and spaces as they are and escapes everything else', () => {
    expect(cssString('TIMRÅ KOMMUN')).toBe('"TIMRÅ KOMMUN"');
    expect(cssString('</style>')).toBe('"\\3C \\2F style\\3E "');
    expect(cssString('a"b\\c\nd')).toBe('"a\\22 b\\5C c\\A d"');
    expect(cssString('Socialförvaltningen – IFO')).toBe('"Socialförvaltningen \\2013  IFO"');
  });
});
