/**
 * Plan against actual beside the volume grid in Chromium against the real server: each measure's
 * plan, the year value its months give and the deviation; after a saved follow-up edit on the
 * adopted IFO plan the comparison, the chart and its table show the new value. Axe, and 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { overflowing, VolumeGridPage } from './insights-pages.ts';

const ifoKey = 'timra-ifo-2018-2020';

let harness: BrowserHarness;
const apiSession = (username: string) => sessions.apiSession(harness, username);
const loggedInPage = (username: string, viewport?: { width: number; height: number }) => sessions.loggedInPage(harness, username, viewport);

beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('volumes: plan against actual', () => {
  it('shows each measure\'s plan, year value and deviation, and after a saved edit the chart and its table show the new value', async () => {
    const page = await loggedInPage('redaktor');
    const grid = await new VolumeGridPage(page, harness.baseUrl, ifoKey, 'ifo-matt-2017').open();
    const row = 'individstod-brukare';
    const label = 'Antal brukare individstöd (sista dagen i månaden)';
    await expect(grid.compareRow(row)).resolves.toEqual([label, '65', '45', '-20 (-30,8 %) under plan', 'värdet i december']);
    await expect(grid.compareRow('hushall-forsorjningsstod')).resolves.toEqual(['Antal hushåll med försörjningsstöd', 'ingen plan', '194,58', '–', 'medelvärdet av 12 månader']);
    const chart = grid.chart();
    await expect(chart.getByRole('img').getAttribute('aria-label')).resolves.toContain('dec 2017 45');
    await chart.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect(chart.getByRole('row', { name: /^dec 2017/ }).innerText()).resolves.toMatch(/^dec 2017\s+45\s+65$/);
    expect(await axeViolations(page), 'volume plan against actual').toEqual([]);
    await screenshot(page, 'volume-plan-vs-actual');
    await screenshotOf(page.locator('.volume-compare'), 'volume-plan-vs-actual-table');
    await screenshotOf(chart, 'volume-plan-vs-actual-chart');

    // The adopted plan takes a new December actual (follow-up); the comparison and the chart follow.
    await page.getByLabel(`${label} – Utfall dec`, { exact: true }).fill('47');
    await grid.save();
    await expect(grid.compareRow(row)).resolves.toEqual([label, '65', '47', '-18 (-27,7 %) under plan', 'värdet i december']);
    await expect(chart.getByRole('img').getAttribute('aria-label')).resolves.toContain('dec 2017 47');
    await expect(chart.getByRole('row', { name: /^dec 2017/ }).innerText()).resolves.toMatch(/^dec 2017\s+47\s+65$/);
    const api = await apiSession('admin');
    const saved = (await (await api.request.get(`${harness.baseUrl}/api/plans/${ifoKey}/volume-tables/ifo-matt-2017`)).json()) as { rows: Array<{ key: string; cells: Record<string, string> }> };
    expect(saved.rows.find((r) => r.key === row)!.cells['utfall-2017-12']).toBe('47');
    // Only the actual columns are fields on the adopted plan: the plan column stays text.
    await expect(page.getByLabel(`${label} – Plan 2017`, { exact: true }).count()).resolves.toBe(0);

    const small = await new VolumeGridPage(await loggedInPage('redaktor', narrow), harness.baseUrl, ifoKey, 'ifo-matt-2017').open();
    expect(await overflowing(small.page), 'volume grid 320').toEqual([]);
    await expect(small.scrollsSideways(), 'volume grid 320').resolves.toBe(false);
    expect(await axeViolations(small.page), 'volume grid 320').toEqual([]);
    await screenshot(small.page, 'volume-plan-vs-actual-320');
  });

  it('shows the IFO table read-only to the SN ekonom (volumes are content, outside the ekonom\'s role)', async () => {
    const grid = await new VolumeGridPage(await loggedInPage('ekonom'), harness.baseUrl, ifoKey, 'ifo-matt-2017').open();
    await grid.page.locator('.account__who').waitFor(); // the session is read: fields would be there by now
    await expect(grid.page.locator('table.volume-grid input').count()).resolves.toBe(0);
    await expect(grid.page.getByRole('button', { name: 'Spara', exact: true }).count()).resolves.toBe(0);
  });
});
