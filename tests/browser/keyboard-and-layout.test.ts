/**
 * Using the app with the keyboard only, at 320 px, and in English: the skip link comes first,
 * focus follows navigation, nothing but a wide table scrolls sideways, the language is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, narrow, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { PlanPage, ScorecardPage, StartPage } from './pages.ts';

const snKey = 'timra-sn-2020-2022';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('keyboard, small screens and language', () => {
  it('Tab reaches the skip link first, then the menu; the skip link and links move focus where the reader goes', async () => {
    const start = await new StartPage(await harness.newPage(), harness.baseUrl).open();
    const { page } = start;
    await page.keyboard.press('Tab');
    await expect(start.focused()).resolves.toMatchObject({ tag: 'a', text: 'Hoppa till huvudinnehållet' });
    await expect(start.skipLink().isVisible()).resolves.toBe(true);
    const visited: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      visited.push((await start.focused()).text);
    }
    expect(visited).toEqual(['Styrkort', 'Planer', 'Jämför planer', 'Tillgänglighet']);
    // The skip link jumps past the header: the next Tab is inside main.
    await start.open();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
    await expect(start.focused()).resolves.toMatchObject({ tag: 'a' });
    // Following a link by keyboard lands on the new page's heading.
    await page.getByRole('link', { name: 'Verksamhetsplan 2020-2022', exact: true }).focus();
    await page.keyboard.press('Enter');
    const plan = new PlanPage(page, harness.baseUrl, snKey);
    await plan.ready();
    await expect(plan.focused()).resolves.toMatchObject({ tag: 'h1', text: 'Verksamhetsplan 2020-2022' });
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).resolves.not.toBe('none');
    // Focus is visible on links.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: style.outlineStyle, shadow: style.boxShadow, background: style.backgroundColor };
    });
    expect(ring.shadow === 'none' && ring.outline === 'none').toBe(false);
  });

  it('at 320 px the pages fit the width (only wide tables scroll, in their own focusable region) and pass axe', async () => {
    const page = await harness.newPage({ viewport: narrow });
    for (const [model, name] of [
      [new StartPage(page, harness.baseUrl), 'start-320'],
      [new PlanPage(page, harness.baseUrl, snKey), 'plan-sn-320'],
      [new ScorecardPage(page, harness.baseUrl, snKey), 'scorecard-sn-320'],
    ] as const) {
      await model.open();
      await expect(model.scrollsSideways(), name).resolves.toBe(false);
      const regions = page.locator('.scroll-region--overflows');
      for (const region of await regions.all()) {
        await expect(region.getAttribute('tabindex')).resolves.toBe('0');
        await expect(region.getAttribute('role')).resolves.toBe('region');
      }
      expect(await axeViolations(page), name).toEqual([]);
      await screenshot(page, name);
    }
  });

  it('English is one switch away, remembered on reload, with lang set for the page and Swedish content', async () => {
    const start = await new StartPage(await harness.newPage(), harness.baseUrl).open();
    await start.languageSwitch().click();
    await expect(start.heading().innerText()).resolves.toBe('Operational plans');
    await expect(start.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await start.page.reload();
    await start.ready();
    await expect(start.heading().innerText()).resolves.toBe('Operational plans');
    const card = await new ScorecardPage(start.page, harness.baseUrl, snKey).open();
    await expect(card.page.getByRole('columnheader', { name: 'Target 2020' }).count()).resolves.toBeGreaterThan(0);
    await expect(card.indicatorRow('st-1.2.1').locator('td').nth(2).innerText()).resolves.toContain('Not measured');
    await expect(card.perspectiveHeadings().first().locator('[lang="sv"]').count()).resolves.toBe(1);
    expect(await axeViolations(card.page)).toEqual([]);
    await screenshot(card.page, 'scorecard-sn-en');
    await card.languageSwitch().click();
    await expect(card.heading().innerText()).resolves.toContain('Styrkort');
  });
});
