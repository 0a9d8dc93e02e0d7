/**
 * Issue 10, defect 3: the HTML export wrote the letterhead into its <style> block unescaped, so
 * "</style><script>" broke out. Here both attack payloads go into every text field of a real plan
 * that validation accepts them in (rich-text fields get them as escaped text, which is what a
 * rich-text editor would store), and the page must still hold exactly one style element, no
 * script and no meta refresh — as text and as Chromium parses it.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssString, renderHtml } from '../../src/documents/html.ts';
import { buildPlanDocument } from '../../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../../src/documents/report-view-model.ts';
import { validatePlanFile } from '../../src/domain/validate-plan.ts';
import type { PlanFile } from '../../src/domain/plan.ts';
import { copyJson, pathText, setAt, stringLeaves } from './plan-walk.ts';

const payloads = [
  '</style><script>window.pwned=1</script>',
  '<meta http-equiv=refresh content="0;url=https://angripare.example/">',
];

const escapeForRichText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The demo plan with the payload in every string field validation lets it into: appended, then as
 * escaped text (rich text), then alone (short fields); fields that refuse all three keep their value.
 */
function injectEverywhere(file: string, payload: string): { plan: PlanFile; injected: number } {
  const original = JSON.parse(readFileSync(new URL(`../../demo/${file}`, import.meta.url), 'utf8')) as unknown;
  const leaves = stringLeaves(original);
  const variants = (value: string) => [`${value} ${payload}`, `${value} ${escapeForRichText(payload)}`, payload];
  const choice = new Map(leaves.map((leaf) => [pathText(leaf.path), 0]));
  for (let round = 0; round < 16; round += 1) {
    const candidate = copyJson(original);
    for (const leaf of leaves) {
      const index = choice.get(pathText(leaf.path))!;
      if (index < 3) setAt(candidate, leaf.path, variants(leaf.value)[index]);
    }
    const result = validatePlanFile(candidate);
    if (result.ok) return { plan: result.plan, injected: [...choice.values()].filter((index) => index < 3).length };
    for (const problem of result.problems) {
      // A refused field moves on to its next variant; a problem elsewhere (a broken reference) points at a key, which refuses every variant.
      const path = [...choice.keys()].find((p) => problem.path === p || problem.path.startsWith(`${p}.`) || problem.path.startsWith(`${p}[`));
      if (path) choice.set(path, choice.get(path)! + 1);
    }
  }
  throw new Error('ingen giltig plan efter 16 varv');
}

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
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
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
