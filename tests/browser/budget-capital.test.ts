/**
 * The investment budget and the budget chart elsewhere, in Chromium against the real server: on a
 * draft rolled over from SN a row is added with figures and the totals are checked while typing, a
 * row is removed after a confirmation, and a row added after another session's change shows both
 * versions; on the adopted SN plan only the actual column takes figures, and the server takes what
 * the grid offers; the follow-up page shows a table's budget and forecast as a chart with its
 * table; at 320 px neither editor scrolls the page sideways. Every state passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from './budget-api.ts';
import { draftKey, ifoKey } from './budget-api.ts';
import { BudgetEditorPage, CapitalBudgetEditorPage } from './budget-pages.ts';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';

let harness: BrowserHarness;
const { loggedInPage, patchFromElsewhere, savedCells } = api.boundTo(() => harness);

beforeAll(async () => {
  harness = await startBrowserHarness();
  await api.rollOverDraft(harness);
});
afterAll(async () => {
  await harness?.close();
});

describe('the investment budget', () => {
  it('adds a row with figures, checks the totals while typing, removes a row and passes axe', async () => {
    const editor = await new CapitalBudgetEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, 'sn-investeringar').open();
    const { page } = editor;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Investeringsbudget: SN');
    await editor.addRow({ object: '65600', text: 'Nya trygghetslarm', amounts: { 'Budget 2021': '1 500', 'Plan 2022': '2 000', 'Total investering': '3 500' } });
    await expect(page.getByText('Raden Nya trygghetslarm är tillagd.').count()).resolves.toBe(1);
    const row = (await api.savedItem(harness, 'capital-budgets', 'sn-investeringar')).rows.at(-1)!;
    expect(row).toMatchObject({ text: 'Nya trygghetslarm', object: '65600', cells: { 'budget-2021': '1 500', 'plan-2022': '2 000', total: '3 500' } });

    // Computed sums beside the printed total row; a printed column total that disagrees is marked.
    await expect(editor.computedSums().allInnerTexts()).resolves.toEqual(['1 500', '2 000', '–', '3 500', '', '']);
    await editor.fill('Summa investeringar', 'Budget 2021', '1 000');
    await expect(editor.marks('_total', 'budget-2021').innerText()).resolves.toMatch(/^⚠\s*Avvikelse 500 tkr/);
    await expect(editor.findings('gap').innerText()).resolves.toContain('raderna för Budget 2021 summerar till 1 500 tkr men Summa investeringar är 1 000 tkr');
    await editor.fill('Summa investeringar', 'Budget 2021', '1 500');
    await expect(editor.marks('_total', 'budget-2021').count()).resolves.toBe(0);
    await expect(editor.save()).resolves.toBe('done');
    expect(await savedCells('capital-budgets', 'sn-investeringar', '_total')).toEqual({ 'budget-2021': '1 500' });
    // The change history names the changed total cell and the added row's cells.
    await page.locator('summary', { hasText: 'Ändringshistorik' }).click();
    const changes = page.getByRole('table', { name: 'Ändringar, senaste först' }).locator('tbody tr');
    await expect(changes.first().innerText()).resolves.toMatch(/ekonom\s+Ändrat celler: Summa investeringar, Budget 2021: [^;→]+ → 1 500/);
    await expect(changes.nth(1).innerText()).resolves.toMatch(/Nya trygghetslarm, Budget 2021: \(tomt\) → 1 500\s+Nya trygghetslarm, Plan 2022: \(tomt\) → 2 000/);
    expect(await axeViolations(page), 'investment budget').toEqual([]);
    await screenshot(page, 'capital-budget');

    // Cancelling a removal leaves the row and returns to its button.
    await page.getByRole('button', { name: 'Ta bort raden Arbetsmiljöätgärder' }).click();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Ta bort raden Arbetsmiljöätgärder' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Ta bort raden Sängar' }).click();
    await expect.poll(() => page.getByText('Ta bort Sängar för gott?').evaluate((p) => p === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Ja, ta bort raden' }).click();
    await page.getByText('Raden Sängar är borttagen.').waitFor();
    await expect(page.getByRole('rowheader', { name: 'Sängar', exact: true }).count()).resolves.toBe(0);

    // A row added after another session changed a cell: both versions, then mine laid over theirs.
    await patchFromElsewhere('capital-budgets', 'sn-investeringar', [{ row: 'inv-1', column: 'budget-2021', text: '800' }]);
    await page.getByLabel('Text', { exact: true }).fill('Rullatorer');
    await page.getByLabel('Belopp Budget 2021', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Lägg till raden', exact: true }).click();
    await editor.conflict().waitFor();
    await expect(editor.conflictRows()).resolves.toEqual([
      ['Rullatorer', 'Rullatorer', '(raden finns inte)'],
      ['Rullatorer – Budget 2021', '200', '(tom)'],
    ]);
    expect(await axeViolations(page), 'investment budget with a conflict').toEqual([]);
    await screenshot(page, 'capital-budget-conflict');
    await page.getByRole('button', { name: 'Behåll mina ändringar' }).click();
    await page.getByText('Dina ändringar är sparade ovanpå den nya versionen.').waitFor();
    const saved = await api.savedItem(harness, 'capital-budgets', 'sn-investeringar');
    expect(saved.rows.map((r) => [r.text, r.cells['budget-2021'] ?? ''])).toEqual([
      ['Arbetsmiljöätgärder', '800'],
      ['Larm/Välfärdsteknik / IT', ''],
      ['Inventarier, möbler och boenden', ''],
      ['Nya trygghetslarm', '1 500'],
      ['Rullatorer', '200'],
    ]);
    await expect(editor.computedSums().first().innerText()).resolves.toBe('2 500');
  });
});

describe("an adopted plan's investment budget", () => {
  it('takes its actual and forecast columns — the fields the grid offers are the cells the server takes — and nothing else', async () => {
    // The adopted SN plan gets an actual column for 2020: follow-up, so the server takes it (decision 0004).
    const adoptedKey = 'timra-sn-2020-2022';
    const path = `${harness.baseUrl}/api/plans/${adoptedKey}/capital-budgets/sn-investeringar`;
    const admin = await sessions.apiSession(harness, 'admin');
    const read = await admin.request.get(path);
    const budget = (await read.json()) as { columns: unknown[] };
    const actual = { key: 'utfall-2020', label: 'Utfall 2020', kind: 'actual', period: '2020' };
    const added = await admin.request.put(path, { data: { ...budget, columns: [...budget.columns, actual] }, headers: { 'x-csrf-token': admin.csrf, 'if-match': read.headers()['etag']! } });
    expect(added.status()).toBe(200);

    const editor = await new CapitalBudgetEditorPage(await loggedInPage('ekonom'), harness.baseUrl, adoptedKey, 'sn-investeringar').open();
    const { page } = editor;
    await expect(page.getByText('Planen är fastställd: bara kolumner med utfall och prognos kan ändras.').count()).resolves.toBe(1);
    // Fields in the actual column only: the four rows and the printed total.
    await expect(editor.inputs().count()).resolves.toBe(5);
    await expect(editor.field('Arbetsmiljöätgärder', 'Budget 2020').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Lägg till raden', exact: true }).count()).resolves.toBe(0);
    await editor.fill('Arbetsmiljöätgärder', 'Utfall 2020', '480');
    await editor.fill('Summa investeringar', 'Utfall 2020', '480');
    // Before the two sides shared one rule, the server refused this save with 409.
    await expect(editor.save()).resolves.toBe('done');
    const saved = (await (await admin.request.get(path)).json()) as api.SavedItem;
    expect([saved.rows[0]!.cells['utfall-2020'], saved.total!.cells['utfall-2020']]).toEqual(['480', '480']);
    expect(await axeViolations(page), 'investment budget of an adopted plan').toEqual([]);
  });
});

describe('the follow-up page', () => {
  it("shows a budget table's budget and latest forecast as a chart with its table, folded away at first", async () => {
    const page = await harness.newPage();
    await page.goto(`${harness.baseUrl}/planer/${ifoKey}/uppfoljning?period=2017-08`);
    const summary = page.locator('.budget-forecast-chart summary');
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toBe('Budget och prognos 2017 i diagram');
    await summary.click();
    await page.getByLabel('Budgettabell i diagrammet').selectOption({ label: 'IFO, Vuxna' });
    const chart = page.locator('.budget-forecast-chart .budget-chart');
    const label = await chart.getByRole('img').getAttribute('aria-label');
    expect(label).toContain('IFO, Vuxna nettokostnader: Budget 2017 -34 201, Prognos 2017 aug -31 501');
    await chart.getByRole('button', { name: 'Visa som tabell' }).click();
    await expect(chart.locator('table tbody tr').nth(1).innerText()).resolves.toMatch(/-34 401\s+-32 351/);
    await screenshotOf(chart, 'budget-follow-up-chart');
  });
});

describe('at 320 px', () => {
  it('does not scroll the page sideways on either editor', async () => {
    const page = await loggedInPage('ekonom', narrow);
    const budget = await new BudgetEditorPage(page, harness.baseUrl, ifoKey, 'rr-ifo').open();
    expect(await budget.scrollsSideways()).toBe(false);
    expect(await axeViolations(page), 'budget at 320 px').toEqual([]);
    await screenshot(page, 'budget-320');
    await screenshotOf(page.locator('.page--budget .scroll-region').first(), 'budget-320-grid');
    await screenshotOf(page.locator('.page--budget .budget-chart'), 'budget-320-chart');
    const capital = await new CapitalBudgetEditorPage(page, harness.baseUrl, draftKey, 'sn-investeringar').open();
    expect(await capital.scrollsSideways()).toBe(false);
    await screenshot(page, 'capital-budget-320');
  });
});
