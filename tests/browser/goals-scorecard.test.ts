/**
 * The scorecard in Chromium on other municipalities' plans (issue 12, tests/fixtures/plans), read
 * as a logged-in account: Västervik 2021's goals judged Ja/Nej in the plan's words with their
 * comments, the summary per kind as the annual report prints it, an assignment and prioritised
 * areas marked as such; Vårgårda 2023's outcomes broken down by gender below the total, the measure
 * an indicator takes them from, a delmål's analysis; a goal assessed by hand with "Bedöm målet" (saved,
 * and refused without a justification); Kungsör's target with its own letter. Axe on
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

  it('refuses an assessment by hand without a justification or comment, in the server\'s words, and saves nothing', async () => {
    const card = await scorecard('vargarda-bvp-2023-2025', '2023');
    const page = card.page;
    const goal = page.locator('li[data-goal="dm-skola-1"]');
    await goal.getByRole('button', { name: /^Bedöm målet/ }).first().click();
    const editor = page.locator('[data-assessment-editor="dm-skola-1"]');
    await editor.locator('form').waitFor();
    await editor.getByLabel('Bedömning').selectOption({ label: 'Delvis uppfyllt' });
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.locator('[data-message="error"]').waitFor();
    expect(await editor.locator('[data-message="error"]').innerText()).toContain('kräver en motivering eller en kommentar');
    expect(await goal.locator('.goal-assessment strong').first().innerText()).toBe('Inte uppfyllt');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('assesses a goal by hand in the plan\'s words with a justification, saved with If-Match and shown at once', async () => {
    const card = await scorecard('vastervik-ar-2021', '2021');
    const page = card.page;
    const scripts: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(request.url())));
    const goal = page.locator('li[data-goal="mal-2-1"]');
    await goal.getByRole('button', { name: /^Bedöm målet/ }).first().click();
    const editor = page.locator('[data-assessment-editor="mal-2-1"]');
    await editor.locator('form').waitFor();
    // The comment's rich-text editor (TipTap) is loaded when the form first shows it, not with the
    // scorecard, which every reader loads (LazyRichTextEditor).
    await editor.getByRole('textbox', { name: 'Kommentar' }).waitFor();
    expect(scripts.filter((url) => /\/RichTextEditor-[^/]*\.js$/.test(url))).toHaveLength(1);
    // A yes/no scale offers Ja and Nej (no "delvis") besides leaving it to the indicators.
    expect(await editor.getByLabel('Bedömning').locator('option').allInnerTexts()).toEqual(['Beräknas av styrtalen och delmålen', 'Ja', 'Nej']);
    expect(await axeViolations(page)).toEqual([]);
    await editor.getByLabel('Bedömning').selectOption({ label: 'Nej' });
    await editor.getByLabel('Motivering').fill('Utbudet minskade under pandemin.');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.locator('[data-message="done"]').waitFor();
    await expect.poll(() => goal.locator('.goal-assessment strong').first().innerText()).toBe('Nej');
    // The comment written before stays with the assessment.
    expect(await goal.locator('.goal-assessment__comment').first().innerText()).toContain('skärgårdstrafik');
    const saved = await (await sessions.apiSession(harness, 'admin')).request.get(`${harness.baseUrl}/api/plans/vastervik-ar-2021/goals/mal-2-1`);
    expect(((await saved.json()) as { assessments: unknown[] }).assessments).toContainEqual(expect.objectContaining({ period: '2021', status: 'not-fulfilled', justification: 'Utbudet minskade under pandemin.' }));
  });

  it('prints Kungsör\'s target with its own letter, and fits 320 px', async () => {
    const card = await scorecard('kungsor-kf-2021-2025', '2020', narrow);
    const page = card.page;
    expect(await page.locator('tr[data-indicator="st-arbetsloshet"] .target').innerText()).toMatch(/^A\) /);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
