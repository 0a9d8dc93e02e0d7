/**
 * A general economic table in Chromium against the real server: Västervik's 2021 statement put in
 * the SN draft (via the API). The ekonom sees the 30,0 mnkr net gap on Äldreomsorg's cell and
 * watches both of the statement's gaps go while typing the costs its net and committee bear out
 * (-588,2: the report's -558,2 is a misprint); changes the layout (a column moved,
 * a row removed from its committee's sum, a row added, a committee row made a plain line) and
 * sees the check follow; and pastes Tyresö's statement from Excel in its place, its total bold
 * and its relations found. Every state passes axe.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from './budget-api.ts';
import { draftKey } from './budget-api.ts';
import { EconomicTableEditorPage } from './budget-pages.ts';
import { axeViolations, screenshot, startBrowserHarness, type BrowserHarness } from './harness.ts';
import * as sessions from './sessions.ts';

let harness: BrowserHarness;
const { loggedInPage } = api.boundTo(() => harness);
const fixture = (name: string, ext: string) => readFileSync(new URL(`../fixtures/economy/${name}.${ext}`, import.meta.url), 'utf8');
const tableKey = 'driftsredovisning-2021';

beforeAll(async () => {
  harness = await startBrowserHarness();
  await api.rollOverDraft(harness);
  // Västervik's statement in the draft, its rows without Västervik's organisation nodes.
  const table = JSON.parse(fixture('vastervik-2021-driftsredovisning', 'json')).budgetTables[0];
  for (const row of table.rows) delete row.node;
  const session = await sessions.apiSession(harness, 'admin');
  const created = await session.request.post(`${harness.baseUrl}/api/plans/${draftKey}/budget-tables`, { data: { ...table, node: 'sn' }, headers: { 'x-csrf-token': session.csrf } });
  expect(created.status()).toBe(201);
});
afterAll(async () => {
  await harness?.close();
});

describe('a general economic table (driftsredovisning)', () => {
  it('shows the 30,0 mnkr gap on its cell and lets both gaps go while the misprinted costs are typed right', async () => {
    const editor = await new EconomicTableEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, tableKey).open();
    await expect(editor.headings()).resolves.toEqual(['mnkr', 'Intäkter 2020', 'Intäkter 2021', 'Kostnader 2020', 'Kostnader 2021', 'Nettokostnad 2021', 'Budget 2021', 'Avvikelse mot budget 2021']);
    await expect(editor.marks('aldreomsorg', 'nettokostnad-2021').innerText()).resolves.toMatch(/Avvikelse 30,0 mnkr/);
    await expect(editor.findings('gap').count()).resolves.toBe(2);
    // Beside Socialnämnd's printed costs, what its activities add up to.
    await expect(editor.cell('socialnamnd', 'kostnader-2021').locator('.budget-derived').innerText()).resolves.toBe('beräknat: -1 148,9');
    expect(await axeViolations(editor.page), 'a general table with its gaps').toEqual([]);
    await screenshot(editor.page, 'economic-table');

    // 157,0 − 588,2 = -431,2 as printed, and Socialnämnd's activities then add up to its -1 179,0 within rounding.
    await editor.fill('Äldreomsorg', 'Kostnader 2021', '-588,2');
    await expect(editor.marks('aldreomsorg', 'nettokostnad-2021').count()).resolves.toBe(0);
    await expect(editor.findings('gap').count()).resolves.toBe(0);
    await expect(editor.marks('socialnamnd', 'kostnader-2021').innerText()).resolves.toMatch(/Avrundning 0,1 mnkr/);
  });

  it('changes the layout: a column moved, a row out of its sum, a row added, a committee made a line, each saved and checked', async () => {
    const editor = await new EconomicTableEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, tableKey).open();
    await editor.moveColumnLeft('Avvikelse mot budget 2021');
    await expect(editor.headings()).resolves.toEqual(['mnkr', 'Intäkter 2020', 'Intäkter 2021', 'Kostnader 2020', 'Kostnader 2021', 'Nettokostnad 2021', 'Avvikelse mot budget 2021', 'Budget 2021']);

    // Without Prioriterade områden (-12,2) the Kommunstyrelse's activities no longer add up to -410,7.
    await editor.removeRow('Prioriterade områden');
    await expect(editor.marks('kommunstyrelse', 'nettokostnad-2021').innerText()).resolves.toMatch(/Avvikelse 12,2 mnkr/);

    await editor.addRow('Överförmyndare', 'Miljö- och byggnadsnämnd');
    await expect(editor.page.locator('table.budget-grid tr[data-row="overformyndare"]').count()).resolves.toBe(1);

    await editor.setKind('Kommunstyrelse', 'line');
    await expect(editor.marks('kommunstyrelse', 'nettokostnad-2021').count()).resolves.toBe(0);
    await expect(editor.layoutRow('kommunstyrelse').innerText()).resolves.not.toContain('summerar');
    expect(await axeViolations(editor.page), 'the layout after changes').toEqual([]);

    const saved = await api.savedItem(harness, 'budget-tables', tableKey);
    expect(saved.rows.map((row) => row.key)).not.toContain('prioriterade-omraden');
  });

  it("puts Tyresö's statement pasted from Excel in its place, with its total and relations", async () => {
    const editor = await new EconomicTableEditorPage(await loggedInPage('ekonom'), harness.baseUrl, draftKey, tableKey).open();
    const pasted = fixture('tyreso-2018-kommunstyrelsen', 'tsv')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    const said = await editor.pasteStatement(pasted);
    expect(said).toContain('Inläst: 10 rader och 6 kolumner.');
    expect(said).toContain('0 avvikelser');
    expect(await axeViolations(editor.page), 'a pasted statement read').toEqual([]);
    await editor.replaceWithPasted();
    await expect(editor.headings()).resolves.toEqual(['(mnkr)', 'Intäkter', 'Kostnader', 'Nettokostnad', 'Kommunbidrag', 'Avvikelse', 'Avvikelse 2017']);
    await expect(editor.page.locator('table.budget-grid tr.row--total th').innerText()).resolves.toBe('Totalt');
    await expect(editor.findings('gap').count()).resolves.toBe(0);
    await expect(editor.findings('rounding').count()).resolves.toBe(1); // Avvikelse 2017: 16,7 against 16,8
  });
});
