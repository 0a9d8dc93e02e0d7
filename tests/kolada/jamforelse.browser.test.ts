/**
 * The Jämförelse pages in Chromium against the real server started as a fresh clone's `npm start`
 * (demo plans, demo/kolada and the demo's links): Timrå's households with ekonomiskt bistånd
 * against "Liknande kommuner ekonomiskt bistånd" and the country, the chart's table, the ranking,
 * axe-clean, usable by keyboard, in Swedish and English; an editor links an indicator by search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, startBrowserHarness, type BrowserHarness } from '../browser/harness.ts';
import { loggedInPage } from '../browser/sessions.ts';

const sn = 'timra-sn-2020-2022';
let harness: BrowserHarness;
beforeAll(async () => {
  // A new data directory as a fresh clone's `npm start` makes it (demo plans, then Kolada), not the
  // run's demo template, which has no Kolada (tests/helpers/templates.ts). (This file once deleted
  // the templates' variable instead, and every file after it in its worker built its databases
  // from nothing.)
  harness = await startBrowserHarness({ env: { STYRKORT_DEMO_KOLADA: '' }, template: false });
}, 300_000);
afterAll(async () => {
  await harness?.close();
});

describe('Jämförelse (Kolada)', () => {
  it("lists the plan's linked measures and shows one measure's comparison, table and ranking, axe-clean", async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.baseUrl}/planer/${sn}`);
    await page.getByRole('link', { name: 'Jämförelse med andra kommuner (Kolada)' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Jämförelse med andra kommuner');
    await page.getByRole('link', { name: 'Volymmått: Antal hushåll med försörjningsstöd' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Volymmått: Antal hushåll med försörjningsstöd' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Jämförelse: Antal hushåll med försörjningsstöd');
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /^N31807 / }) });
    await expect(section.getByText('Källa: Kolada, publicerad 2025-02-22').count()).resolves.toBe(1);
    await expect(section.getByText('Jämförelsegrupp: Liknande kommuner ekonomiskt bistånd, Timrå, 2022').count()).resolves.toBe(1);
    const chart = section.getByRole('img');
    await expect(chart.getAttribute('aria-label')).resolves.toContain('Timrå:');
    // The table toggle, by keyboard.
    const toggle = section.getByRole('button', { name: 'Visa som tabell' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(section.getByRole('button', { name: 'Dölj tabellen' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const row2022 = section.locator('table', { has: page.locator('caption', { hasText: 'år för år' }) }).locator('tr', { has: page.locator('th', { hasText: '2022' }) });
    await expect(row2022.locator('td').allInnerTexts()).resolves.toEqual(['2,9', '3,34', '1,85', '4,48', '2,85']);
    // The ranking of the latest year with Timrå's value.
    await expect(section.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('Rangordning 2022');
    await expect(section.getByText('Timrå har plats 3 av 8.').count()).resolves.toBe(1);
    const rank = section.locator('table', { has: page.locator('caption', { hasText: 'Liknande kommuner ekonomiskt bistånd, Timrå, 2022: värden 2022' }) });
    await expect(rank.locator('tbody tr').count()).resolves.toBe(8);
    await expect(rank.locator('tbody tr').nth(2).innerText()).resolves.toContain('Timrå (vår kommun)');
    await section.getByLabel('År för rangordningen').selectOption('2019');
    await expect(section.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('Rangordning 2019');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'kolada-jamforelse');
    await page.evaluate(() => window.localStorage.setItem('styrkort.language', 'en'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Comparison: Antal hushåll med försörjningsstöd');
    await expect(page.getByRole('button', { name: 'Show as table' }).first().count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an editor links an indicator by searching a KPI by words, and the comparison appears', async () => {
    const page = await loggedInPage(harness, 'admin');
    await page.goto(`${harness.baseUrl}/planer/${sn}/jamforelse/styrtal/st-2.3.1`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Jämförelse: Antal invånare');
    await page.getByLabel('Sök nyckeltal').fill('ekonomiskt bistånd andel');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Lägg till N31807' }).click();
    await page.getByLabel('Jämförelsegrupp för N31807').fill('ekonomiskt bistånd');
    await page.getByRole('button', { name: 'Spara kopplingen' }).click();
    await page.getByText('Kopplingen är sparad.').waitFor();
    await page.getByRole('heading', { level: 2, name: /^N31807 / }).waitFor();
    // The confirmation outlives the reload that shows the saved link.
    await expect(page.getByText('Kopplingen är sparad.').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
