/**
 * Logged-in use in Chromium against the real server: logging in and out (and an ended session),
 * editing an indicator's target and outcome on a draft with the status recomputed, a conflicting
 * write from a second session shown side by side, and adopting a draft as ledning after which a
 * target edit is refused. Every editing view passes axe. The draft is rolled over via the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sessions from './sessions.ts';
import { axeViolations, narrow, screenshot, screenshotOf, startBrowserHarness, type BrowserHarness } from './harness.ts';
import { EditableScorecardPage, LoginPage, PlanPage } from './pages.ts';

const draftKey = 'timra-sn-2021-2023';

let harness: BrowserHarness;

/** A second session straight against the API (its own cookie jar), with its CSRF token. */
const apiSession = (username: string) => sessions.apiSession(harness, username);
const loggedInPage = (username: string) => sessions.loggedInPage(harness, username);

beforeAll(async () => {
  harness = await startBrowserHarness();
  await sessions.rolledOverDraft(harness, { from: 'timra-sn-2020-2022', to: '2021-2023' });
});
afterAll(async () => {
  await harness?.close();
});

describe('logged in: login, editing, conflicts and the workflow', () => {
  it('logs in with labelled fields, explains a failure in a live region, shows who is logged in, handles an ended session and logs out', async () => {
    const login = await new LoginPage(await harness.newPage(), harness.baseUrl).open();
    const { page } = login;
    await expect(login.heading().innerText()).resolves.toBe('Logga in');
    expect(await axeViolations(page), 'login page').toEqual([]);
    await login.submit('admin', 'fel-lösenord');
    await expect(login.error().getAttribute('aria-live')).resolves.toBe('assertive');
    await login.error().locator('p').waitFor();
    await expect(login.error().innerText()).resolves.toMatch(/^Inloggningen misslyckades: /);
    await expect(login.focused()).resolves.toMatchObject({ tag: 'input' });
    expect(await axeViolations(page), 'login page with error').toEqual([]);
    await screenshot(page, 'login-error');

    await login.logIn('admin');
    await expect(page.locator('.account__who').innerText()).resolves.toMatch(/^Inloggad som .+ \(administratör\)$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Verksamhetsplaner');

    // The session ends behind the page's back: the next API call brings the reader to the login page.
    const card = await new EditableScorecardPage(page, harness.baseUrl, draftKey, '2021').open();
    await page.context().clearCookies();
    await card.indicatorRow('st-3.1.2').getByRole('button', { name: /^Ändra styrtalet/ }).click();
    await page.waitForURL(/\/logga-in\?/);
    await expect(page.getByText('Din session har gått ut eller avslutats').count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Logga in' }).count()).resolves.toBe(0);
    await screenshot(page, 'login-expired');
    await login.logIn('admin');
    await page.waitForURL(/\/styrkort\?period=2021$/);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('link', { name: 'Logga in' }).waitFor();
    await expect(page.locator('.account__who').count()).resolves.toBe(0);

    // In English too.
    await login.languageSwitch().click();
    await page.getByRole('link', { name: 'Log in' }).click();
    await login.ready();
    await expect(page.getByLabel('Username', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Password', { exact: true }).count()).resolves.toBe(1);
    expect(await axeViolations(page), 'login page in English').toEqual([]);
  });

  it('the plan page offers the document in four formats', async () => {
    const plan = await new PlanPage(await loggedInPage('lasare'), harness.baseUrl, draftKey).open();
    const links = plan.page.getByRole('region', { name: 'Ladda ner planen' }).getByRole('link');
    await expect(links.allInnerTexts()).resolves.toEqual(['PDF', 'Word', 'Excel', 'HTML']);
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['pdf', 'docx', 'xlsx', 'html'].map((ext) => `/api/plans/${draftKey}/document.${ext}`));
    const pdf = await plan.page.context().request.get(harness.baseUrl + hrefs[0]!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // A reader sees no workflow and no edit buttons.
    await expect(plan.page.getByRole('button', { name: 'Lämna in planen' }).count()).resolves.toBe(0);
  });

  it('an editor changes a target and an outcome on a draft, with the target read as typed, and the status follows', async () => {
    const page = await loggedInPage('admin');
    const card = await new EditableScorecardPage(page, harness.baseUrl, draftKey, '2021').open();
    await expect(card.statusText('st-3.1.2')).resolves.toBe('Ej mätt');
    const editor = await card.openEditor('st-3.1.2');
    await expect(card.focused()).resolves.toMatchObject({ tag: 'h3' });
    const target = editor.getByLabel('Målvärde 2021', { exact: true });
    await target.fill('ungefär som förra året, typ');
    const feedback = editor.locator('.field', { has: page.getByLabel('Målvärde 2021', { exact: true }) }).locator('[data-feedback]');
    await expect(feedback.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(feedback.innerText()).resolves.toBe('Kan inte läsas som ett tal; statusen bedöms för hand.');
    await target.fill('> 90 %');
    await expect(feedback.innerText()).resolves.toBe('Tolkas som: Över 90 %');
    await editor.getByLabel('Period för nytt utfall (ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM)').fill('2021');
    await editor.getByLabel('Nytt utfall', { exact: true }).fill('95 %');
    expect(await axeViolations(page), 'editor').toEqual([]);
    await screenshot(page, 'editor-draft');
    await screenshotOf(editor, 'editor-draft-part');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.getByText('Ändringen är sparad.').waitFor();
    await expect(card.statusText('st-3.1.2')).resolves.toMatch(/^Grön/);

    // A worse outcome turns the light red.
    await editor.getByLabel('Utfall 2021', { exact: true }).fill('50 %');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => card.statusText('st-3.1.2')).toMatch(/^Röd/);

    // The history lists both changes, who made them and what they were.
    await editor.locator('summary', { hasText: 'Ändringshistorik' }).click();
    const history = editor.getByRole('table', { name: 'Ändringar, senaste först' });
    await history.waitFor();
    await expect(history.innerText()).resolves.toContain('2021: 50 %');
    await expect(history.innerText()).resolves.toContain('2021: > 90 %');
    await expect(history.locator('tbody tr').first().innerText()).resolves.toMatch(/admin\s+Ändrat utfall: 2021: 95 % → 2021: 50 %/);
    expect(await axeViolations(page), 'editor with history').toEqual([]);
    await screenshot(page, 'editor-saved-history');
    await screenshotOf(editor, 'editor-saved-history-part');

    // At 320 px the header with the account and the editor fit the width.
    await page.setViewportSize(narrow);
    await expect(card.scrollsSideways()).resolves.toBe(false);
    expect(await axeViolations(page), 'editor at 320 px').toEqual([]);
    await screenshotOf(editor, 'editor-320');
    await screenshotOf(page.locator('.site-header'), 'header-logged-in-320');

    // In English, with the content still Swedish.
    await page.setViewportSize({ width: 1280, height: 900 });
    await card.languageSwitch().click();
    await expect(editor.getByRole('heading', { level: 3 }).innerText()).resolves.toBe('Edit indicator: 3.1.2 Hålla servicedeklarationer');
    await expect(editor.locator('.field', { has: page.getByLabel('Target 2021', { exact: true }) }).locator('[data-feedback]').innerText()).resolves.toBe('Read as: Över 90 %');
    await expect(editor.locator('[data-message]').innerText()).resolves.toBe('The change is saved.');
    expect(await axeViolations(page), 'editor in English').toEqual([]);
    await screenshotOf(editor, 'editor-en');
    await card.languageSwitch().click();

    // Escape closes the editor and gives focus back to its button.
    await editor.getByLabel('Utfall 2021', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect(editor.count()).resolves.toBe(0);
    await expect(card.focused()).resolves.toMatchObject({ tag: 'button', text: 'Ändra' });
  });

  it('a conflicting save from another session is shown side by side; nothing is overwritten until the editor chooses', async () => {
    const page = await loggedInPage('admin');
    const card = await new EditableScorecardPage(page, harness.baseUrl, draftKey, '2021').open();
    const editor = await card.openEditor('st-3.1.2');
    await editor.getByLabel('Utfall 2021', { exact: true }).fill('96 %');

    // Meanwhile another session saves a different outcome.
    const other = await apiSession('admin');
    const url = `${harness.baseUrl}/api/plans/${draftKey}/indicators/st-3.1.2`;
    const read = await other.request.get(url);
    const item = (await read.json()) as { actuals: Array<{ period: string; text: string }> };
    const written = await other.request.put(url, {
      data: { ...item, actuals: item.actuals.map((a) => (a.period === '2021' ? { ...a, text: '70 %' } : a)) },
      headers: { 'x-csrf-token': other.csrf, 'if-match': read.headers()['etag']! },
    });
    expect(written.status()).toBe(200);

    await editor.getByRole('button', { name: 'Spara' }).click();
    const conflict = editor.getByRole('group', { name: 'Någon annan har ändrat styrtalet' });
    await conflict.waitFor();
    await expect(card.focused()).resolves.toMatchObject({ tag: 'h4', text: 'Någon annan har ändrat styrtalet' });
    await expect(conflict.getByRole('region', { name: 'Din version (inte sparad)' }).innerText()).resolves.toContain('96 %');
    await expect(conflict.getByRole('region', { name: /^Sparad version/ }).innerText()).resolves.toContain('70 %');
    // Still the other session's value on the server.
    await expect((await other.request.get(url)).json()).resolves.toMatchObject({ actuals: [{ period: '2021', text: '70 %' }] });
    expect(await axeViolations(page), 'conflict view').toEqual([]);
    await screenshot(page, 'editor-conflict');
    await screenshotOf(editor, 'editor-conflict-part');

    await conflict.getByRole('button', { name: 'Behåll min version' }).click();
    await editor.getByText('Ändringen är sparad.').waitFor();
    await expect((await other.request.get(url)).json()).resolves.toMatchObject({ actuals: [{ period: '2021', text: '96 %' }] });
    await expect(card.statusText('st-3.1.2')).resolves.toMatch(/^Grön/);

    // And the other way: take the saved version.
    await other.request
      .get(url)
      .then(async (r) => other.request.put(url, { data: { ...((await r.json()) as object), actuals: [{ period: '2021', text: '40 %' }] }, headers: { 'x-csrf-token': other.csrf, 'if-match': r.headers()['etag']! } }));
    await editor.getByLabel('Utfall 2021', { exact: true }).fill('99 %');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await conflict.getByRole('button', { name: 'Ta den sparade versionen' }).click();
    await expect(editor.getByLabel('Utfall 2021', { exact: true }).inputValue()).resolves.toBe('40 %');
    await expect.poll(() => card.statusText('st-3.1.2')).toMatch(/^Röd/);
  });

  it('ledning submits and adopts the draft with its decision; a target edit is then refused as frozen', async () => {
    const editorPage = await loggedInPage('admin');
    const card = await new EditableScorecardPage(editorPage, harness.baseUrl, draftKey, '2021').open();
    const editor = await card.openEditor('st-3.1.1');

    const plan = await new PlanPage(await loggedInPage('ledning'), harness.baseUrl, draftKey).open();
    const { page } = plan;
    await expect(page.locator('.account__who').innerText()).resolves.toMatch(/\(ledning\)$/);
    const workflow = page.getByRole('region', { name: 'Planens status' });
    await expect(workflow.locator('.workflow__status').innerText()).resolves.toBe('Status: Utkast');
    // Another session submits first: the step is refused as stale, and the page reads the plan again.
    const other = await apiSession('ledning');
    const current = await other.request.get(`${harness.baseUrl}/api/plans/${draftKey}`);
    const submitted = await other.request.post(`${harness.baseUrl}/api/plans/${draftKey}/submit`, { data: {}, headers: { 'x-csrf-token': other.csrf, 'if-match': current.headers()['etag']! } });
    expect(submitted.status()).toBe(200);
    await workflow.getByRole('button', { name: 'Lämna in planen' }).click();
    await workflow.getByText(/Planen har ändrats sedan sidan lästes/).waitFor();
    await expect(workflow.locator('.workflow__status').innerText()).resolves.toBe('Status: Inlämnad');
    await workflow.getByRole('button', { name: 'Öppna planen igen' }).click();
    await workflow.getByText('Planen är ett utkast igen.').waitFor();
    await workflow.getByRole('button', { name: 'Lämna in planen' }).click();
    await workflow.getByText('Planen är inlämnad.').waitFor();
    await expect(workflow.locator('.workflow__status').innerText()).resolves.toBe('Status: Inlämnad');

    await workflow.getByRole('button', { name: 'Fastställ planen' }).click();
    await expect(workflow.getByRole('button', { name: 'Fastställ planen' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const form = workflow.getByRole('form', { name: 'Beslut om fastställelse' });
    // An incomplete decision is refused with the server's reasons.
    await form.getByRole('button', { name: 'Fastställ med detta beslut' }).click();
    await workflow.getByText(/Steget kunde inte tas: Beslutet är ofullständigt/).waitFor();
    await form.getByLabel('Beslutsdatum').fill('2020-12-15');
    await form.getByLabel('Beslutande organ').fill('Socialnämnden');
    await form.getByLabel('Paragraf').fill('SN § 112');
    await form.getByLabel('Diarienummer (valfritt)').fill('SN 2020/45');
    expect(await axeViolations(page), 'workflow with adoption form').toEqual([]);
    await screenshot(page, 'plan-workflow-adopt');
    await screenshotOf(page.locator('.plan-header'), 'plan-workflow-adopt-part');
    await form.getByRole('button', { name: 'Fastställ med detta beslut' }).click();
    await workflow.getByText('Planen är fastställd.').waitFor();
    await expect(workflow.locator('.workflow__status').innerText()).resolves.toBe('Status: Fastställd');
    await expect(workflow.getByRole('button', { name: 'Arkivera planen' }).count()).resolves.toBe(1);
    await expect(page.locator('.plan-header__facts').innerText()).resolves.toContain('SN § 112');

    // The editor opened before the adoption: its target change is refused, and says why.
    await editor.getByLabel('Målvärde 2021', { exact: true }).fill('> 20 per förvaltning');
    await editor.getByRole('button', { name: 'Spara' }).click();
    await editor.locator('[data-message="error"]').waitFor();
    await expect(editor.locator('[data-message="error"]').innerText()).resolves.toMatch(/^Planen är fastställd och låst för ändringar av målvärden\. Ingenting har sparats\./);
    await editor.locator('[data-frozen]').waitFor();
    await expect(editor.getByLabel('Målvärde 2021', { exact: true }).count()).resolves.toBe(0);
    expect(await axeViolations(editorPage), 'frozen editor').toEqual([]);
    await screenshot(editorPage, 'editor-frozen');
    await screenshotOf(editor, 'editor-frozen-part');
  });
});
