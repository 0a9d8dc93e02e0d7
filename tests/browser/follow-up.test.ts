/**
 * Follow-up and comparison in Chromium against the real server with the demo plans: the
 * follow-up page of the IFO plan for August 2017 (year-end forecasts beside the entered forecast,
 * the volume chart and its table, the deviations largest first), the comparison of the IFO and
 * SN plans (both wordings of goal 1:2), and axe on both pages. Screenshots go to
 * test-output/screenshots/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, narrow, screenshot, screenshotDir, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { ComparePage, FollowUpPage, PlanPage, StartPage } from './pages.ts';

const ifo = 'timra-ifo-2018-2020';
const sn = 'timra-sn-2020-2022';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('follow-up page', () => {
  it('is reached from the plan page and defaults to the latest month with actuals', async () => {
    const plan = await new PlanPage(await harness.newPage(), harness.baseUrl, ifo).open();
    await plan.page.getByRole('link', { name: 'Följ upp prognoser och avvikelser' }).click();
    const followUp = new FollowUpPage(plan.page, harness.baseUrl, ifo);
    await followUp.ready();
    expect(new URL(plan.page.url()).pathname).toBe(`/planer/${ifo}/uppfoljning`);
    await expect(followUp.monthSelect().inputValue()).resolves.toBe('2017-12');
    // Focus moved to the new page's heading.
    await expect(followUp.focused()).resolves.toMatchObject({ tag: 'h1' });
    // Choosing August 2017 and "Visa" goes to that month.
    await followUp.monthSelect().selectOption('2017-08');
    await followUp.page.getByRole('button', { name: 'Visa', exact: true }).click();
    await followUp.page.waitForURL(/period=2017-08/);
    await followUp.page.getByRole('heading', { name: 'Avvikelser aug 2017' }).waitFor();
  });

  it('shows the year-end forecasts for 2017-08 with intervals beside the entered forecast, and the deviations largest first', async () => {
    const followUp = await new FollowUpPage(await harness.newPage(), harness.baseUrl, ifo, '2017-08').open();
    await expect(followUp.heading().count()).resolves.toBe(1);
    await expect(followUp.heading().innerText()).resolves.toContain('Uppföljning');
    await expect(followUp.monthSelect().inputValue()).resolves.toBe('2017-08');

    // Volumes: months so far 47 (latest of a stock); run rate 46,6 with its 90 % interval; plan 65.
    const volumes = followUp.table(/Helårsprognoser för volymer 2017, ur utfall t.o.m. aug 2017/);
    const individstod = await volumes.locator('tr[data-measure="individstod-brukare"]').locator('th, td').allInnerTexts();
    expect(individstod[1]).toBe('47');
    // The interval is named for screen readers (visually hidden words).
    expect(individstod[2]).toMatch(/^46,6\s+90 %-intervall\s+43,6–49,7$/);
    expect(individstod.at(-1)).toBe('65');
    const alignment = await volumes.locator('tr[data-measure="individstod-brukare"] td').first().evaluate((cell) => getComputedStyle(cell).textAlign);
    expect(alignment).toBe('right');

    // Budget: the run rate of the months the demo's ledger brought in (styrkort demo imports it), with its interval.
    const budgets = followUp.table(/Helårsprognoser för budget 2017/);
    const barnOFamilj = await budgets.locator('tr[data-budget="rr-ifo-barn-o-familj--costs"]').locator('th, td').allInnerTexts();
    expect(barnOFamilj[0]).toBe('IFO, Barn o familj kostnader');
    expect(barnOFamilj[1]).toMatch(/^-36 320\s+90 %-intervall\s+-37 874–-34 765$/);

    // Deviations: red before yellow, larger before smaller; every one says whether it has an analysis.
    const deviations = followUp.table(/Avvikelser aug 2017, störst först/);
    const first = deviations.locator('tbody tr').first();
    await expect(first.locator('th').innerText()).resolves.toContain('Antal ensamkommande barn i egen regi');
    await expect(first.locator('td').first().innerText()).resolves.toBe('Stor avvikelse');
    const percents = await deviations.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[4]?.textContent ?? ''));
    expect(percents[0]).toBe('75 %');
    await expect(deviations.locator('tbody tr').count()).resolves.toBeGreaterThan(5);
    await expect(deviations.getByText('Ingen analys för perioden ännu.').first().isVisible()).resolves.toBe(true);

    expect(await axeViolations(followUp.page)).toEqual([]);
    await screenshot(followUp.page, 'follow-up-2017-08');
    await volumes.screenshot({ path: join(screenshotDir, 'follow-up-forecast-table.png') });
    await followUp.chart().screenshot({ path: join(screenshotDir, 'follow-up-chart-plan.png') });
  });

  it('draws a measure month by month against plan, and shows the same figures as a table on request', async () => {
    const followUp = await new FollowUpPage(await harness.newPage(), harness.baseUrl, ifo, '2017-08').open();
    // The first measure has a plan of 65: the chart's words say so, and the line is labelled.
    const label = await followUp.chart().getAttribute('aria-label');
    expect(label).toContain('Antal brukare individstöd (sista dagen i månaden)');
    expect(label).toContain('Plan 2017: 65');
    expect(label).toContain('aug 2017 47');
    await expect(followUp.chart().locator('text', { hasText: 'Plan 2017: 65' }).count()).resolves.toBe(1);

    await followUp.page.getByLabel('Volymmått i diagrammet').selectOption({ label: 'Antal hushåll med försörjningsstöd' });
    const toggle = followUp.page.getByRole('button', { name: 'Visa som tabell' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    const table = followUp.table(/Antal hushåll med försörjningsstöd per månad 2017/);
    await expect(table.isVisible()).resolves.toBe(false);
    await toggle.focus();
    await followUp.page.keyboard.press('Enter');
    const hide = followUp.page.getByRole('button', { name: 'Dölj tabellen' });
    await expect(hide.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(table.isVisible()).resolves.toBe(true);
    const august = await table.locator('tr', { has: followUp.page.locator('th[scope="row"]', { hasText: 'aug 2017' }) }).locator('td').allInnerTexts();
    expect(august[0]).toBe('189');
    const months = await table.locator('tbody th[scope="row"]').allInnerTexts();
    expect(months).toEqual(['jan 2017', 'feb 2017', 'mar 2017', 'apr 2017', 'maj 2017', 'jun 2017', 'jul 2017', 'aug 2017']);
    // December (232) is after the follow-up month and is not shown.
    await expect(table.getByText('232').count()).resolves.toBe(0);

    expect(await axeViolations(followUp.page)).toEqual([]);
    await screenshot(followUp.page, 'follow-up-chart-table');
    await followUp.page.locator('.volume-chart').screenshot({ path: join(screenshotDir, 'follow-up-chart-detail.png') });
  });

  it('reads at 320 px without the page scrolling sideways', async () => {
    const followUp = await new FollowUpPage(await harness.newPage({ viewport: narrow }), harness.baseUrl, ifo, '2017-08').open();
    await expect(followUp.scrollsSideways()).resolves.toBe(false);
    expect(await axeViolations(followUp.page)).toEqual([]);
    await screenshot(followUp.page, 'follow-up-narrow');
  });
});

describe('compare page', () => {
  it('is linked from the main menu and shows both wordings of goal 1:2, indicators, volumes and budget rows', async () => {
    const start = await new StartPage(await harness.newPage(), harness.baseUrl).open();
    await start.mainNav().getByRole('link', { name: 'Jämför planer' }).click();
    await start.page.getByRole('heading', { level: 1, name: 'Jämför planer' }).waitFor();
    await start.page.getByLabel('Första planen (före)').selectOption(ifo);
    await start.page.getByLabel('Andra planen (efter)').selectOption(sn);
    await start.page.getByRole('button', { name: 'Jämför', exact: true }).click();
    const compare = new ComparePage(start.page, harness.baseUrl, ifo, sn);
    await compare.ready();
    expect(new URL(start.page.url()).search).toBe(`?a=${ifo}&b=${sn}`);
    await expect(compare.mainNav().getByRole('link', { name: 'Jämför planer' }).getAttribute('aria-current')).resolves.toBe('page');

    const goal = await compare.goalRows('kf-1:2').locator('th, td').allInnerTexts();
    expect(goal[0]).toMatch(/^Mål 1:2\s+Ändrad$/);
    expect(goal[1]).toBe('Våra brukare inom äldreomsorgen och andra behövande känner sig trygga med den omsorg vi ger dem');
    expect(goal[2]).toBe('Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem');

    const indicators = compare.table(/^Styrtal: ändrade målvärden/);
    await expect(indicators.locator('tr', { hasText: '1.2.1 Nöjd med hemtjänst' }).innerText()).resolves.toContain('Tillagd');
    const volumes = compare.table(/^Volymrader/);
    await expect(volumes.locator('tr', { hasText: 'Antal brukare individstöd' }).first().innerText()).resolves.toContain('radtext');
    await expect(compare.table(/^Budgetrader/).locator('tbody tr').count()).resolves.toBeGreaterThan(0);

    await expect(compare.heading().count()).resolves.toBe(1);
    expect(await axeViolations(compare.page)).toEqual([]);
    await screenshot(compare.page, 'compare-ifo-sn');
    await compare.page.locator('#compare-goals-table tbody tr').first().screenshot({ path: join(screenshotDir, 'compare-goal-1-2.png') });
  });

  it('reads at 320 px without the page scrolling sideways', async () => {
    const compare = await new ComparePage(await harness.newPage({ viewport: narrow }), harness.baseUrl, ifo, sn).open();
    await expect(compare.scrollsSideways()).resolves.toBe(false);
    expect(await axeViolations(compare.page)).toEqual([]);
    await screenshot(compare.page, 'compare-narrow');
  });
});
