/**
 * The budget of a node in Chromium against the real server. On the adopted IFO plan the ekonom
 * sees the 202 tkr roll-up gap on its cell and in the list, with only actual and forecast columns
 * as fields, and a reader sees the same without fields; on a draft rolled over from SN (via the API)
 * income and costs typed give a computed net, a disagreeing net shows a finding while typing, a
 * block pasted from Excel is saved and is there after a reload, a refused value is explained by its
 * cell, and a save that crossed another session's shows both versions and the choice. Every state
 * passes axe. (The investment budget, the follow-up chart and 320 px: budget-capital.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from './budget-api.ts';
import { draftKey, ifoKey } from './budget-api.ts';
import { BudgetEditorPage } from './budget-pages.ts';
import { axeViolations, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';

let harness: BrowserHarness;
const { loggedInPage, patchFromElsewhere, savedCells } = api.boundTo(() => harness);

beforeAll(async () => {
  harness = await startBrowserHarness();
  await api.rollOverDraft(harness);
});
afterAll(async () => {
  await harness?.close();
});

describe('the budget of a node (resultaträkning)', () => {
  it('shows the IFO gap of 202 tkr on its cell and in the list, with only actual and forecast columns editable on the adopted plan, and the chart with its table', async () => {
    const editor = await new BudgetEditorPage(await loggedInPage('ekonom'), harness.baseUrl, ifoKey, 'rr-ifo').open();
    const { page } = editor;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Budget: IFO');
    await expect(editor.marks('net', 'budget-2018').innerText()).resolves.toMatch(/^⚠\s*Avvikelse 202 tkr/);
    // The cell's mark is text and tells the whole finding to a screen reader.
    await expect(editor.marks('net', 'budget-2018').textContent()).resolves.toContain('delarna');
    const gap = editor.findings('gap').filter({ hasText: 'Budget 2018 är -71 178 tkr men totalen är -70 976 tkr' });
    await expect(gap.count()).resolves.toBe(1);
    await expect(gap.innerText()).resolves.toMatch(/^⚠\s*Avvikelse: IFO: summan av /);
    await expect(editor.findings('rounding').count()).resolves.toBe(1);
    await expect(editor.findings('info').count()).resolves.toBe(2); // Plan 2019 and Plan 2020: a net without parts
    // The sum of the parts beside the printed total.
    await expect(page.locator('tr[data-parts="net"]').innerText()).resolves.toContain('-71 178');

    // Only actual (Redovisat 2016) and forecast (Prognos 2017) columns are fields on an adopted plan.
    await expect(editor.inputs().count()).resolves.toBe(6);
    await expect(editor.field('Individ o familjeomsorgens nettokostnader', 'Budget 2018').count()).resolves.toBe(0);
    await expect(editor.field('Individ o familjeomsorgens nettokostnader', 'Prognos 2017').inputValue()).resolves.toBe('-66 850');
    await expect(page.getByText('Planen är fastställd: bara kolumner med utfall och prognos kan ändras.').count()).resolves.toBe(1);
    // The other budget tables of the plan, by node and caption.
    await expect(editor.tableLinks().allInnerTexts()).resolves.toContain('IFO, Vuxna: Resultaträkning, tkr');
    expect(await axeViolations(page), 'budget on the adopted IFO plan').toEqual([]);
    await screenshot(page, 'budget-ifo');

    // The chart: 2017 has budget and forecast; the picture is described in words, the table on demand.
    const label = await editor.chartImage().getAttribute('aria-label');
    expect(label).toContain('budget, utfall och prognos 2017 för IFO, tkr');
    expect(label).toContain('Individ o familjeomsorgens nettokostnader: Budget 2017 -69 921, Prognos 2017 -66 850');
    await expect(editor.chart().innerText()).resolves.toContain('Diagrammet visar Budget 2017 och Prognos 2017. Utfall saknas för 2017.');
    await expect(editor.chartTable().isVisible()).resolves.toBe(false);
    await editor.chart().getByRole('button', { name: 'Visa som tabell' }).click();
    await expect(editor.chartTable().isVisible()).resolves.toBe(true);
    await expect(editor.chartTable().locator('tbody tr').nth(2).innerText()).resolves.toMatch(/-69 921\s+-66 850/);
    expect(await axeViolations(page), 'budget chart with its table').toEqual([]);
    await screenshotOf(editor.chart(), 'budget-chart');
  });

  it('shows a reader the same figures and findings without fields', async () => {
    const editor = await new BudgetEditorPage(await loggedInPage('lasare'), harness.baseUrl, ifoKey, 'rr-ifo').open();
    await expect(editor.inputs().count()).resolves.toBe(0);
    await expect(editor.page.getByText('Du kan läsa budgeten men inte ändra den.').count()).resolves.toBe(1);
    await expect(editor.marks('net', 'budget-2018').innerText()).resolves.toMatch(/Avvikelse 202 tkr/);
    await expect(editor.page.getByRole('button', { name: 'Spara' }).count()).resolves.toBe(0);
  });

  it('on a draft: computes the net while typing, marks a disagreeing net, saves a pasted block, and shows it after a reload', async () => {
    const editor = await new BudgetEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, 'sn-driftbudget').open();
    const { page } = editor;
    const income = 'Verksamhetens intäkter';
    const costs = 'Verksamhetens kostnader';
    const net = 'Verksamhets nettokostnader';
    await editor.fill(income, 'Budget 2021', '80 000');
    await editor.fill(costs, 'Budget 2021', '-530 000');
    await expect(editor.derivedNet('budget-2021').innerText()).resolves.toBe('beräknat: -450 000');
    await expect(editor.findings('gap').count()).resolves.toBe(0);

    await editor.fill(net, 'Budget 2021', '-449 000');
    await expect(editor.derivedNet('budget-2021').innerText()).resolves.toBe('intäkter + kostnader: -450 000');
    await expect(editor.marks('net', 'budget-2021').innerText()).resolves.toMatch(/^⚠\s*Avvikelse 1 000 tkr/);
    const described = await editor.field(net, 'Budget 2021').getAttribute('aria-describedby');
    expect(described?.split(' ')).toHaveLength(2); // the mark and the computed net
    await expect(editor.findings('gap').innerText()).resolves.toContain('nettokostnaderna för Budget 2021 är -449 000 tkr men intäkter 80 000 tkr och kostnader -530 000 tkr ger -450 000 tkr');
    await editor.fill(net, 'Budget 2021', '-450 000');
    await expect(editor.findings('gap').count()).resolves.toBe(0);
    await expect(editor.marks('net', 'budget-2021').count()).resolves.toBe(0);

    // Two years of three lines pasted from Excel into Plan 2022 of the income row.
    await editor.paste(income, 'Plan 2022', '81 000\t82 000\r\n-531 000\t-532 000\r\n-450 000\t-440 000\r\n');
    await expect(editor.field(costs, 'Plan 2023').inputValue()).resolves.toBe('-532 000');
    await expect(editor.marks('net', 'plan-2023').innerText()).resolves.toMatch(/Avvikelse 10 000 tkr/);
    await expect(page.getByText('9 celler är ändrade och inte sparade.').count()).resolves.toBe(1);
    expect(await axeViolations(page), 'budget draft with changes and a finding').toEqual([]);
    await screenshot(page, 'budget-draft');

    await expect(editor.save()).resolves.toBe('done');
    await expect(editor.message().innerText()).resolves.toBe('9 celler är sparade.');
    // The change history says which cells changed, in words.
    await page.locator('summary', { hasText: 'Ändringshistorik' }).click();
    const history = page.getByRole('table', { name: 'Ändringar, senaste först' });
    const newest = await history.locator('tbody tr').first().innerText();
    expect(newest).toMatch(/ekonom\s+Ändrat celler:/);
    expect(newest).toMatch(/\nVerksamhetens intäkter, Plan 2022: [^\n→]+ → 81 000\n/);
    expect(newest).toMatch(/Verksamhets nettokostnader, Plan 2023: [^;→]+ → -440 000/);
    expect(await axeViolations(page), 'budget with its change history').toEqual([]);
    await screenshotOf(page.locator('.history'), 'budget-history');
    await page.reload();
    await editor.ready();
    await expect(editor.field(income, 'Plan 2022').inputValue()).resolves.toBe('81 000');
    await expect(editor.field(net, 'Plan 2023').inputValue()).resolves.toBe('-440 000');
    await expect(editor.marks('net', 'plan-2023').innerText()).resolves.toMatch(/Avvikelse 10 000 tkr/);
    expect(await savedCells('budget-tables', 'sn-driftbudget', 'net')).toEqual({ 'budget-2021': '-450 000', 'plan-2022': '-450 000', 'plan-2023': '-440 000' });

    // A cell the server refuses: the problem is listed by its cell, and nothing is saved.
    await editor.fill(income, 'Plan 2023', '9'.repeat(201));
    await expect(editor.save()).resolves.toBe('error');
    await expect(editor.message().innerText()).resolves.toMatch(/^Cellerna har fel; ingenting har sparats:/);
    await expect(editor.message().locator('li').first().innerText()).resolves.toMatch(/^Verksamhetens intäkter – Plan 2023: /);
    // … and beside the cell itself, tied to its field.
    const problem = editor.cell('income', 'plan-2023').locator('[data-problem]');
    await expect(problem.innerText()).resolves.not.toBe('');
    await expect(editor.field(income, 'Plan 2023').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(editor.field(income, 'Plan 2023').getAttribute('aria-describedby')).resolves.toContain(await problem.getAttribute('id'));
    expect(await savedCells('budget-tables', 'sn-driftbudget', 'income')).toMatchObject({ 'plan-2023': '82 000' });
    expect(await axeViolations(page), 'budget with a refused save').toEqual([]);
  });

  it('shows both versions cell by cell when another session saved in between, and keeps mine or takes theirs', async () => {
    const editor = await new BudgetEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, 'sn-driftbudget').open();
    const net = 'Verksamhets nettokostnader';
    await patchFromElsewhere('budget-tables', 'sn-driftbudget', [{ row: 'net', column: 'plan-2023', text: '-441 000' }]);
    await editor.fill(net, 'Plan 2023', '-450 000');
    await expect(editor.save()).resolves.toBe('conflict');
    await expect(editor.conflictRows()).resolves.toEqual([[`${net} – Plan 2023`, '-450 000', '-441 000']]);
    await expect.poll(() => editor.page.getByRole('heading', { name: 'Någon annan har sparat tabellen medan du ändrade' }).evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await savedCells('budget-tables', 'sn-driftbudget', 'net')).toMatchObject({ 'plan-2023': '-441 000' }); // nothing overwritten
    expect(await axeViolations(editor.page), 'budget conflict').toEqual([]);
    await screenshot(editor.page, 'budget-conflict');
    await editor.page.getByRole('button', { name: 'Behåll mina ändringar' }).click();
    await editor.page.getByText('Dina ändringar är sparade ovanpå den nya versionen.').waitFor();
    expect(await savedCells('budget-tables', 'sn-driftbudget', 'net')).toMatchObject({ 'plan-2023': '-450 000' });

    // Once more, and this time the saved version wins.
    await patchFromElsewhere('budget-tables', 'sn-driftbudget', [{ row: 'income', column: 'plan-2023', text: '90 000' }]);
    await editor.fill(net, 'Plan 2023', '-460 000');
    await expect(editor.save()).resolves.toBe('conflict');
    // Only my cell is in conflict: their new income stays whichever I choose.
    await expect(editor.conflictRows()).resolves.toEqual([[`${net} – Plan 2023`, '-460 000', '-450 000']]);
    await editor.page.getByRole('button', { name: 'Använd den sparade versionen' }).click();
    await editor.page.getByText('Tabellen visar nu den sparade versionen.').waitFor();
    await expect(editor.field(net, 'Plan 2023').inputValue()).resolves.toBe('-450 000');
    await expect(editor.field('Verksamhetens intäkter', 'Plan 2023').inputValue()).resolves.toBe('90 000');
  });
});
