/**
 * The insight views in Chromium against the real server with the demo plans: rolling the SN plan
 * over with its preview (as ledning), an indicator's history against its targets, the scorecard
 * filtered by organisation node, and edit buttons only where the account's organisation scope
 * allows. Axe on each view, and no sideways scrolling at 320 px. Volumes: insights-volumes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, screenshot, screenshotDir, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { InsightScorecardPage, overflowing, RolloverPage } from './insights-pages.ts';
import { PlanPage, StartPage } from './pages.ts';

const snKey = 'timra-sn-2020-2022';
const ifoKey = 'timra-ifo-2018-2020';
const ifoDraft = 'timra-ifo-2019-2021';

let harness: BrowserHarness;
const apiSession = (username: string) => sessions.apiSession(harness, username);
const loggedInPage = (username: string, viewport?: { width: number; height: number }) => sessions.loggedInPage(harness, username, viewport);

beforeAll(async () => {
  harness = await startBrowserHarness();
  // Outcomes for "Nöjd med hemtjänst" on the adopted SN plan (follow-up is allowed there).
  const admin = await apiSession('admin');
  const url = `${harness.baseUrl}/api/plans/${snKey}/indicators/st-1.2.1`;
  const read = await admin.request.get(url);
  const item = (await read.json()) as object;
  const actuals = [
    { period: '2018', text: '84 %' },
    { period: '2019', text: '86 %' },
    { period: '2020', text: '78 %' },
  ];
  const written = await admin.request.put(url, { data: { ...item, actuals }, headers: { 'x-csrf-token': admin.csrf, 'if-match': read.headers()['etag']! } });
  expect(written.status()).toBe(200);
  // A draft of the IFO plan, and an indicator in it written by the IFO redaktör (the server allows it).
  await sessions.rolledOverDraft(harness, { from: ifoKey, to: '2019-2021' });
  const redaktor = await apiSession('redaktor');
  const indicator = { key: 'ifo-nojdhet', number: '1:2.1', name: 'Nöjda brukare inom IFO', goal: 'ifo-1:2-1', unit: '%', targets: [{ year: 2019, text: '80%' }] };
  const created = await redaktor.request.post(`${harness.baseUrl}/api/plans/${ifoDraft}/indicators`, { data: indicator, headers: { 'x-csrf-token': redaktor.csrf } });
  expect(created.status()).toBe(201);
});
afterAll(async () => {
  await harness?.close();
});

describe('rollover with its preview', () => {
  it('refuses a bad period in Swedish, previews what carries over and what stays, creates the draft once and links to it', async () => {
    const page = await loggedInPage('ledning');
    const plan = await new PlanPage(page, harness.baseUrl, snKey).open();
    await plan.page.getByRole('link', { name: 'Överför till en ny planperiod' }).click();
    const rollover = new RolloverPage(page, harness.baseUrl, snKey);
    await rollover.ready();
    await expect(rollover.period().inputValue()).resolves.toBe('2021–2023');

    // A period that ends before it starts: the server's Swedish message, no preview, nothing created.
    await rollover.previewFor('2023–2021');
    await rollover.message('error').waitFor();
    await expect(rollover.message('error').innerText()).resolves.toContain('Ange den nya perioden som ÅÅÅÅ-ÅÅÅÅ');
    await expect.poll(() => rollover.focusedMessage()).toContain('Ange den nya perioden som ÅÅÅÅ-ÅÅÅÅ');
    await expect(rollover.preview().count()).resolves.toBe(0);
    await expect(rollover.createButton().count()).resolves.toBe(0);
    expect(await axeViolations(page), 'rollover with an error').toEqual([]);

    await rollover.previewFor('2021–2023');
    await rollover.message('done').waitFor();
    const preview = rollover.preview();
    await expect(preview.getByRole('heading', { level: 2 }).innerText()).resolves.toBe('Det här följer med till 2021–2023');
    await expect(preview.getByRole('heading', { name: 'Mål (17)' }).count()).resolves.toBe(1);
    // Indicators with their targets, running activities, budget rows with the new period's columns.
    await expect(preview.getByRole('table', { name: 'Styrtal och deras målvärden per år' }).getByRole('row', { name: /Nöjd med hemtjänst/ }).innerText()).resolves.toContain('2018: 90%; 2020: 80%');
    await expect(preview.getByRole('heading', { name: 'Pågående aktiviteter (8)' }).count()).resolves.toBe(1);
    await expect(preview.locator('[data-budget-table="sn-driftbudget"] .rollover-columns li').allInnerTexts()).resolves.toEqual(['Budget 2021', 'Plan 2022', 'Plan 2023']);
    // What stays: the outcomes of "Nöjd med hemtjänst".
    await expect(preview.getByRole('heading', { name: 'Lämnas kvar (1)' }).count()).resolves.toBe(1);
    await expect(preview.getByRole('row', { name: /Nöjd med hemtjänst/ }).last().innerText()).resolves.toContain('3 utfall hör till tidigare perioder');
    const counts = await preview.getByRole('table', { name: 'Antal delar som kopieras' }).locator('tbody tr').allInnerTexts();
    expect(counts.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(expect.arrayContaining(['Mål 17', 'Styrtal 19', 'Målvärden 38']));
    expect(await axeViolations(page), 'rollover preview').toEqual([]);
    await screenshot(page, 'rollover-preview');
    await screenshotOf(page.locator('main'), 'rollover-preview-main');

    // Nothing exists until "Skapa ny plan".
    const api = await apiSession('ledning');
    await expect(api.request.get(`${harness.baseUrl}/api/plans/timra-sn-2021-2023`).then((r) => r.status())).resolves.toBe(404);
    await rollover.createButton().click();
    await rollover.message('done').filter({ hasText: 'är skapad' }).waitFor();
    const created = (await (await api.request.get(`${harness.baseUrl}/api/plans/timra-sn-2021-2023`)).json()) as { plan: { status: string; periodStart: number } };
    expect(created.plan).toMatchObject({ status: 'draft', periodStart: 2021 });

    // A second preview of the same period says the key is taken and offers no creation.
    await rollover.previewFor('2021–2023');
    await rollover.message('error').filter({ hasText: 'Det finns redan en plan med nyckeln timra-sn-2021-2023' }).waitFor();
    await expect(rollover.createButton().count()).resolves.toBe(0);

    // The new draft is on the start page for a logged-in user, and its plan page opens.
    const start = await new StartPage(page, harness.baseUrl).open();
    await expect(start.page.getByRole('link', { name: /2021-2023/ }).count()).resolves.toBeGreaterThan(0);
    const draft = await new PlanPage(page, harness.baseUrl, 'timra-sn-2021-2023').open();
    await expect(draft.heading().innerText()).resolves.toContain('2021-2023');
  });

  it('fits 320 px and tells a reader without the right to roll over why there is no form', async () => {
    const page = await loggedInPage('ledning', narrow);
    const rollover = await new RolloverPage(page, harness.baseUrl, ifoKey).open();
    await rollover.previewFor('2020–2022');
    await rollover.message('done').waitFor();
    expect(await overflowing(page), 'rollover 320').toEqual([]);
    await expect(rollover.scrollsSideways(), 'rollover 320').resolves.toBe(false);
    expect(await axeViolations(page), 'rollover 320').toEqual([]);
    await screenshot(page, 'rollover-preview-320');

    const reader = await new RolloverPage(await loggedInPage('lasare'), harness.baseUrl, snKey).open();
    await reader.page.locator('.account__who').waitFor();
    await expect(reader.page.getByText('Ditt konto får inte skapa planer').count()).resolves.toBe(1);
    await expect(reader.period().count()).resolves.toBe(0);
  });
});

describe('the scorecard: history, filter and edit buttons', () => {
  // "Nöjd med hemtjänst" states no direction and its targets ("90%") do not either: since issue 12
  // its status is "Riktning saknas", in words and with its own icon, never a guessed red or green.
  it('unfolds an indicator\'s history against its targets with status per year in words, and its table', async () => {
    const card = await new InsightScorecardPage(await harness.newPage(), harness.baseUrl, snKey, '?period=2020').open();
    const figure = await card.openHistory('st-1.2.1');
    const chart = figure.getByRole('img');
    const label = (await chart.getAttribute('aria-label'))!;
    expect(label).toContain('2018: utfall 84 %, målvärde 90%, Riktning saknas.');
    expect(label).toContain('2019: utfall 86 %, målvärde saknas, Ej mätt.');
    expect(label).toContain('2020: utfall 78 %, målvärde 80%, Riktning saknas.');
    // Numeric targets are drawn as markers, with "Mål …" under the year.
    await expect(figure.locator('.history-chart__target').count()).resolves.toBe(3); // two years + the legend
    await expect(figure.locator('.history-chart__statuses li').allInnerTexts().then((texts) => texts.map((text) => text.replace(/\s+/g, ' ')))).resolves.toEqual(['2018: Riktning saknas', '2019: Ej mätt', '2020: Riktning saknas']);
    const table = figure.getByRole('table');
    await expect(table.isVisible()).resolves.toBe(false);
    await figure.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect(table.locator('tbody tr').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^2018\s+90%\s+84 % \(2018\)\s+Riktning saknas/),
      expect.stringMatching(/^2019\s+saknas\s+86 % \(2019\)\s+Ej mätt/),
      expect.stringMatching(/^2020\s+80%\s+78 % \(2020\)\s+Riktning saknas/),
    ]);
    expect(await axeViolations(card.page), 'indicator history').toEqual([]);
    await screenshot(card.page, 'indicator-history');
    await screenshotOf(figure, 'indicator-history-figure');
    // A target in words only (">föregående år") is listed, with nothing to draw.
    const words = await card.openHistory('st-3.2.2');
    await expect(words.getByRole('img').count()).resolves.toBe(0);
    await expect(words.innerText()).resolves.toContain('>föregående år');
  });

  it('filters by organisation node in the address (?enhet=), shows the count and "Alla" brings everything back', async () => {
    const card = await new InsightScorecardPage(await harness.newPage(), harness.baseUrl, snKey, '?period=2020&enhet=sn').open();
    await expect(card.indicatorRows().count()).resolves.toBe(2);
    await expect(card.page.locator('.filter-count').innerText()).resolves.toBe('Visar 2 av 19 styrtal för Socialnämnden med underliggande enheter.');
    await expect(card.filter().inputValue()).resolves.toBe('sn');
    const options = await card.filter().locator('option').allInnerTexts();
    expect(options[0]).toBe('Alla');
    expect(options.some((text) => /^\s+Individ- och familjeomsorg/.test(text.replace(/\u00a0/g, ' ')))).toBe(true);
    expect(await axeViolations(card.page), 'scorecard filter').toEqual([]);
    await screenshot(card.page, 'scorecard-filter');
    await screenshotOf(card.page.locator('main'), 'scorecard-filter-main');

    await card.filter().selectOption('');
    await card.page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await card.page.waitForURL((url) => !url.search.includes('enhet'));
    await expect(card.indicatorRows().count()).resolves.toBe(19);
    expect(new URL(card.page.url()).searchParams.get('period')).toBe('2020');

    await card.filter().selectOption('ifo');
    await card.page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await card.page.waitForURL(/enhet=ifo/);
    await expect(card.indicatorRows().count()).resolves.toBe(0);
    await expect(card.page.getByText('Inga mål eller styrtal hör till den valda delen av organisationen.').count()).resolves.toBe(1);
  });

  it('shows "Ändra" to the IFO redaktör on the IFO plan, not on the SN plan (the server would refuse)', async () => {
    const page = await loggedInPage('redaktor');
    const sn = await new InsightScorecardPage(page, harness.baseUrl, snKey).open();
    await page.locator('.account__who').waitFor(); // the session is read: buttons would be there by now
    await expect(sn.indicatorRows().count()).resolves.toBe(19);
    await expect(sn.editButtons().count()).resolves.toBe(0);
    const snPlan = await new PlanPage(page, harness.baseUrl, snKey).open();
    await page.locator('.account__who').waitFor();
    await expect(snPlan.page.getByRole('navigation', { name: 'Redigera planen' }).count()).resolves.toBe(0);
    await expect(snPlan.page.getByRole('link', { name: /^Ändra volymtabellen/ }).count()).resolves.toBe(0);

    const ifo = await new InsightScorecardPage(page, harness.baseUrl, ifoDraft).open();
    await ifo.editButtons().first().waitFor();
    await expect(ifo.editButtons().count()).resolves.toBe(1);
    const ifoPlan = await new PlanPage(page, harness.baseUrl, ifoDraft).open();
    await ifoPlan.page.getByRole('navigation', { name: 'Redigera planen' }).waitFor();
    await expect(ifoPlan.page.getByRole('navigation', { name: 'Redigera planen' }).getByRole('link', { name: 'Mål' }).count()).resolves.toBe(1);
    await expect(ifoPlan.page.getByRole('link', { name: /^Ändra volymtabellen/ }).count()).resolves.toBe(1);
  });

  it('the scorecard with a history open fits 320 px', async () => {
    const page = await harness.newPage({ viewport: narrow });
    const card = await new InsightScorecardPage(page, harness.baseUrl, snKey, '?period=2020').open();
    await card.openHistory('st-1.2.1');
    expect(await overflowing(page), 'scorecard with history 320').toEqual([]);
    await expect(card.scrollsSideways(), 'scorecard with history 320').resolves.toBe(false);
    expect(await axeViolations(page), 'scorecard with history 320').toEqual([]);
    await screenshot(page, 'indicator-history-320');
    await page.locator('#history-st-1\\.2\\.1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotDir}/indicator-history-320-view.png` });
    // The history is no wider than the window, even inside a table that scrolls sideways.
    const box = await page.locator('#history-st-1\\.2\\.1').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(320);
  });
});
