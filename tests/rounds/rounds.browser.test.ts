/**
 * A follow-up round in Chromium against the real server with the demo plans, its clock set to
 * 13 September 2017 and its mail going to a real SMTP server on 127.0.0.1: ledning opens the IFO
 * plan's delårsrapport 2017-08 (bad input first: a period outside the plan, a deadline in the
 * past); reminders arrive by mail; two unit managers with different scopes (IFO Vuxna, IFO Barn o
 * familj) write their parts in place and mark them done; one is sent back by the economist and
 * finished again; someone else's assignment is refused; ledning adopts the report; its PDF is
 * published on the plan page. axe finds nothing on the new pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, narrow, screenshot, startBrowserHarness, type BrowserHarness } from '../browser/harness.ts';
import { PlanPage } from '../browser/pages.ts';
import { apiSession, loggedInPage } from '../browser/sessions.ts';
import { startLocalSmtp, type LocalSmtp } from './harness.ts';
import { AssignmentPage, MyFollowUpPage, RoundPage, RoundsPage } from './pages.ts';

const ifo = 'timra-ifo-2018-2020';
let harness: BrowserHarness;
let smtp: LocalSmtp;

beforeAll(async () => {
  smtp = await startLocalSmtp();
  harness = await startBrowserHarness({
    env: { STYRKORT_NOW: '2017-09-13T08:00:00+02:00', STYRKORT_SMTP_HOST: '127.0.0.1', STYRKORT_SMTP_PORT: String(smtp.port), STYRKORT_SMTP_FROM: 'Styrkort Timrå <styrkort@timra.se>', STYRKORT_REMINDER_INTERVAL_MS: '1000' },
  });
  for (const [username, address] of [['vuxna', 'vera.vuxen@timra.se'], ['barnfamilj', 'bo.barn@timra.se'], ['ledning', 'lena.ledning@timra.se']]) {
    const { request, csrf } = await apiSession(harness, username!);
    const response = await request.put(`${harness.baseUrl}/api/users/${username}/mail-address`, { data: { address }, headers: { 'x-csrf-token': csrf } });
    expect(response.status()).toBe(200);
  }
});
afterAll(async () => {
  await harness?.close();
  await smtp?.close();
});

describe('a follow-up round in the browser', () => {
  it('refuses a period outside the plan and a deadline in the past in Swedish, then opens the delårsrapport 2017-08', async () => {
    const page = await loggedInPage(harness, 'ledning');
    await new PlanPage(page, harness.baseUrl, ifo).open();
    await page.getByRole('link', { name: 'Uppföljningsomgångar' }).click();
    const rounds = new RoundsPage(page, harness.baseUrl, ifo);
    await rounds.ready();
    await expect(page.getByText('Planen har inga uppföljningsomgångar än.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await rounds.openRound({ period: '2030-T1', deadline: '2030-05-15' });
    await rounds.error().waitFor();
    await expect(rounds.error().innerText()).resolves.toContain('Perioden 2030-T1 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020');
    await rounds.openRound({ period: '2017-08', deadline: '2017-09-01' });
    await page.getByText('Sista dag 1 september 2017 har redan passerat (i dag är det 13 september 2017)').waitFor();
    await expect(page.locator('#rounds').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await rounds.openRound({ period: '2017-08', deadline: '2017-09-15', reminderDays: '3' });
    await page.waitForURL(/\/omgangar\/2017-08$/);
    const round = new RoundPage(page, harness.baseUrl, ifo, '2017-08');
    await round.ready();
    await expect(round.heading().innerText()).resolves.toBe('Delårsrapport januari–augusti 2017');
    expect(await round.rowTexts('ifo-vuxna')).toEqual(['IFO, Vuxna', 'Demo: enhetschef IFO Vuxna', 'Inte påbörjad', '3 av 3 delar']);
    expect(await round.rowTexts('ifo-barn-o-familj')).toEqual(['IFO, Barn o familj', 'Demo: enhetschef IFO Barn o familj', 'Inte påbörjad', '3 av 3 delar']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'round-opened');
  });

  it('mails each responsible a reminder three days before the deadline', async () => {
    const mail = await smtp.waitFor(2, 60_000);
    const subjects = mail.map((message) => `${message.to.join(',')}: ${message.subject}`).sort();
    expect(subjects).toEqual(['bo.barn@timra.se: Påminnelse: uppföljningen för IFO, Barn o familj senast 15 september 2017', 'vera.vuxen@timra.se: Påminnelse: uppföljningen för IFO, Vuxna senast 15 september 2017']);
    expect(mail.find((message) => message.to.includes('vera.vuxen@timra.se'))!.text).toContain(`/planer/${ifo}/omgangar/2017-08/ifo-vuxna`);
  });

  it('lets IFO Vuxna write its parts in place beside the figures and mark the assignment done', async () => {
    const page = await loggedInPage(harness, 'vuxna');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min uppföljning' }).click();
    const mine = new MyFollowUpPage(page, harness.baseUrl);
    await mine.ready();
    const row = (await mine.row('ifo-vuxna').locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(row).toEqual(['IFO, Vuxna', 'Delårsrapport januari–augusti 2017 · Verksamhetsplan för Individ- och familjeomsorgen i Timrå kommun 2018-2020', '15 september 2017', 'Inte påbörjad', '3 av 3 delar']);
    await mine.notices().filter({ hasText: 'Påminnelse: uppföljningen för IFO, Vuxna senast 15 september 2017' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await mine.row('ifo-vuxna').getByRole('link').click();
    const assignment = new AssignmentPage(page, harness.baseUrl, ifo, '2017-08', 'ifo-vuxna');
    await assignment.ready();
    // The deviation is shown beside the text: budget against the August forecast.
    const figures = assignment.item('analysis:rr-ifo-vuxna').locator('table');
    await expect(figures.locator('caption').innerText()).resolves.toBe('Avvikelser för IFO, Vuxna');
    await expect(figures.locator('tbody tr').first().innerText()).resolves.toContain('Stor avvikelse');
    await expect(assignment.item('analysis:rr-ifo-vuxna').locator('.round-item__forecast').innerText()).resolves.toContain('IFO, Vuxna nettokostnader: -31 501 (Prognos 2017 aug); plan eller budget -34 201');
    await expect(assignment.left().innerText()).resolves.toBe('Kvar att skriva: 3 av 3 delar.');
    expect(await axeViolations(page)).toEqual([]);

    await assignment.write('analysis:rr-ifo-vuxna', 'Fler placeringar på HVB än budgeterat under våren.');
    await assignment.markDone().click();
    await assignment.doneMessage().waitFor();
    await expect(assignment.doneMessage().innerText()).resolves.toContain('Uppdraget för IFO, Vuxna kan inte markeras som klart: 2 delar saknas.');
    await expect(assignment.doneMessage().innerText()).resolves.toContain('Viktiga händelser: text saknas');
    await assignment.write('section:viktiga-handelser', 'Ny enhetschef från 1 maj.');
    await assignment.write('section:framtid', 'Fler ärenden väntas under hösten.');
    await assignment.markDone().click();
    await page.getByText('Uppdraget är markerat som klart.').waitFor();
    await expect(page.locator('.round-facts .assignment-status').getAttribute('data-status')).resolves.toBe('done');
    await screenshot(page, 'round-assignment-done');
    // At 320 px the assignment fits the width: only its tables scroll, in their own region.
    await page.setViewportSize(narrow);
    await expect(assignment.scrollsSideways()).resolves.toBe(false);
    await screenshot(page, 'round-assignment-320');
  });

  it('lets IFO Barn o familj do its own, and refuses it someone else\'s assignment', async () => {
    const page = await loggedInPage(harness, 'barnfamilj');
    const others = await new AssignmentPage(page, harness.baseUrl, ifo, '2017-08', 'ifo-vuxna').open();
    await expect(page.getByText('Du kan läsa uppdraget; bara den ansvarige skriver i det.').isVisible()).resolves.toBe(true);
    await expect(others.page.getByRole('textbox').count()).resolves.toBe(0);
    const { request, csrf } = await apiSession(harness, 'barnfamilj');
    const url = `${harness.baseUrl}/api/plans/${ifo}/rounds/2017-08/assignments/ifo-vuxna`;
    const etag = (await request.get(url)).headers()['etag']!;
    const refused = await request.post(`${url}/send-back`, { data: { comment: 'x' }, headers: { 'x-csrf-token': csrf, 'if-match': etag } });
    expect(refused.status()).toBe(403);
    const finish = await request.put(`${url}/items/${encodeURIComponent('section:framtid')}`, { data: { text: 'Inte min' }, headers: { 'x-csrf-token': csrf, 'if-match': '"1"' } });
    expect(finish.status()).toBe(403);
    expect((await finish.json()).message).toBe('Uppdraget för IFO, Vuxna är vuxnas; bara den ansvarige kan skriva i det eller markera det som klart');

    const own = await new AssignmentPage(page, harness.baseUrl, ifo, '2017-08', 'ifo-barn-o-familj').open();
    await own.write('analysis:rr-ifo-barn-o-familj', 'Lägre intäkter från Migrationsverket än budgeterat.');
    await own.write('section:viktiga-handelser', 'Två nya familjehem.');
    await own.write('section:framtid', 'Oförändrat.');
    await own.markDone().click();
    await page.getByText('Uppdraget är markerat som klart.').waitFor();
  });

  it('lets the economist send IFO Vuxna back with a comment, and the unit finish it again', async () => {
    const page = await loggedInPage(harness, 'ekonom');
    const round = await new RoundPage(page, harness.baseUrl, ifo, '2017-08').open();
    await round.row('ifo-vuxna').getByRole('button', { name: 'Skicka tillbaka IFO, Vuxna' }).click();
    await round.row('ifo-vuxna').getByLabel('Vad behöver göras?').fill('Beskriv hur prognosen ska nås.');
    await round.row('ifo-vuxna').getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
    await page.getByText('Uppdraget för IFO, Vuxna är skickat tillbaka.').waitFor();
    await expect(round.row('ifo-vuxna').getAttribute('data-status')).resolves.toBe('sent-back');
    expect(await round.rowTexts('ifo-vuxna')).toContain('Skickad tillbaka Skickad tillbaka av ekonom: Beskriv hur prognosen ska nås.');
    expect(await axeViolations(page)).toEqual([]);

    const unit = await loggedInPage(harness, 'vuxna');
    const assignment = await new AssignmentPage(unit, harness.baseUrl, ifo, '2017-08', 'ifo-vuxna').open();
    await unit.getByText('Skickat tillbaka av ekonom: Beskriv hur prognosen ska nås.').waitFor();
    await assignment.write('analysis:rr-ifo-vuxna', 'Fler placeringar på HVB än budgeterat under våren.\n\nPrognosen nås genom fler insatser på hemmaplan.');
    await assignment.markDone().click();
    await unit.getByText('Uppdraget är markerat som klart.').waitFor();
  });

  it('shows where each unit stands, then ledning submits and adopts the report', async () => {
    const page = await loggedInPage(harness, 'ledning');
    const round = await new RoundPage(page, harness.baseUrl, ifo, '2017-08').open();
    // Ledning over Socialnämnden is a controller too: it may send a done assignment back.
    expect(await round.rowTexts('ifo-vuxna')).toEqual(['IFO, Vuxna', 'Demo: enhetschef IFO Vuxna', 'Klar', 'Allt skrivet', 'Skicka tillbaka IFO, Vuxna']);
    expect(await round.rowTexts('ekb')).toEqual(['EKB, Ensamkommande barn', 'Demo: redaktör IFO', 'Inte påbörjad', '3 av 3 delar', '']);
    await expect(page.locator('[data-progress]').innerText()).resolves.toBe('2 av 5 uppdrag klara.');
    await page.getByLabel('Lämna in fast alla uppdrag inte är klara').check();
    await page.getByRole('button', { name: 'Lämna in rapporten' }).click();
    await page.getByText('Rapporten är inlämnad.').waitFor();
    await page.getByRole('button', { name: 'Fastställ rapporten' }).click();
    // The form's first field has focus as soon as the form shows, before anything is typed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel('Beslutsdatum').getAttribute('id'));
    await page.getByLabel('Beslutsdatum').fill('2017-09-27');
    await page.getByLabel('Beslutande organ').fill('Socialnämnden');
    await page.getByLabel('Paragraf').fill('SN § 112');
    await page.getByLabel('Diarienummer (valfritt)').fill('SN 2017/88');
    const filled = await Promise.all(['Beslutsdatum', 'Beslutande organ', 'Paragraf', 'Diarienummer (valfritt)'].map((label) => page.getByLabel(label).inputValue()));
    expect(filled).toEqual(['2017-09-27', 'Socialnämnden', 'SN § 112', 'SN 2017/88']);
    await page.getByRole('button', { name: 'Fastställ med beslutet' }).click();
    await page.getByText('Rapporten är fastställd och publicerad.').waitFor();
    // Polled on the status line itself, so that a miss shows what the page says instead.
    await expect.poll(() => page.locator('[data-round-status]').innerText()).toBe('Fastställd. Beslut: Socialnämnden 2017-09-27 SN § 112 dnr SN 2017/88');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'round-adopted');
  });

  it('publishes the adopted report on the public plan page, its PDF with the contributions and who wrote them', async () => {
    const plan = await new PlanPage(await harness.newPage(), harness.baseUrl, ifo).open();
    const published = plan.page.getByRole('region', { name: 'Fastställda uppföljningar' });
    await published.getByRole('heading', { name: 'Delårsrapport januari–augusti 2017' }).waitFor();
    const pdfLink = published.getByRole('link', { name: 'Delårsrapport januari–augusti 2017 som PDF' });
    const href = await pdfLink.getAttribute('href');
    expect(await axeViolations(plan.page)).toEqual([]);
    const response = await plan.page.context().request.get(harness.baseUrl + href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'styrkort-omgang-')), 'rapport.pdf');
    writeFileSync(file, await response.body());
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Beslut: Socialnämnden 2017-09-27 SN § 112 dnr SN 2017/88');
    expect(text).toContain('Prognosen nås genom fler insatser på hemmaplan.');
    expect(text).toContain('Analys: Demo: enhetschef IFO Vuxna, IFO, Vuxna');
    expect(text).toContain('Skrivet av Demo: enhetschef IFO Barn o familj');
  });
});
