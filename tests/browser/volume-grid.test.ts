/**
 * The volume grid editor in Chromium against the real server: as admin on a draft (rolled over via
 * the API), two rows pasted from a spreadsheet spread over the cells, one save, and the values there
 * after a reload; a save that crosses a second session's change (412) keeps the edits, shows both
 * versions cell by cell, and re-applies them on the saved version (or takes the saved one); axe
 * finds nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { pasteAsSpreadsheet, PlanPage } from './pages.ts';

const draftKey = 'timra-sn-2021-2023';

let harness: BrowserHarness;

interface Table {
  key: string;
  caption: string;
  columns: Array<{ key: string; label: string; kind: string }>;
  rows: Array<{ key: string; label: string; cells: Record<string, string> }>;
}

const apiSession = (username: string) => sessions.apiSession(harness, username);
const loggedInPage = (username: string) => sessions.loggedInPage(harness, username);

/** Pastes text into a field as a spreadsheet does (a paste event with text/plain). */
async function paste(page: Page, label: string, text: string): Promise<void> {
  await pasteAsSpreadsheet(page.getByLabel(label, { exact: true }), text);
}

async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main [role="status"]').length === 0);
  await page.locator('table.volume-grid').waitFor();
}

/** The table as saved now. */
async function savedTable(tableKey: string): Promise<Table> {
  const api = await apiSession('lasare');
  return (await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}/volume-tables/${tableKey}`)).json()) as Table;
}

/** A change of cells from a second session (its own login), at the version it reads first. */
async function patchFromSecondSession(tableKey: string, cells: Array<{ row: string; column: string; text: string | null }>): Promise<void> {
  const api = await apiSession('admin');
  const path = `${harness.baseUrl}/api/plans/${draftKey}/volume-tables/${tableKey}`;
  const read = await api.request.get(path);
  const response = await api.request.patch(`${path}/cells`, { data: { cells }, headers: { 'x-csrf-token': api.csrf, 'if-match': read.headers()['etag']! } });
  expect(response.status()).toBe(200);
}

/** The conflict view's rows: [cell, mine, saved now]. */
async function conflictRows(page: Page): Promise<string[][]> {
  return page
    .locator('.budget-conflict tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
}

/** How the conflict view shows a saved cell: its text, or "(tom)". */
const savedText = (row: { cells: Record<string, string> }, column: { key: string }) => row.cells[column.key] ?? '(tom)';

/** A save that crosses another session's change of one cell: refused, the edit kept, the other session's value saved. */
async function conflictingSave(page: Page, table: Table, [row1, row2]: Table['rows'], column: Table['columns'][number]): Promise<void> {
  const label = (row: { label: string }) => `${row.label} – ${column.label}`;
  await patchFromSecondSession(table.key, [{ row: row1!.key, column: column.key, text: '300' }]);
  await page.getByLabel(label(row1!), { exact: true }).fill('199');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.locator('.budget-conflict').waitFor();
  await expect(page.getByLabel(label(row1!), { exact: true }).inputValue()).resolves.toBe('199');
  await expect(page.getByLabel(label(row2!), { exact: true }).inputValue()).resolves.toBe('-');
  expect((await savedTable(table.key)).rows[0]!.cells[column.key]).toBe('300');
  // Take the saved version, so the next test starts from a table without a pending conflict.
  await page.getByRole('button', { name: 'Använd den sparade versionen' }).click();
  await page.getByText('Tabellen visar nu den sparade versionen.').waitFor();
  await expect(page.getByLabel(label(row1!), { exact: true }).inputValue()).resolves.toBe('300');
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  await sessions.rolledOverDraft(harness, { from: 'timra-sn-2020-2022', to: '2021-2023' });
});
afterAll(async () => {
  await harness?.close();
});

describe('the volume grid editor', () => {
  it('pastes two rows from a spreadsheet, saves only the changed cells, and shows them after a reload', async () => {
    const page = await loggedInPage('admin');
    const api = await apiSession('admin');
    const plan = (await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}`)).json()) as { volumeTables: Table[] };
    const table = plan.volumeTables[0]!;
    const [row1, row2] = table.rows;
    const [col1, col2] = table.columns;
    expect(row1 && row2 && col1 && col2).toBeTruthy();

    // The plan page links to the grid beside the table.
    const planPage = await new PlanPage(page, harness.baseUrl, draftKey).open();
    const link = planPage.page.getByRole('link', { name: `Ändra volymtabellen ${table.caption}` });
    await expect(link.getAttribute('href')).resolves.toBe(`/planer/${draftKey}/volymer/${table.key}`);
    await link.click();
    await waitUntilLoaded(page);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(`Ändra volymer: ${table.caption}`);
    await expect(page.getByRole('table', { name: `Volymer: ${table.caption}` }).count()).resolves.toBe(1);
    expect(await axeViolations(page), 'volume grid').toEqual([]);

    const label = (row: { label: string }, column: { label: string }) => `${row.label} – ${column.label}`;
    await paste(page, label(row1!, col1!), '194(-9)\t5,3\r\n-\t42\r\n');
    await expect(page.getByLabel(label(row1!, col1!), { exact: true }).inputValue()).resolves.toBe('194(-9)');
    await expect(page.getByLabel(label(row1!, col2!), { exact: true }).inputValue()).resolves.toBe('5,3');
    await expect(page.getByLabel(label(row2!, col1!), { exact: true }).inputValue()).resolves.toBe('-');
    await expect(page.getByLabel(label(row2!, col2!), { exact: true }).inputValue()).resolves.toBe('42');
    expect(await axeViolations(page), 'volume grid with changes').toEqual([]);
    await screenshot(page, 'volume-grid-pasted');

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.locator('[data-message="done"]').waitFor();

    await page.reload();
    await waitUntilLoaded(page);
    await expect(page.getByLabel(label(row1!, col1!), { exact: true }).inputValue()).resolves.toBe('194(-9)');
    await expect(page.getByLabel(label(row1!, col2!), { exact: true }).inputValue()).resolves.toBe('5,3');
    await expect(page.getByLabel(label(row2!, col1!), { exact: true }).inputValue()).resolves.toBe('-');
    await expect(page.getByLabel(label(row2!, col2!), { exact: true }).inputValue()).resolves.toBe('42');
    const saved = (await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}/volume-tables/${table.key}`)).json()) as Table;
    expect(saved.rows[0]!.cells[col1!.key]).toBe('194(-9)');
    expect(saved.rows[1]!.cells[col2!.key]).toBe('42');
    // The change history says which cells changed, in words, with axe still clean.
    await page.locator('summary', { hasText: 'Ändringshistorik' }).click();
    const newest = await page.getByRole('table', { name: 'Ändringar, senaste först' }).locator('tbody tr').first().innerText();
    expect(newest).toMatch(/admin\s+Ändrat celler:/);
    expect(newest).toContain(`${row1!.label}, ${col1!.label}: `);
    expect(newest).toContain('→ 194(-9)');
    expect(newest).toContain(`${row2!.label}, ${col2!.label}: `);
    expect(await axeViolations(page), 'volume grid with its change history').toEqual([]);

    // The saved version moves on under the page (another session), then the page's save comes back 412.
    await conflictingSave(page, table, [row1!, row2!], col1!);
  });

  it('keeps the edits of a save that crossed another session\'s, shows both versions, and re-applies them on the saved version', async () => {
    const page = await loggedInPage('admin');
    const api = await apiSession('admin');
    const table = ((await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}`)).json()) as { volumeTables: Table[] }).volumeTables[0]!;
    const [row1, , row3] = table.rows;
    const [, col2] = table.columns;
    const label = (row: { label: string }, column: { label: string }) => `${row.label} – ${column.label}`;
    await page.goto(`${harness.baseUrl}/planer/${draftKey}/volymer/${table.key}`);
    await waitUntilLoaded(page);

    // I type two cells; meanwhile a second session saves one of them differently.
    await page.getByLabel(label(row1!, col2!), { exact: true }).fill('6,1');
    await page.getByLabel(label(row3!, col2!), { exact: true }).fill('17');
    await patchFromSecondSession(table.key, [{ row: row1!.key, column: col2!.key, text: '5,9' }]);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();

    // Nothing is saved over the other session's change, nothing I typed is thrown away: both versions, cell by cell.
    const conflict = page.locator('.budget-conflict');
    await conflict.waitFor();
    await expect(conflictRows(page)).resolves.toEqual([
      [label(row1!, col2!), '6,1', '5,9'],
      [label(row3!, col2!), '17', savedText(row3!, col2!)],
    ]);
    await expect(page.getByLabel(label(row1!, col2!), { exact: true }).inputValue()).resolves.toBe('6,1');
    await expect(page.getByLabel(label(row3!, col2!), { exact: true }).inputValue()).resolves.toBe('17');
    expect((await savedTable(table.key)).rows[0]!.cells[col2!.key]).toBe('5,9');
    expect(await axeViolations(page), 'volume grid with a conflict').toEqual([]);
    await screenshot(page, 'volume-grid-conflict');

    // Keeping mine sends the same edits again, on the version now saved.
    await conflict.getByRole('button', { name: 'Behåll mina ändringar' }).click();
    await page.getByText('Dina ändringar är sparade ovanpå den nya versionen.').waitFor();
    const kept = await savedTable(table.key);
    expect([kept.rows[0]!.cells[col2!.key], kept.rows[2]!.cells[col2!.key]]).toEqual(['6,1', '17']);
    await expect(page.locator('.budget-conflict').count()).resolves.toBe(0);

    // Once more, and this time the saved version is chosen: my edit gives way, by my choice only.
    await page.getByLabel(label(row1!, col2!), { exact: true }).fill('7,0');
    await patchFromSecondSession(table.key, [{ row: row1!.key, column: col2!.key, text: '6,4' }]);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await conflict.waitFor();
    await conflict.getByRole('button', { name: 'Använd den sparade versionen' }).click();
    await page.getByText('Tabellen visar nu den sparade versionen.').waitFor();
    await expect(page.getByLabel(label(row1!, col2!), { exact: true }).inputValue()).resolves.toBe('6,4');
    expect((await savedTable(table.key)).rows[0]!.cells[col2!.key]).toBe('6,4');
  });

  it('lists the problems of a refused save, and on an adopted plan shows only actual and forecast columns as fields', async () => {
    const page = await loggedInPage('admin');
    const api = await apiSession('admin');
    const table = ((await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}`)).json()) as { volumeTables: Table[] }).volumeTables[0]!;
    const field = `${table.rows[2]!.label} – ${table.columns[0]!.label}`;
    await page.goto(`${harness.baseUrl}/planer/${draftKey}/volymer/${table.key}`);
    await waitUntilLoaded(page);
    await page.getByLabel(field, { exact: true }).fill('9'.repeat(201));
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.locator('[data-message="error"] li').first().waitFor();
    await expect(page.locator('[data-message="error"]').innerText()).resolves.toMatch(/^Cellerna har fel; ingenting har sparats:/);
    expect(await axeViolations(page), 'volume grid with problems').toEqual([]);

    const ledning = await apiSession('ledning');
    const step = async (name: string, data: object) => {
      const current = await ledning.request.get(`${harness.baseUrl}/api/plans/${draftKey}`);
      const response = await ledning.request.post(`${harness.baseUrl}/api/plans/${draftKey}/${name}`, { data, headers: { 'x-csrf-token': ledning.csrf, 'if-match': current.headers()['etag']! } });
      expect(response.status()).toBe(200);
    };
    await step('submit', {});
    await step('adopt', { decision: { date: '2020-12-15', body: 'Socialnämnden', paragraph: 'SN § 112' } });
    await page.reload();
    await waitUntilLoaded(page);
    const open = table.columns.filter((column) => column.kind === 'actual' || column.kind === 'forecast').length;
    await expect(page.locator('table.volume-grid input').count()).resolves.toBe(open * table.rows.length);
    await expect(page.getByText('Planen är fastställd: bara kolumner med utfall och prognos kan ändras.').count()).resolves.toBe(1);
    expect(await axeViolations(page), 'volume grid on an adopted plan').toEqual([]);
  });

  it('shows the grid read-only, without "Spara", to an editor whose organisation scope does not hold the table (redaktör IFO, SN table)', async () => {
    const page = await loggedInPage('redaktor');
    const api = await apiSession('admin');
    const table = ((await (await api.request.get(`${harness.baseUrl}/api/plans/${draftKey}`)).json()) as { volumeTables: Table[] }).volumeTables[0]!;
    await page.goto(`${harness.baseUrl}/planer/${draftKey}/volymer/${table.key}`);
    await waitUntilLoaded(page);
    await page.locator('.account__who').waitFor(); // the session is read: fields would be there by now
    await expect(page.locator('table.volume-grid input').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Spara', exact: true }).count()).resolves.toBe(0);
    // The server agrees: the same write from this account is refused.
    const redaktor = await apiSession('redaktor');
    const read = await redaktor.request.get(`${harness.baseUrl}/api/plans/${draftKey}/volume-tables/${table.key}`);
    const refused = await redaktor.request.patch(`${harness.baseUrl}/api/plans/${draftKey}/volume-tables/${table.key}/cells`, {
      data: { cells: [{ row: table.rows[0]!.key, column: table.columns[0]!.key, text: '1' }] },
      headers: { 'x-csrf-token': redaktor.csrf, 'if-match': read.headers()['etag']! },
    });
    expect(refused.status()).toBe(403);
  });
});
