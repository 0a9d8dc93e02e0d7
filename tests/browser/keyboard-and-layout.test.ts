/**
 * Using the app with the keyboard only, at 320 px, and in English: the skip link comes first,
 * focus follows navigation, nothing but a wide table scrolls sideways, the language is remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, narrow, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { RolloverPage, VolumeGridPage } from './insights-pages.ts';
import { AccessibilityPage, ComparePage, FollowUpPage, LoginPage, PlanPage, ScorecardPage, StartPage } from './pages.ts';

const snKey = 'timra-sn-2020-2022';
const ifoKey = 'timra-ifo-2018-2020';

/** A 1280 px wide window at 200 % zoom: 640 × 450 CSS pixels, two device pixels to each. */
const zoom200 = { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 };

/**
 * What does not fit at the page's width: the page scrolling sideways, a heading or a main-menu
 * link sticking out past the window or cut off inside its box, and any element that hides
 * overflowing text (overflow hidden/clip with more text than room). Wide tables scroll in their
 * own region and are left out, as are visually hidden texts (1 px boxes by design).
 */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const faults: string[] = [];
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > width) faults.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    const nav = document.querySelector('nav[aria-label="Huvudmeny"]');
    if (!nav) faults.push('no main menu');
    const mustFit = [...document.querySelectorAll('main h1, main h2, main h3')].concat(nav ? [...nav.querySelectorAll('a, button')] : []);
    for (const element of mustFit) {
      const box = element.getBoundingClientRect();
      if (element.closest('.scroll-region')) continue;
      if (box.width === 0 || box.height === 0) faults.push(`${name(element)} is not shown`);
      else if (box.left < 0 || box.right > width + 0.5) faults.push(`${name(element)} sticks out (${Math.round(box.left)}–${Math.round(box.right)})`);
      else if ((element as HTMLElement).scrollWidth > (element as HTMLElement).clientWidth + 1 && getComputedStyle(element).display !== 'inline') faults.push(`${name(element)} is cut off`);
    }
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element);
      if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflowY)) continue;
      if (element.clientWidth <= 1 || element.closest('svg')) continue; // visually hidden texts
      const clipsX = ['hidden', 'clip'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const clipsY = ['hidden', 'clip'].includes(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if ((clipsX || clipsY) && (element.innerText ?? '').trim() !== '') faults.push(`${name(element)} hides text (overflow ${style.overflowX}/${style.overflowY})`);
    }
    return faults;
  });
}

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

  it('at 200 % zoom (640 × 450 CSS px) every main page fits: no sideways scrolling, heading and menu visible and not cut off', async () => {
    const context = await harness.browser.newContext({ ...zoom200, locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      const login = await new LoginPage(page, harness.baseUrl).open();
      const pages = [
        ['login', login],
        ['start', new StartPage(page, harness.baseUrl)],
        ['plan', new PlanPage(page, harness.baseUrl, snKey)],
        ['scorecard', new ScorecardPage(page, harness.baseUrl, snKey)],
        ['follow-up', new FollowUpPage(page, harness.baseUrl, ifoKey)],
        ['compare', new ComparePage(page, harness.baseUrl, ifoKey, snKey)],
        ['accessibility', new AccessibilityPage(page, harness.baseUrl)],
        ['volume-grid', new VolumeGridPage(page, harness.baseUrl, ifoKey, 'ifo-matt-2017')],
        ['rollover', new RolloverPage(page, harness.baseUrl, snKey)],
      ] as const;
      for (const [name, model] of pages) {
        if (name === 'start') await login.logIn('admin'); // the editing pages as someone who may edit
        await model.open();
        await expect(model.heading().isVisible(), `${name}: h1`).resolves.toBe(true);
        await expect(model.mainNav().isVisible(), `${name}: main menu`).resolves.toBe(true);
        expect(await layoutFaults(page), `${name} at 200 %`).toEqual([]);
        await screenshot(page, `zoom-200-${name}`);
      }
    } finally {
      await context.close();
    }
  });
});
