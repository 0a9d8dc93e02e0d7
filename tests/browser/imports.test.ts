/**
 * "Importera utfall" in Chromium against the real server with the demo (whose 2017 ledger and
 * volumes `styrkort serve` imported into the IFO plan): a redaktör previews a file of volume
 * actuals with the upload's progress bar, imports it by keyboard, sees it in the history with its
 * provenance line and undoes it; an ekonom previews a ledger with its table per unit and month and
 * the codes without a mapping with their sums; a bad file is refused with its report (row,
 * column, value, reason) and nothing saved. Axe on each view, English texts, 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { ImportsPage, PlanPage } from './pages.ts';

const ifoKey = 'timra-ifo-2018-2020';
let harness: BrowserHarness;

beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function importsPage(username: string, viewport?: { width: number; height: number }): Promise<ImportsPage> {
  const page = await sessions.loggedInPage(harness, username, viewport);
  return new ImportsPage(page, harness.baseUrl, ifoKey).open();
}

describe('Importera utfall', () => {
  it('lists the demo’s imports with their source, previews a volume file with progress, imports it by keyboard and undoes it', async () => {
    const page = await sessions.loggedInPage(harness, 'redaktor');
    const plan = await new PlanPage(page, harness.baseUrl, ifoKey).open();
    await plan.page.getByRole('link', { name: 'Importera utfall' }).click();
    const imports = new ImportsPage(page, harness.baseUrl, ifoKey);
    await imports.ready();
    await expect(imports.heading().innerText()).resolves.toMatch(/^Importera utfall: /);
    // The demo's own imports, newest first, each with the line its cells show.
    await expect(imports.historyRow('timra-ifo-2017-volymer.csv').locator('td').nth(1).innerText()).resolves.toMatch(/^Källa: verksamhetssystemet, import \d{4}-\d\d-\d\d av redaktor$/);
    await expect(imports.historyRow('timra-ifo-2017-huvudbok.se').locator('td').nth(1).innerText()).resolves.toMatch(/^Källa: ekonomisystemet, import \d{4}-\d\d-\d\d av ekonom$/);
    // A redaktör may not undo the economy's import.
    await expect(imports.historyRow('timra-ifo-2017-huvudbok.se').getByRole('button').count()).resolves.toBe(0);

    await imports.chooseFile('aug.csv', 'mått;period;värde\nindividstod-brukare;2017-08;44\n');
    await imports.button('Förhandsgranska').click();
    await imports.message('done').waitFor();
    await expect(imports.message('done').innerText()).resolves.toContain('Förhandsgranskningen av aug.csv är klar');
    // The outcome takes focus, so a screen reader reads it and Tab goes on from it.
    await expect.poll(() => imports.focusedMessage()).toContain('Förhandsgranskningen av aug.csv är klar');
    const changed = imports.table('Ändrade celler per tabell och styrtal');
    // A file from the same source for August replaces that month: the measures it leaves out are emptied.
    const counts = await changed.locator('tr[data-item="ifo-matt-2017"] td').allInnerTexts();
    expect(counts.slice(0, 3)).toEqual(['1', '0', '11']);
    expect(counts[3]).toContain('daglig-sysselsattning-sol, aug 2017: 22 → –');
    // The upload showed its progress bar; it is gone once the answer is there.
    await expect(imports.page.locator('progress').count()).resolves.toBe(0);
    expect(await axeViolations(page), 'preview').toEqual([]);

    // By keyboard: the confirmation is a button reached with Tab and pressed with Enter.
    await imports.button('Importera').focus();
    await page.keyboard.press('Enter');
    await imports.message('done').filter({ hasText: 'är importerad' }).waitFor();
    const row = imports.historyRow('aug.csv');
    await row.waitFor();
    await expect(row.locator('td').nth(1).innerText()).resolves.toMatch(/^Källa: verksamhetssystemet, import \d{4}-\d\d-\d\d av redaktor$/);
    const cell = await page.request.get(`${harness.baseUrl}/api/plans/${ifoKey}/volume-tables/ifo-matt-2017`);
    expect(((await cell.json()) as { rows: Array<{ key: string; cells: Record<string, string> }> }).rows.find((r) => r.key === 'individstod-brukare')!.cells['utfall-2017-08']).toBe('44');
    expect(await axeViolations(page), 'history').toEqual([]);

    await row.getByRole('button', { name: /Ångra import \d+, aug\.csv/ }).focus();
    await page.keyboard.press('Enter');
    await imports.message('done', 'history').waitFor();
    await expect(imports.message('done', 'history').innerText()).resolves.toMatch(/^Import \d+ är ångrad/);
    await expect.poll(() => imports.focusedMessage()).toMatch(/^Import \d+ är ångrad/);
    await expect(imports.historyRow('aug.csv').locator('td').nth(2).innerText()).resolves.toMatch(/^Ångrad \d{4}-\d\d-\d\d av redaktor$/);
    const after = await page.request.get(`${harness.baseUrl}/api/plans/${ifoKey}/volume-tables/ifo-matt-2017`);
    expect(((await after.json()) as { rows: Array<{ key: string; cells: Record<string, string> }> }).rows.find((r) => r.key === 'individstod-brukare')!.cells['utfall-2017-08']).toBe('47');
  });

  it('shows on an imported cell where it came from: "Källa: …, import ÅÅÅÅ-MM-DD av …"', async () => {
    const page = await sessions.loggedInPage(harness, 'ekonom');
    await page.goto(`${harness.baseUrl}/planer/${ifoKey}/budget/rr-ifo-vuxna`);
    const cell = page.locator('tr[data-row="costs"] td[data-column="utfall-2017-03"]');
    await cell.and(page.locator('[data-source]')).waitFor();
    await expect(cell.getAttribute('data-source')).resolves.toMatch(/^Källa: ekonomisystemet, import \d{4}-\d\d-\d\d av ekonom$/);
    // The line is read with the cell: the input names it in aria-describedby.
    const described = await cell.locator('input').getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described!.split(' ').at(-1)}"]`).innerText()).resolves.toMatch(/^Källa: ekonomisystemet/);
    expect(await axeViolations(page), 'budget grid with sources').toEqual([]);
    await page.goto(`${harness.baseUrl}/planer/${ifoKey}/volymer/ifo-matt-2017`);
    const volume = page.locator('tr[data-row="individstod-brukare"] td[data-column="utfall-2017-05"]');
    await volume.and(page.locator('[data-source]')).waitFor();
    await expect(volume.getAttribute('data-source')).resolves.toMatch(/^Källa: verksamhetssystemet, import \d{4}-\d\d-\d\d av redaktor$/);
  });

  it('refuses a bad file with its report and saves nothing', async () => {
    const imports = await importsPage('redaktor');
    const before = (await imports.page.request.get(`${harness.baseUrl}/api/imports?plan=${ifoKey}`).then((r) => r.json())) as { imports: unknown[] };
    await imports.chooseFile('trasig.csv', 'mått;period;värde\nindividstod-brukare;2017-13;tolv\nokänt-mått;2017-08;3\n');
    await imports.button('Förhandsgranska').click();
    await imports.message('error').waitFor();
    const report = await imports.message('error').innerText();
    expect(report).toContain('Filen kunde inte förhandsgranskas; ingenting har sparats:');
    expect(report).toMatch(/rad 2, kolumn/);
    await expect(imports.button('Importera').count()).resolves.toBe(0);
    const after = (await imports.page.request.get(`${harness.baseUrl}/api/imports?plan=${ifoKey}`).then((r) => r.json())) as { imports: unknown[] };
    expect(after.imports).toHaveLength(before.imports.length);
    expect(await axeViolations(imports.page), 'report').toEqual([]);
  });

  it('previews a ledger for an ekonom: the net per unit and month, and the codes without a mapping with their sums', async () => {
    const imports = await importsPage('ekonom');
    // The ekonom imports ledgers only: no choice of kind, the demo mapping chosen.
    await expect(imports.page.getByRole('radio').count()).resolves.toBe(0);
    await expect(imports.page.getByLabel('Mappning från ekonomisystemets koder').inputValue()).resolves.toBe('timra-ifo');
    await imports.chooseFile('mars.csv', 'Period;Ansvar;Verksamhet;Konto;Belopp\n2017-03;72100;5710;4610;1 000,00\n2017-03;99999;5710;4610;250,50\n2017-03;99999;5710;3590;-50,00\n');
    await imports.button('Förhandsgranska').click();
    await imports.message('done').waitFor();
    const months = imports.table('Nettoutfall per enhet och månad, kronor');
    await expect(months.locator('thead th').allInnerTexts()).resolves.toEqual(['Enhet', 'mar 2017', 'Summa']);
    await expect(months.locator('tbody tr').count()).resolves.toBe(1);
    await expect(months.locator('tbody tr td').allInnerTexts()).resolves.toEqual(['-1 000', '-1 000']);
    const unmapped = await imports.rowTexts('Koder utan mappning, med summor (kronor). De importeras inte; lägg till dem i mappningen.', '99999');
    expect(unmapped).toEqual(['responsibility 99999, activity 5710', '50', '-251', '2', '3', '3590, 4610']);
    expect(await axeViolations(imports.page), 'ledger preview').toEqual([]);
  });

  it('speaks English and reads at 320 px without the page scrolling sideways', async () => {
    const imports = await importsPage('redaktor', narrow);
    await imports.chooseFile('aug.csv', 'mått;period;värde\nindividstod-brukare;2017-08;44\n');
    await imports.button('Förhandsgranska').click();
    await imports.message('done').waitFor();
    expect(await imports.scrollsSideways()).toBe(false);
    await imports.languageSwitch().click();
    await expect(imports.heading().innerText()).resolves.toMatch(/^Import actuals: /);
    await expect(imports.page.getByRole('heading', { name: 'Earlier imports' }).count()).resolves.toBe(1);
    expect(await axeViolations(imports.page), 'English, 320 px').toEqual([]);
    await imports.languageSwitch().click();
  });
});
