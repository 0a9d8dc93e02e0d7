/**
 * The activities page in Chromium against the real server. On the adopted demo plan
 * timra-sn-2020-2022 as admin: the tables as the plan prints them, filters, a status moved on the
 * board with the keyboard alone (kept after a reload, in the audit history, the rest of the
 * activity locked) and another dragged with the mouse. On a draft rolled over via the API: an
 * activity's name and cost changed and seen on the plan page, one added (a refused empty name
 * first) and deleted, a conflicting save from a second session resolved by the user's choice, a
 * save refused (409) once the draft is adopted meanwhile. A reader sees it all read-only, in
 * English too. axe finds nothing; at 320 px the board columns stack and nothing scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { PlanPage } from './pages.ts';
import { ActivitiesPage } from './activities-pages.ts';

const adoptedKey = 'timra-sn-2020-2022';
const draftKey = 'timra-sn-2021-2023';

let harness: BrowserHarness;

const apiSession = (username: string) => sessions.apiSession(harness, username);
const loggedInPage = (username: string) => sessions.loggedInPage(harness, username);
const activitiesPage = async (username: string, planKey: string, view: 'table' | 'board' = 'table') => new ActivitiesPage(await loggedInPage(username), harness.baseUrl, planKey).openIn(view);

interface Activity {
  key: string;
  name: string;
  status?: string;
  owner?: string;
  incomeCost?: string;
}

/** Reads an activity straight from the API, with its ETag. */
async function readActivity(api: Awaited<ReturnType<typeof apiSession>>, planKey: string, key: string): Promise<{ item: Activity; etag: string }> {
  const response = await api.request.get(`${harness.baseUrl}/api/plans/${planKey}/activities/${key}`);
  expect(response.status()).toBe(200);
  return { item: (await response.json()) as Activity, etag: response.headers()['etag']! };
}

beforeAll(async () => {
  harness = await startBrowserHarness();
  await sessions.rolledOverDraft(harness, { from: adoptedKey, to: '2021-2023' });
});
afterAll(async () => {
  await harness?.close();
});

describe('activities: table and status board', () => {
  it('shows the adopted plan’s activities per table with the cells as the plan page prints them, and filters them', async () => {
    const activities = await activitiesPage('admin', adoptedKey);
    const { page } = activities;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Aktiviteter: Verksamhetsplan 2020-2022, Socialnämnden');
    await expect(activities.viewButton('Tabell').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(activities.viewButton('Statustavla').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(activities.activityTable('Aktivitet').locator('thead th').allInnerTexts()).resolves.toEqual([
      'Aktivitet',
      'Beskrivning',
      'Tillhör verksamhet',
      'Beräknad investeringsutgift',
      'Beräknad intäkt/kostnad',
      'Status',
      'Ansvarig',
      'Mål',
      'Ändra',
    ]);
    await expect(activities.activityTable('Plan eller uppdrag').locator('thead th').allInnerTexts()).resolves.toEqual(['Plan eller uppdrag3', 'Beskrivning', 'Tillhör verksamhet', 'Ev beräknad kostnad', 'Status', 'Ansvarig', 'Mål', 'Ändra']);

    // The same cells as the plan page prints, then status, owner and goals.
    const plan = await new PlanPage(await harness.newPage(), harness.baseUrl, adoptedKey).open();
    for (const [caption, name] of [
      ['Plan eller uppdrag', 'Verksamhetsplan - individ och familjeomsorg'],
      ['Aktivitet', 'Nyckelfritt arbetssätt för legitimerad personal'],
      ['Aktivitet', 'Effektivisering'],
    ] as const) {
      const printed = (await plan.rowTexts(caption, name)).map((text) => text.trim());
      const shown = await activities.rowTexts(caption, name);
      expect(shown.slice(0, printed.length), `${caption}: ${name}`).toEqual(printed);
      expect(shown.slice(printed.length)).toEqual(['Ej angiven', '–', '–', 'Ändra']);
    }
    const ownTime = activities.activityTable('Plan eller uppdrag').locator('td', { hasText: /^Egen tid$/ }).first();
    await expect(ownTime.evaluate((cell) => getComputedStyle(cell).textAlign)).resolves.toBe('right');

    // Filters: labelled selects, the count announced politely.
    await expect(activities.count().innerText()).resolves.toBe('Visar alla 8 aktiviteter.');
    await expect(activities.count().getAttribute('aria-live')).resolves.toBe('polite');
    await activities.filter('Organisation').selectOption({ label: 'Stöd, vård och omsorg' });
    await expect(activities.count().innerText()).resolves.toBe('Visar 3 av 8 aktiviteter.');
    await expect(activities.activityTable('Aktivitet').locator('tbody th').allInnerTexts()).resolves.toEqual(['Nyckelfritt arbetssätt för legitimerad personal', 'TUFF (träning, utbildning, fallförebyggande)']);
    await activities.filter('Tillhör verksamhet').selectOption({ value: 'Alla' });
    await expect(activities.count().innerText()).resolves.toBe('Visar 0 av 8 aktiviteter.');
    await page.getByRole('button', { name: 'Rensa filtren' }).click();
    await expect(activities.count().innerText()).resolves.toBe('Visar alla 8 aktiviteter.');
    expect(await axeViolations(page), 'table view').toEqual([]);
    await screenshot(page, 'activities-table');

    await page.setViewportSize(narrow);
    await expect(activities.scrollsSideways()).resolves.toBe(false);
    expect(await axeViolations(page), 'table view at 320 px').toEqual([]);
    await screenshot(page, 'activities-table-320');
  });

  it('moves an activity on the status board of the adopted plan with the keyboard only; it stays there and shows in the history, the rest locked', async () => {
    const activities = await activitiesPage('admin', adoptedKey);
    const { page } = activities;
    await activities.viewButton('Statustavla').click();
    await page.waitForURL(/\/aktiviteter\?vy=tavla$/);
    await expect(activities.viewButton('Statustavla').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(activities.column('Ej angiven').locator('h3').innerText()).resolves.toBe('Ej angiven (8 aktiviteter)');
    await expect(activities.cardNames('Pågår')).resolves.toEqual([]);

    // Tab from the view switch to LifeCare's Status select, pick "Pågår" with the arrow keys, Enter.
    await activities.viewButton('Statustavla').focus();
    for (let i = 0; i < 40 && (await activities.focusedCard()).card !== 'sn-akt-4'; i += 1) await page.keyboard.press('Tab');
    await expect(activities.focusedCard()).resolves.toEqual({ tag: 'select', card: 'sn-akt-4', column: 'none' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(activities.card('sn-akt-4').locator('select').inputValue()).resolves.toBe('ongoing');
    await page.keyboard.press('Enter');
    await expect.poll(() => activities.cardNames('Pågår')).toEqual(['LifeCare']);
    await expect.poll(() => activities.focusedCard()).toEqual({ tag: 'select', card: 'sn-akt-4', column: 'ongoing' });
    await expect(activities.message().getAttribute('aria-live')).resolves.toBe('polite');
    await expect(activities.message().innerText()).resolves.toBe('LifeCare flyttades till Pågår (1 aktivitet där).');
    await expect(activities.column('Ej angiven').locator('h3').innerText()).resolves.toBe('Ej angiven (7 aktiviteter)');
    expect(await axeViolations(page), 'board view').toEqual([]);
    await screenshot(page, 'activities-board');
    await screenshotOf(page.locator('.status-board'), 'activities-board-part');

    // The server has it: after a reload the card is still in Pågår.
    await page.reload();
    await activities.ready();
    await expect(activities.cardNames('Pågår')).resolves.toEqual(['LifeCare']);

    // With a mouse a card can also be dragged to another column (a shortcut; never the only way).
    await page.setViewportSize({ width: 1280, height: 1400 }); // the card and the column in view at once
    await activities.card('sn-akt-1').dragTo(activities.column('Klar'));
    await expect.poll(() => activities.cardNames('Klar')).toEqual(['Effektivisering']);
    await expect.poll(() => activities.message().innerText()).toBe('Effektivisering flyttades till Klar (1 aktivitet där).');

    // At 320 px the columns stack, one under the other, and nothing scrolls sideways.
    await page.setViewportSize(narrow);
    await expect(activities.scrollsSideways()).resolves.toBe(false);
    const [first, second] = await page.locator('.status-column').evaluateAll((columns) => columns.slice(0, 2).map((column) => column.getBoundingClientRect()));
    expect(second!.left).toBe(first!.left);
    expect(second!.top).toBeGreaterThan(first!.bottom - 1);
    expect(await axeViolations(page), 'board at 320 px').toEqual([]);
    await screenshot(page, 'activities-board-320');
    await screenshotOf(activities.column('Pågår'), 'activities-board-320-part');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The history has the move; the edit form shows every other field locked.
    await activities.viewButton('Tabell').click();
    const editor = await activities.openEditor('LifeCare');
    await expect(editor.locator('[data-frozen]').innerText()).resolves.toMatch(/^Planen är fastställd: bara aktivitetens status kan ändras/);
    await expect(editor.getByLabel('Namn', { exact: true }).getAttribute('readonly')).resolves.toBe('');
    await expect(editor.getByLabel('Organisationsenhet', { exact: true }).isDisabled()).resolves.toBe(true);
    await expect(editor.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('ongoing');
    await editor.locator('summary', { hasText: 'Ändringshistorik' }).click();
    const history = editor.getByRole('table', { name: 'Ändringar, senaste först' });
    await expect(history.locator('tbody tr').first().innerText()).resolves.toMatch(/admin\s+Ändrat status: Ej angiven → Pågår$/);

    // The form takes the status on the adopted plan too.
    await editor.getByLabel('Status', { exact: true }).selectOption({ label: 'Klar' });
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.getByText('Aktiviteten är sparad.').waitFor();
    await expect(activities.rowTexts('Aktivitet', 'LifeCare')).resolves.toContain('Klar');
    expect(await axeViolations(page), 'open form on the adopted plan').toEqual([]);
  });

  it('on a draft: changes an activity’s name and cost estimate (seen on the plan page), adds one and deletes it', async () => {
    const activities = await activitiesPage('admin', draftKey);
    const { page } = activities;
    const editor = await activities.openEditor('Verksamhetsplan - stöd, vård och omsorg');
    await expect(activities.focused()).resolves.toMatchObject({ tag: 'h3', text: 'Ändra aktivitet: Verksamhetsplan - stöd, vård och omsorg' });
    await editor.getByLabel('Namn', { exact: true }).fill('Verksamhetsplan - stöd, vård och omsorg 2021');
    const cost = editor.getByLabel('Ev beräknad kostnad', { exact: true });
    const reading = editor.locator('.field', { has: page.getByLabel('Ev beräknad kostnad', { exact: true }) }).locator('[data-reading]');
    await expect(reading.innerText()).resolves.toBe('Text, inget tal: skrivs som det står.');
    await cost.fill('1250');
    await expect(reading.innerText()).resolves.toBe('Läses som talet 1 250.');
    await cost.fill('');
    await expect(reading.innerText()).resolves.toBe('Tom: skrivs som saknad uppgift (inte noll).');
    await cost.fill('1 250');
    await expect(reading.getAttribute('aria-live')).resolves.toBe('polite');
    expect(await axeViolations(page), 'open form').toEqual([]);
    await screenshotOf(editor, 'activities-form');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.getByText('Aktiviteten är sparad.').waitFor();
    await expect(activities.rowTexts('Plan eller uppdrag', 'Verksamhetsplan - stöd, vård och omsorg 2021')).resolves.toContain('1 250');

    const planPage = await new PlanPage(await loggedInPage('admin'), harness.baseUrl, draftKey).open();
    const printed = await planPage.rowTexts('Plan eller uppdrag', 'Verksamhetsplan - stöd, vård och omsorg 2021');
    expect(printed.at(-1)!.trim()).toBe('1 250');

    // Add: an empty name is refused by the server, shown at the field; then a real one.
    // Escape closes the form; focus goes back to the row's edit button.
    await page.bringToFront();
    await page.getByLabel('Namn', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('.activity-editor').count()).resolves.toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-edit'))).toBe('sn-akt-7');
    await page.getByRole('button', { name: 'Lägg till aktivitet i Aktivitet' }).click();
    const added = await activities.editor();
    await expect(activities.focused()).resolves.toMatchObject({ tag: 'h3', text: 'Ny aktivitet i Aktivitet' });
    await added.getByRole('button', { name: 'Spara' }).click();
    const nameField = added.locator('.field', { has: page.getByLabel('Namn', { exact: true }) });
    await expect(nameField.locator('[data-problem]').innerText()).resolves.toBe('Får inte vara tom');
    await expect(added.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(added.locator('[data-message="error"]').innerText()).resolves.toMatch(/^Aktiviteten sparades inte: /);
    await added.getByLabel('Namn', { exact: true }).fill('Digitala trygghetslarm');
    await added.getByLabel('Tillhör verksamhet', { exact: true }).fill('Stöd, vård och omsorg');
    await added.getByLabel('Status', { exact: true }).selectOption({ label: 'Ej påbörjad' });
    await added.getByLabel('1:5 Timrå skapar hållbar tillväxt genom digitaliseringens möjligheter', { exact: true }).check();
    await added.getByRole('button', { name: 'Spara' }).click();
    await added.getByText('Aktiviteten är tillagd.').waitFor();
    await expect(activities.rowTexts('Aktivitet', 'Digitala trygghetslarm')).resolves.toEqual(['Digitala trygghetslarm', '', 'Stöd, vård och omsorg', '', '', 'Ej påbörjad', '–', '1:5', 'Ändra']);
    await expect(activities.count().innerText()).resolves.toBe('Visar alla 9 aktiviteter.');

    // Delete, with a confirmation step.
    await added.getByRole('button', { name: 'Ta bort aktiviteten' }).click();
    await expect(activities.focused()).resolves.toMatchObject({ tag: 'p', text: 'Vill du ta bort aktiviteten Digitala trygghetslarm? Det går inte att ångra.' });
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect.poll(() => activities.message().innerText()).toBe('Aktiviteten Digitala trygghetslarm är borttagen.');
    await expect(activities.activityTable('Aktivitet').locator('tbody th').allInnerTexts()).resolves.not.toContain('Digitala trygghetslarm');
    await expect(activities.count().innerText()).resolves.toBe('Visar alla 8 aktiviteter.');
  });

  it('a conflicting save from another session shows both versions field by field; the user’s choice wins', async () => {
    const activities = await activitiesPage('admin', draftKey);
    const { page } = activities;
    const editor = await activities.openEditor('LifeCare');
    await editor.getByLabel('Namn', { exact: true }).fill('LifeCare – införande');

    // Meanwhile another session gives LifeCare an owner and an income/cost.
    const other = await apiSession('admin');
    const url = `${harness.baseUrl}/api/plans/${draftKey}/activities/sn-akt-4`;
    const read = await readActivity(other, draftKey, 'sn-akt-4');
    const written = await other.request.put(url, { data: { ...read.item, owner: 'Förvaltningschef', incomeCost: '-300' }, headers: { 'x-csrf-token': other.csrf, 'if-match': read.etag } });
    expect(written.status()).toBe(200);

    await editor.getByRole('button', { name: 'Spara' }).click();
    const conflict = editor.getByRole('group', { name: 'Någon annan har ändrat aktiviteten' });
    await conflict.waitFor();
    await expect(activities.focused()).resolves.toMatchObject({ tag: 'h4', text: 'Någon annan har ändrat aktiviteten' });
    const row = (field: string) => conflict.locator(`tr[data-field="${field}"]`);
    await expect(row('name').locator('td').allInnerTexts()).resolves.toEqual(['LifeCare – införande', 'LifeCare']);
    await expect(row('owner').locator('td').allInnerTexts()).resolves.toEqual(['(tomt)', 'Förvaltningschef']);
    await expect(row('incomeCost').locator('td').allInnerTexts()).resolves.toEqual(['(tomt)', '-300']);
    await expect(row('name').locator('th').innerText()).resolves.toMatch(/Skiljer sig/);
    await expect(conflict.locator('thead th').allInnerTexts()).resolves.toEqual(['Fält', 'Din version (inte sparad)', 'Sparad version (version 2)']);
    // Nothing overwritten yet.
    await expect(readActivity(other, draftKey, 'sn-akt-4').then((r) => r.item.name)).resolves.toBe('LifeCare');
    expect(await axeViolations(page), 'conflict').toEqual([]);
    await screenshot(page, 'activities-conflict');

    await conflict.getByRole('button', { name: 'Behåll mina ändringar' }).click();
    await editor.getByText('Aktiviteten är sparad.').waitFor();
    const kept = await readActivity(other, draftKey, 'sn-akt-4');
    expect(kept.item.name).toBe('LifeCare – införande');
    expect(kept.item.owner).toBeUndefined();
    expect(kept.etag).toBe('"3"');

    // The other way: the saved version is taken into the form.
    await other.request.put(url, { data: { ...kept.item, name: 'LifeCare (hela förvaltningen)' }, headers: { 'x-csrf-token': other.csrf, 'if-match': kept.etag } });
    await editor.getByLabel('Namn', { exact: true }).fill('LifeCare igen');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await conflict.getByRole('button', { name: 'Använd den sparade versionen' }).click();
    await expect(editor.getByLabel('Namn', { exact: true }).inputValue()).resolves.toBe('LifeCare (hela förvaltningen)');
    await expect(readActivity(other, draftKey, 'sn-akt-4').then((r) => r.item.name)).resolves.toBe('LifeCare (hela förvaltningen)');
  });

  it('a board move that crosses another session’s change overwrites nothing and names both statuses', async () => {
    const activities = await activitiesPage('admin', draftKey);
    const { page } = activities;
    await activities.viewButton('Statustavla').click();
    await activities.card('sn-akt-6').waitFor();

    // Meanwhile another session marks the Heltidsresan activity as done.
    const other = await apiSession('admin');
    const read = await readActivity(other, draftKey, 'sn-akt-6');
    const written = await other.request.put(`${harness.baseUrl}/api/plans/${draftKey}/activities/sn-akt-6`, { data: { ...read.item, status: 'done' }, headers: { 'x-csrf-token': other.csrf, 'if-match': read.etag } });
    expect(written.status()).toBe(200);

    await activities.card('sn-akt-6').locator('select').selectOption('paused');
    await activities.card('sn-akt-6').getByRole('button', { name: /^Flytta/ }).click();
    await expect
      .poll(() => activities.message().innerText())
      .toBe('Någon annan har ändrat Fortsatt arbete med Heltidsresan sedan sidan lästes, så ingenting har skrivits över. Sparad status: Klar. Ditt val: Pausad. Tavlan visar den sparade versionen; flytta kortet igen om ditt val ska gälla.');
    await expect(activities.cardNames('Klar')).resolves.toContain('Fortsatt arbete med Heltidsresan');
    expect((await readActivity(other, draftKey, 'sn-akt-6')).item.status).toBe('done');

    // Moving again is the choice: now it is taken.
    await activities.card('sn-akt-6').locator('select').selectOption('paused');
    await activities.card('sn-akt-6').getByRole('button', { name: /^Flytta/ }).click();
    await expect.poll(() => activities.cardNames('Pausad')).toContain('Fortsatt arbete med Heltidsresan');
    expect((await readActivity(other, draftKey, 'sn-akt-6')).item.status).toBe('paused');
  });

  it('is read-only for a reader: no edit, add or move controls, the status in words', async () => {
    const activities = await activitiesPage('lasare', draftKey, 'board');
    const { page } = activities;
    await expect(activities.viewButton('Statustavla').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('select[data-move]').count()).resolves.toBe(0);
    await expect(activities.card('sn-akt-7').locator('.activity-card__status').innerText()).resolves.toBe('Status: Ej angiven');
    await activities.viewButton('Tabell').click();
    await activities.activityTable('Aktivitet').waitFor();
    await expect(page.getByRole('button', { name: /^Ändra aktiviteten/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Lägg till aktivitet/ }).count()).resolves.toBe(0);
    expect(await axeViolations(page), 'read-only table').toEqual([]);

    // In English, with the plan's content still Swedish.
    await activities.languageSwitch().click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Activities: Verksamhetsplan 2021-2023, Socialnämnden');
    await expect(activities.rowTexts('Aktivitet', 'Effektivisering').then((cells) => cells.slice(-3))).resolves.toEqual(['Not given', '–', '–']);
    expect(await axeViolations(page), 'read-only table in English').toEqual([]);
    await activities.languageSwitch().click();
  });

  it('says why when the plan is adopted while an activity is being edited (409), and locks the form', async () => {
    const activities = await activitiesPage('admin', draftKey);
    const editor = await activities.openEditor('Effektivisering');
    await editor.getByLabel('Namn', { exact: true }).fill('Effektivisering 2021');

    // Meanwhile ledning submits and adopts the draft.
    const leader = await apiSession('ledning');
    const planUrl = `${harness.baseUrl}/api/plans/${draftKey}`;
    const step = async (name: 'submit' | 'adopt', data: object) => {
      const etag = (await leader.request.get(planUrl)).headers()['etag']!;
      const response = await leader.request.post(`${planUrl}/${name}`, { data, headers: { 'x-csrf-token': leader.csrf, 'if-match': etag } });
      expect(response.status(), name).toBe(200);
    };
    await step('submit', {});
    await step('adopt', { decision: { date: '2020-12-10', body: 'Socialnämnden', paragraph: 'SN § 101' } });

    await editor.getByRole('button', { name: 'Spara' }).click();
    await expect(editor.locator('[data-message="error"]').innerText()).resolves.toBe('Planen är fastställd och aktivitetens innehåll är låst; bara statusen kan ändras. Ingenting har sparats.');
    await expect.poll(() => editor.getByLabel('Namn', { exact: true }).getAttribute('readonly')).toBe('');
    await expect(editor.locator('[data-frozen]').count()).resolves.toBe(1);
    await expect(readActivity(leader, draftKey, 'sn-akt-1').then((r) => r.item.name)).resolves.toBe('Effektivisering');
  });

  it('lets a redaktör scoped to IFO move and edit only the SN activities that belong to IFO, as the server decides', async () => {
    const activities = await activitiesPage('redaktor', adoptedKey, 'board');
    const movable = await activities.page.locator('[data-card]').evaluateAll((cards) => cards.filter((card) => card.querySelector('select')).map((card) => card.getAttribute('data-card')));
    expect(movable.sort()).toEqual(['sn-akt-2', 'sn-akt-8']);
    await activities.card('sn-akt-8').locator('select').selectOption('ongoing');
    await activities.card('sn-akt-8').getByRole('button', { name: /^Flytta/ }).click();
    await expect.poll(() => activities.message().innerText()).toMatch(/flyttades till Pågår/);

    const table = await activitiesPage('redaktor', adoptedKey, 'table');
    const editable = await table.page.locator('button[data-edit]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-edit')));
    expect(editable.sort()).toEqual(['sn-akt-2', 'sn-akt-8']);
    expect(await axeViolations(table.page), 'table with some rows editable').toEqual([]);
  });
});
