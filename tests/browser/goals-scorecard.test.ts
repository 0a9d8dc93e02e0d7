/**
 * The scorecard in Chromium on other municipalities' plans (issue 12, tests/fixtures/plans), read
 * as a logged-in account: Västervik 2021's goals judged Ja/Nej in the plan's words with their
 * comments, the summary per kind as the annual report prints it, an assignment and prioritised
 * areas marked as such; Vårgårda 2023's outcomes broken down by gender below the total, the measure
 * an indicator takes them from, a delmål's analysis; Kungsör's target with its own letter. Axe on
 * each page and no sideways scroll at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText } from '../goals/fixtures.ts';
import { axeViolations, narrow, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { ScorecardPage } from './pages.ts';
import * as sessions from './sessions.ts';

let harness: BrowserHarness;

beforeAll(async () => {
  harness = await startBrowserHarness();
  const admin = await sessions.apiSession(harness, 'admin');
  for (const key of ['vastervik-ar-2021', 'vargarda-bvp-2023-2025', 'kungsor-kf-2021-2025'] as const) {
    const response = await admin.request.post(`${harness.baseUrl}/api/plans`, { data: JSON.parse(fixtureText(key)), headers: { 'x-csrf-token': admin.csrf } });
    expect(response.status(), await response.text()).toBe(201);
  }
});

afterAll(async () => {
  await harness?.close();
});

const scorecard = async (planKey: string, period: string, viewport?: { width: number; height: number }) => {
  const page = await sessions.loggedInPage(harness, 'admin', viewport);
  const card = new ScorecardPage(page, harness.baseUrl, planKey);
  await page.goto(`${harness.baseUrl}${card.path}?period=${period}`);
  await card.ready();
  return card;
};

describe('the scorecard of other municipalities\' plans', () => {
  it('shows Västervik\'s goals by their Ja and comment, the assignment and the prioritised areas, and the summary per kind', async () => {
    const card = await scorecard('vastervik-ar-2021', '2021');
    const page = card.page;
    const summary = page.locator('.assessment-summary li');
    await expect.poll(() => summary.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Av \d+ bedömda mål är \d+ uppfyll/)]));
    const goal = page.locator('[data-goal="mal-2-1"]').first();
    await expect.poll(() => goal.locator('.goal-assessment strong').first().innerText()).toBe('Ja');
    expect(await goal.locator('.goal-assessment__comment').first().innerText()).toContain('skärgårdstrafik');
    // Västervik has no perspectives: its goals are "Mål", not a catch-all "Övriga mål".
    expect(await page.locator('section.perspective > h2').allInnerTexts()).toEqual(['Mål']);
    expect((await page.locator('.goal__kind').allInnerTexts()).map((text) => text.trim())).toEqual(expect.arrayContaining(['Prioriterat område:', 'Uppdrag:']));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'goals-scorecard-vastervik');
  });

  it('shows Vårgårda\'s outcome by gender below its total, the measure it comes from and the delmål\'s analysis', async () => {
    const card = await scorecard('vargarda-bvp-2023-2025', '2023');
    const page = card.page;
    const row = page.locator('tr[data-indicator]').filter({ has: page.locator('.breakdown') }).first();
    expect(await row.locator('.breakdown li').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^kvinnor \d/), expect.stringMatching(/^män \d/)]));
    expect(await page.locator('.indicator-measure').first().innerText()).toMatch(/^Mått: .+/);
    expect(await page.locator('[data-goal="dm-skola-1"] .goal-analysis').first().innerText()).toMatch(/^Analys/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints Kungsör\'s target with its own letter, and fits 320 px', async () => {
    const card = await scorecard('kungsor-kf-2021-2025', '2020', narrow);
    const page = card.page;
    expect(await page.locator('tr[data-indicator="st-arbetsloshet"] .target').innerText()).toMatch(/^A\) /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
