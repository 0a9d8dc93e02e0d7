/**
 * The content editor in Chromium against the real server, on a draft rolled over from the adopted
 * SN plan (timra-sn-2020-2022 → timra-sn-2021-2023): a goal's wording changed and seen on the plan
 * page; an outlook written with bold and a bulleted list from the toolbar and the keyboard; pasted
 * HTML with a script and an image reduced to allowed markup; a strategy comment and a service
 * declaration's indicators saved; a goal added and deleted, one in use refused (409); a conflicting
 * save from a second session shown field by field and won with "Behåll mina ändringar"; the adopted
 * plan read-only; a redaktör limited to IFO; a plan adopted during an edit; axe on every state and
 * no sideways scroll at 320 px.
 */
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEditorPage } from './content-editor-pages.ts';
import { axeViolations, narrow, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { PlanPage } from './pages.ts';
import * as sessions from './sessions.ts';

const adoptedKey = 'timra-sn-2020-2022';
const draftKey = 'timra-sn-2021-2023';

let harness: BrowserHarness;
let admin: { request: APIRequestContext; csrf: string };

type Item = Record<string, unknown> & { key: string };

const itemUrl = (segment: string, key: string) => `${harness.baseUrl}/api/plans/${draftKey}/${segment}/${encodeURIComponent(key)}`;
async function readItem(segment: string, key: string): Promise<{ item: Item; etag: string }> {
  const response = await admin.request.get(itemUrl(segment, key));
  expect(response.status()).toBe(200);
  return { item: (await response.json()) as Item, etag: response.headers()['etag']! };
}

const contentPage = async (username: string, segment: ConstructorParameters<typeof ContentEditorPage>[3], planKey = draftKey) =>
  new ContentEditorPage(await sessions.loggedInPage(harness, username), harness.baseUrl, planKey, segment).open();

beforeAll(async () => {
  harness = await startBrowserHarness();
  admin = await sessions.apiSession(harness, 'admin');
  await sessions.rolledOverDraft(harness, { from: adoptedKey, to: '2021-2023', as: 'admin' });
});
afterAll(async () => {
  await harness?.close();
});

describe('the content editor', () => {
  it("changes a goal's wording, which the plan page then shows; an unchanged save changes nothing; a goal in use cannot be deleted", async () => {
    const editor = await contentPage('admin', 'mal');
    const page = editor.page;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Redigera mål');
    expect(await axeViolations(page), 'goal list').toEqual([]);

    // Opened and saved without edits: nothing is sent as a change.
    const before = await readItem('goals', 'kf-1:1');
    let form = await editor.openItem('kf-1:1');
    expect(await editor.save(form)).toEqual({ kind: 'done', text: 'Inget är ändrat.' });
    expect((await readItem('goals', 'kf-1:1')).etag).toBe(before.etag);
    await editor.toggle('kf-1:1').click();

    form = await editor.openItem('kf-1:3');
    const wording = 'Medborgarna anser att Timrå erbjuder god livskvalitet och god service';
    await form.getByLabel('Målets formulering').fill(wording);
    await form.getByLabel('Mätmetod').fill('enkät till medborgarna');
    await form.getByLabel('Ansvarig för mätningen (en roll, inte en person)').fill('kvalitetsstrateg');
    await form.getByLabel('Hur ofta det mäts').fill('en gång per år');
    expect(await axeViolations(page), 'goal open for editing').toEqual([]);
    await screenshot(page, 'content-editor-goals');
    const saved = await editor.save(form);
    expect(saved).toEqual({ kind: 'done', text: 'Ändringen är sparad.' });
    const goal = (await readItem('goals', 'kf-1:3')).item;
    expect(goal).toMatchObject({ key: 'kf-1:3', level: 'municipal', number: '1:3', perspective: 1, parent: null, text: wording });
    expect(goal.measurement).toEqual({ text: 'Mäts genom enkät till medborgarna. Kvalitetsstrateg mäter en gång per år.', method: 'enkät till medborgarna', responsible: 'kvalitetsstrateg', frequency: 'en gång per år' });

    // A goal that indicators follow up cannot be deleted: the server's 409 is said in words.
    form = await editor.openItem('kf-1:2');
    // The goal's description (a rich-text field) has its own "Ta bort länk" button.
    await form.getByRole('button', { name: /^Ta bort (?!länk)/ }).click();
    await form.getByRole('button', { name: 'Ja, ta bort' }).click();
    await form.locator('[data-message="error"]').waitFor();
    await expect(form.locator('[data-message="error"]').innerText()).resolves.toMatch(/^Posten används av andra delar av planen och kan inte tas bort/);
    expect((await readItem('goals', 'kf-1:2')).item.key).toBe('kf-1:2');

    const plan = await new PlanPage(page, harness.baseUrl, draftKey).open();
    await expect(plan.page.getByText(wording).count()).resolves.toBeGreaterThan(0);
  });

  it("adds a new goal with a key made from its text, deletes it after a confirmation, and keeps unsaved changes when another item is opened", async () => {
    const editor = await contentPage('admin', 'mal');
    const page = editor.page;
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    const form = page.locator('[data-editor="new"]');
    await form.getByLabel('Nummer').fill('1:9');
    await form.getByLabel('Målets formulering').fill('Fler får stöd i tid');
    await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await editor.item('mal-1-9').waitFor();
    const created = (await readItem('goals', 'mal-1-9')).item;
    expect(created).toMatchObject({ key: 'mal-1-9', number: '1:9', level: 'committee', text: 'Fler får stöd i tid', parent: null, measurement: null });

    // The new goal opens for editing at once.
    const opened = editor.item('mal-1-9').locator('[data-editor="mal-1-9"]');
    await opened.locator('form').waitFor();
    await expect(editor.toggle('mal-1-9').getAttribute('aria-expanded')).resolves.toBe('true');
    await opened.getByRole('button', { name: 'Ta bort 1:9 Fler får stöd i tid' }).click();
    await opened.getByRole('button', { name: 'Ja, ta bort' }).click();
    await page.getByText('1:9 Fler får stöd i tid är borttagen.').waitFor();
    await expect(editor.item('mal-1-9').count()).resolves.toBe(0);
    expect((await admin.request.get(itemUrl('goals', 'mal-1-9'))).status()).toBe(404);

    // Unsaved changes are not thrown away by opening another item; Avbryt does throw them away.
    const changed = await editor.openItem('kf-1:4');
    await changed.getByLabel('Målets formulering').fill('Ändrad men inte sparad');
    await editor.toggle('kf-1:5').click();
    await page.getByText('Spara eller avbryt ändringarna i den öppna posten först.').waitFor();
    await expect(editor.toggle('kf-1:5').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(changed.getByLabel('Målets formulering').inputValue()).resolves.toBe('Ändrad men inte sparad');
    await changed.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await expect(editor.toggle('kf-1:4').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(editor.focused()).resolves.toMatchObject({ tag: 'button', text: 'Ändra' });
    expect((await readItem('goals', 'kf-1:4')).item.text).not.toBe('Ändrad men inte sparad');
  });

  it('writes an outlook with bold and a bulleted list from the keyboard and the toolbar; pasted scripts and images are not saved', async () => {
    const editor = await contentPage('admin', 'verksamhetsbeskrivningar');
    const page = editor.page;

    // Rich text opened, clicked into, typed and undone: nothing is sent as a change.
    const untouched = await readItem('outlooks', 'ol-namnd-och-styrelseverksamhet');
    const other = await editor.openItem('ol-namnd-och-styrelseverksamhet');
    await editor.focusEnd(editor.richText(other, 'Beskrivning'));
    await page.keyboard.type(' x');
    await page.keyboard.press('Control+z');
    await editor.richText(other, 'Utmaningar').click();
    expect(await editor.save(other)).toEqual({ kind: 'done', text: 'Inget är ändrat.' });
    expect((await readItem('outlooks', 'ol-namnd-och-styrelseverksamhet')).etag).toBe(untouched.etag);
    await editor.toggle('ol-namnd-och-styrelseverksamhet').click();

    const form = await editor.openItem('ol-offentlig-service');
    const description = editor.richText(form, 'Beskrivning');
    await expect(description.getAttribute('aria-multiline')).resolves.toBe('true');

    // Keyboard: Ctrl+B around a word; the toolbar's Fet shows the state.
    await editor.focusEnd(description);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Viktigt');
    await expect(editor.toolbar(form, 'Beskrivning').getByRole('button', { name: 'Fet' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' att bemanningen räcker.');
    await page.keyboard.press('Enter');
    // Toolbar: Punktlista, then two items typed.
    await editor.toolbar(form, 'Beskrivning').getByRole('button', { name: 'Punktlista' }).click();
    await page.keyboard.type('Registratur');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nämndsekreterare');
    await expect(editor.toolbar(form, 'Beskrivning').getByRole('button', { name: 'Punktlista' }).getAttribute('aria-pressed')).resolves.toBe('true');
    // Arrow keys move between the toolbar's buttons; Tab leaves the text box (it does not indent the list).
    await editor.toolbar(form, 'Beskrivning').getByRole('button', { name: 'Fet' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(editor.focused()).resolves.toMatchObject({ tag: 'button', text: 'IKursiv' });
    await description.focus();
    await page.keyboard.press('Tab');
    await expect(editor.focused()).resolves.not.toMatchObject({ role: 'textbox', text: expect.stringContaining('Registratur') });

    // A link from the inline form.
    const challenges = editor.richText(form, 'Utmaningar');
    await challenges.click();
    await page.keyboard.type('Se ');
    await editor.toolbar(form, 'Utmaningar').getByRole('button', { name: 'Länk', exact: true }).click();
    await form.getByLabel('Länkadress (https://, http:// eller mailto:)').fill('www.timra.se');
    await form.getByLabel('Länktext').fill('kommunens webbplats');
    await form.getByLabel('Länktext').press('Enter');
    expect(await axeViolations(page), 'outlook open for editing').toEqual([]);
    await screenshot(page, 'content-editor-outlook');

    // Pasted HTML: only allowed markup survives.
    const opportunities = editor.richText(form, 'Möjligheter');
    await editor.pasteHtml(opportunities, '<h2>Rubrik</h2><p>Text<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> <b style="color:red">fet</b> <span class="x">vanlig</span></p><style>p{}</style>');
    const saved = await editor.save(form);
    expect(saved.kind).toBe('done');

    const outlook = (await readItem('outlooks', 'ol-offentlig-service')).item;
    expect(outlook.description).toBe(
      '<p>Stabil organisation utifrån en rollfördelning där två personer har rollen som registrator på del av sin tjänst.</p><p><strong>Viktigt</strong> att bemanningen räcker.</p><ul><li>Registratur</li><li>Nämndsekreterare</li></ul>',
    );
    expect(outlook.challenges).toBe('<p>Se <a href="https://www.timra.se">kommunens webbplats</a></p>');
    expect(outlook.opportunities).toBe('<p>Rubrik</p><p>Text <strong>fet</strong> vanlig</p>');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();

    const plan = await new PlanPage(page, harness.baseUrl, draftKey).open();
    const body = plan.page.locator('.plan-body');
    await expect(body.locator('strong', { hasText: 'Viktigt' }).count()).resolves.toBe(1);
    await expect(body.locator('ul li', { hasText: 'Nämndsekreterare' }).count()).resolves.toBe(1);
    await expect(body.locator('a[href="https://www.timra.se"]').count()).resolves.toBe(1);
  });

  it("saves a strategy's comment and a service declaration's indicators", async () => {
    const strategies = await contentPage('admin', 'strategier');
    let form = await strategies.openItem('ks-1');
    const comment = strategies.richText(form, 'Kommentar: Kommentar för verksamheten inom Socialnämnden');
    await strategies.focusEnd(comment);
    await strategies.page.keyboard.type(' Gäller även 2021.');
    expect((await strategies.save(form)).kind).toBe('done');
    expect((await readItem('strategies', 'ks-1')).item.comments).toEqual([
      { column: 'sn', text: '<p>Gäller alla våra beslut och beteende. För att undvika kortsiktiga åtgärder som motverkar det vi egentligen vill uppnå. Gäller även 2021.</p>' },
    ]);

    const declarations = new ContentEditorPage(strategies.page, harness.baseUrl, draftKey, 'servicedeklarationer');
    await declarations.open();
    form = await declarations.openItem('sd-2');
    const indicators = form.getByRole('group', { name: 'Styrtal som följer upp deklarationen' });
    await indicators.getByRole('checkbox').nth(1).check();
    await indicators.getByRole('checkbox').nth(0).check();
    expect(await axeViolations(declarations.page), 'service declaration open').toEqual([]);
    expect((await declarations.save(form)).kind).toBe('done');
    const plan = (await (await admin.request.get(`${harness.baseUrl}/api/plans/${draftKey}`)).json()) as { indicators: Item[] };
    expect((await readItem('service-declarations', 'sd-2')).item.indicators).toEqual([plan.indicators[0]!.key, plan.indicators[1]!.key]);
  });

  it('adds an indicator to a goal: it follows up the goal on the scorecard and is printed in the plan', async () => {
    const editor = await contentPage('admin', 'styrtal');
    const page = editor.page;
    await page.getByRole('button', { name: 'Lägg till styrtal' }).click();
    const form = page.locator('[data-editor="new"]');
    await form.getByLabel('Nummer').fill('1.2.3');
    await form.getByLabel('Styrtalets namn').fill('Nöjd med korttidsvistelse');
    await form.getByLabel('Målet som styrtalet följer upp').selectOption('kf-1:2');
    await form.getByLabel('Enhet (t.ex. %, antal, kr)').fill('%');
    await form.getByLabel('Riktning').selectOption('higher-better');
    expect(await axeViolations(page), 'new indicator form').toEqual([]);
    await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await editor.item('st-1-2-3').waitFor();
    expect((await readItem('indicators', 'st-1-2-3')).item).toMatchObject({ number: '1.2.3', name: 'Nöjd med korttidsvistelse', goal: 'kf-1:2', unit: '%', direction: 'higher-better', targets: [], actuals: [] });

    await page.goto(`${harness.baseUrl}/planer/${draftKey}/styrkort`);
    const row = page.locator('tr', { hasText: 'Nöjd med korttidsvistelse' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('1.2.3');
    const plan = await new PlanPage(page, harness.baseUrl, draftKey).open();
    await expect(plan.page.locator('main').innerText()).resolves.toContain('Nöjd med korttidsvistelse');
  });

  it('shows a conflicting save from another session field by field; "Behåll mina ändringar" wins and the history shows both changes', async () => {
    const editor = await contentPage('admin', 'verksamhetsbeskrivningar');
    const page = editor.page;
    const form = await editor.openItem('ol-hemtjanst');

    // Someone else saves the item after it was opened.
    const { item, etag } = await readItem('outlooks', 'ol-hemtjanst');
    const theirs = await admin.request.put(itemUrl('outlooks', 'ol-hemtjanst'), { data: { ...item, challenges: '<p>Deras utmaning.</p>' }, headers: { 'x-csrf-token': admin.csrf, 'if-match': etag } });
    expect(theirs.status()).toBe(200);

    const challenges = editor.richText(form, 'Utmaningar');
    await challenges.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Min utmaning.');
    const outcome = await editor.save(form);
    expect(outcome.kind).toBe('conflict');
    // One row per field: its label (marked "Skiljer sig" in words when the versions differ), mine, saved.
    const row = (field: string) => form.locator(`.conflict tr[data-field="${field}"]`);
    await expect(row('challenges').locator('th').innerText()).resolves.toMatch(/Skiljer sig/);
    await expect(row('challenges').locator('[data-version="mine"]').innerText()).resolves.toMatch(/Min utmaning\./);
    await expect(row('challenges').locator('[data-version="theirs"]').innerText()).resolves.toMatch(/Deras utmaning\./);
    await expect(row('label').locator('th').innerText()).resolves.not.toMatch(/Skiljer sig/);
    const heads = await form.locator('.conflict thead th').allInnerTexts();
    expect(heads.slice(0, 2)).toEqual(['Fält', 'Din version (inte sparad)']);
    expect(heads[2]).toMatch(/^Sparad version \(version \d+\)$/);
    expect((await readItem('outlooks', 'ol-hemtjanst')).item.challenges, 'nothing overwritten yet').toBe('<p>Deras utmaning.</p>');
    expect(await axeViolations(page), 'conflict').toEqual([]);
    await screenshot(page, 'content-conflict');

    await form.getByRole('button', { name: 'Behåll mina ändringar' }).click();
    await form.locator('[data-message="done"]').waitFor();
    expect((await readItem('outlooks', 'ol-hemtjanst')).item.challenges).toBe('<p>Min utmaning.</p>');

    await form.getByText('Ändringshistorik').click();
    const rows = form.locator('tr[data-audit-field="challenges"]');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Deras utmaning\. → Min utmaning\./);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/→ Deras utmaning\./);
    await screenshotOf(form, 'content-history');
  });

  it('shows the adopted plan read-only, limits a redaktör to IFO (a change outside it is refused), fits 320 px, and turns read-only when the plan is adopted during an edit', async () => {
    const adopted = await contentPage('admin', 'verksamhetsbeskrivningar', adoptedKey);
    await adopted.page.getByText(/^Planen är fastställd\. Dess innehåll kan inte ändras/).waitFor();
    await expect(adopted.page.getByRole('button', { name: /^Lägg till/ }).count()).resolves.toBe(0);
    await expect(adopted.page.getByRole('button', { name: /^Ändra / }).count()).resolves.toBe(0);
    const view = await adopted.openItem('ol-offentlig-service');
    await expect(view.locator('[data-field="description"] dd').innerText()).resolves.toMatch(/^Stabil organisation/);
    expect(await axeViolations(adopted.page), 'adopted plan, read-only').toEqual([]);

    const redaktor = await contentPage('redaktor', 'verksamhetsbeskrivningar');
    await redaktor.page.getByText(/^Du kan bara ändra poster som hör till din egen del/).waitFor();
    await expect(redaktor.toggle('ol-offentlig-service').innerText()).resolves.toBe('Visa');
    await expect(redaktor.toggle('ol-individ-och-familjeomsorg').innerText()).resolves.toBe('Ändra');
    const form = await redaktor.openItem('ol-individ-och-familjeomsorg');
    // Moving the outlook to another service area is outside the redaktör's scope: refused before it is sent, as the server would.
    await form.getByLabel('Organisationsdel').selectOption('svo');
    const refused = await redaktor.save(form);
    expect(refused.kind).toBe('error');
    expect(refused.text).toMatch(/^Du får inte göra den här ändringen, så ingenting har sparats\./);
    expect((await readItem('outlooks', 'ol-individ-och-familjeomsorg')).item.node).toBe('ifo');
    const api = await sessions.apiSession(harness, 'redaktor');
    const { item, etag } = await readItem('outlooks', 'ol-individ-och-familjeomsorg');
    const byApi = await api.request.put(itemUrl('outlooks', item.key), { data: { ...item, node: 'svo' }, headers: { 'x-csrf-token': api.csrf, 'if-match': etag } });
    expect(byApi.status(), 'the server refuses it too').toBe(403);

    const small = new ContentEditorPage(await sessions.loggedInPage(harness, 'admin'), harness.baseUrl, draftKey, 'verksamhetsbeskrivningar');
    await small.page.setViewportSize(narrow);
    await small.open();
    const smallForm = await small.openItem('ol-aldreomsorg');
    await expect(small.scrollsSideways()).resolves.toBe(false);
    expect(await axeViolations(small.page), '320 px').toEqual([]);
    await screenshot(small.page, 'content-editor-320');
    await screenshotOf(smallForm, 'content-editor-320-item');

    // The plan is adopted while an item is open: the save is refused (409) and the page turns read-only.
    const open = await contentPage('admin', 'verksamhetsbeskrivningar');
    const openForm = await open.openItem('ol-it');
    await openForm.getByLabel('Rubrik som i planen').fill('IT och digitalisering');
    const ledning = await sessions.apiSession(harness, 'ledning');
    for (const [step, data] of [['submit', {}], ['adopt', { decision: { date: '2020-12-15', body: 'Socialnämnden', paragraph: 'SN § 112' } }]] as const) {
      const current = await ledning.request.get(`${harness.baseUrl}/api/plans/${draftKey}`);
      const response = await ledning.request.post(`${harness.baseUrl}/api/plans/${draftKey}/${step}`, { data, headers: { 'x-csrf-token': ledning.csrf, 'if-match': current.headers()['etag']! } });
      expect(response.status()).toBe(200);
    }
    await openForm.getByRole('button', { name: 'Spara', exact: true }).click();
    await open.page.getByText(/^Planen är låst för ändringar, så ingenting har sparats\. \(Planen timra-sn-2021-2023 är fastställd/).waitFor();
    await open.page.locator('[data-read-only="adopted"]').waitFor();
    expect((await readItem('outlooks', 'ol-it')).item.label).toBe('IT');
    expect(await axeViolations(open.page), 'frozen while editing').toEqual([]);
  });
});
