/**
 * A follow-up round through the API, on the demo IFO plan's delårsrapport 2017-08 at a clock set
 * to 1 September 2017: ledning opens it; IFO Vuxna and IFO Barn o familj write their parts in
 * place and mark them done; the controller sends one back; bad input (a deadline in the past, a
 * period outside the plan, someone else's assignment, a stale version) gets a Swedish message and
 * changes nothing; the report is submitted, adopted with its decision, frozen and public.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, followUpRounds, roundContributions } from '../../src/db/schema.ts';
import { ifo, startRoundApi, type Client, type RoundApi } from './harness.ts';

const rounds = `/api/plans/${ifo}/rounds`;
const round = `${rounds}/2017-08`;
const vuxnaUrl = `${round}/assignments/ifo-vuxna`;
const barnUrl = `${round}/assignments/ifo-barn-o-familj`;
const item = (assignment: string, key: string) => `${assignment}/items/${encodeURIComponent(key)}`;

let api: RoundApi;
let ledning: Client;
let vuxna: Client;
let barnfamilj: Client;
let ekonom: Client;
let redaktor: Client;

const changes = async () => ({
  audit: (await api.database.db.select({ n: count() }).from(auditEvents))[0]!.n,
  rounds: (await api.database.db.select({ n: count() }).from(followUpRounds))[0]!.n,
  written: (await api.database.db.select({ n: count() }).from(roundContributions))[0]!.n,
});

beforeAll(async () => {
  api = await startRoundApi({ now: '2017-09-01T09:00:00+02:00' });
  [ledning, vuxna, barnfamilj, ekonom, redaktor] = await Promise.all([api.as('ledning'), api.as('vuxna'), api.as('barnfamilj'), api.as('ekonom'), api.as('redaktor')]);
});
afterAll(() => api?.close());

describe('opening a round', () => {
  it('refuses a deadline in the past and a period outside the plan, in Swedish, and creates nothing', async () => {
    const before = await changes();
    const past = await ledning.send('POST', rounds, { period: '2017-08', deadline: '2017-08-31' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'validation', message: 'Omgången kan inte öppnas (1 fel); ingenting har sparats', problems: [{ path: '$.deadline', message: 'Sista dag 31 augusti 2017 har redan passerat (i dag är det 1 september 2017)' }] });
    const outside = await ledning.send('POST', rounds, { period: '2030-T1', deadline: '2030-05-15' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().problems).toEqual([{ path: '$.period', message: 'Perioden 2030-T1 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020' }]);
    const notADate = await ledning.send('POST', rounds, { period: '2017-08', deadline: '15/9 2017' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().problems[0]).toMatchObject({ path: '$.deadline', message: 'Ange datumet som ÅÅÅÅ-MM-DD, t.ex. 2017-09-15' });
    const byEditor = await redaktor.send('POST', rounds, { period: '2017-08', deadline: '2017-09-15' });
    expect(byEditor.statusCode).toBe(403);
    expect(await changes()).toEqual(before);
  });

  it('opens the delårsrapport 2017-08 with an assignment per node and its responsible', async () => {
    const response = await ledning.send('POST', rounds, { period: '2017-08', deadline: '2017-09-15', reminderDays: 3 });
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(round);
    expect(response.headers.etag).toBe('"1"');
    const view = response.json();
    expect(view).toMatchObject({ plan: ifo, period: '2017-08', title: 'Delårsrapport januari–augusti 2017', status: 'open', deadline: '2017-09-15', owner: 'ledning', today: '2017-09-01', overdue: 0 });
    expect(view.assignments.map((a: { node: string; responsible: string; status: string; items: number }) => [a.node, a.responsible, a.status, a.items])).toEqual([
      ['ifo', 'redaktor', 'not-started', 41],
      ['ifo-barn-o-familj', 'barnfamilj', 'not-started', 3],
      ['ifo-vuxna', 'vuxna', 'not-started', 3],
      ['forsorjningsstod-utbetaln', 'redaktor', 'not-started', 3],
      ['ekb', 'ekonom-ekb', 'not-started', 3],
    ]);
    const again = await ledning.send('POST', rounds, { period: '2017-08', deadline: '2017-09-15' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Planen timra-ifo-2018-2020 har redan en uppföljningsomgång för augusti 2017; ingenting har sparats');
  });

  it('is listed for accounts, and hidden from the public until adopted', async () => {
    expect((await ledning.get(rounds)).json().rounds).toHaveLength(1);
    expect((await api.anonymous.get(rounds)).json().rounds).toHaveLength(0);
    expect((await api.anonymous.get(round)).statusCode).toBe(401);
  });
});

describe('doing an assignment', () => {
  it('shows each item with what is missing; the deviation\'s analysis is asked for first', async () => {
    const response = await vuxna.get(vuxnaUrl);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.may).toEqual({ write: true, review: false, manage: false });
    expect(view.items.map((entry: { key: string; version: number; missing: string[] }) => [entry.key, entry.version, entry.missing])).toEqual([
      ['analysis:rr-ifo-vuxna', 0, ['Analys saknas']],
      ['section:viktiga-handelser', 0, ['Text saknas']],
      ['section:framtid', 0, ['Text saknas']],
    ]);
    expect((await barnfamilj.get(vuxnaUrl)).json().may.write).toBe(false);
  });

  it('refuses someone else finishing or writing the assignment, and changes nothing', async () => {
    const before = await changes();
    const done = await barnfamilj.send('POST', `${vuxnaUrl}/done`, undefined, { 'if-match': '"1"' });
    expect(done.statusCode).toBe(403);
    expect(done.json()).toMatchObject({ code: 'forbidden', message: 'Uppdraget för IFO, Vuxna är vuxnas; bara den ansvarige kan skriva i det eller markera det som klart' });
    const write = await redaktor.send('PUT', item(vuxnaUrl, 'analysis:rr-ifo-vuxna'), { text: 'Inte min text.' }, { 'if-match': '"0"' });
    expect(write.statusCode).toBe(403);
    expect(await changes()).toEqual(before);
  });

  it('writes an item with its version, refuses a stale one and keeps both apart', async () => {
    const url = item(vuxnaUrl, 'analysis:rr-ifo-vuxna');
    const text = 'Fler placeringar på HVB än budgeterat under våren.\n\nÅtgärd: fler insatser på hemmaplan.';
    const first = await vuxna.send('PUT', url, { text }, { 'if-match': '"0"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ key: 'analysis:rr-ifo-vuxna', text, assessment: null, version: 1 });
    expect(first.headers.etag).toBe('"1"');
    const stale = await vuxna.send('PUT', url, { text: 'En äldre version' }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details.current).toEqual({ version: 1, item: { text, assessment: null } });
    expect((await vuxna.send('PUT', url, { text: 'Utan version' })).statusCode).toBe(428);
    expect((await vuxna.send('PUT', url, { text, assessment: 'green' }, { 'if-match': '"1"' })).json().message).toBe('IFO, Vuxna: Analys har ingen bedömning; lämna den tom. Ingenting har sparats.');
    expect((await vuxna.get(vuxnaUrl)).json().status).toBe('in-progress');
  });

  it('refuses "Markera som klar" while parts are missing, naming them', async () => {
    const response = await vuxna.send('POST', `${vuxnaUrl}/done`, undefined, { 'if-match': '"1"' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      message: 'Uppdraget för IFO, Vuxna kan inte markeras som klart: 2 delar saknas. Ingenting har ändrats.',
      problems: [
        { path: '$.items.section:viktiga-handelser', message: 'Viktiga händelser: text saknas' },
        { path: '$.items.section:framtid', message: 'Framtid: text saknas' },
      ],
    });
  });

  it('marks done when everything is written; the owner gets a notice', async () => {
    await write(vuxna, vuxnaUrl, 'section:viktiga-handelser', 'Ny enhetschef från 1 maj.');
    await write(vuxna, vuxnaUrl, 'section:framtid', 'Fler ärenden väntas under hösten.');
    const done = await vuxna.send('POST', `${vuxnaUrl}/done`, undefined, { 'if-match': '"1"' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', missing: 0, version: 2 });
    expect(done.headers.etag).toBe('"2"');
    const notices = (await ledning.get('/api/me/notices')).json();
    expect(notices.notices[0]).toMatchObject({ kind: 'done', message: 'IFO, Vuxna har markerat sin uppföljning för augusti 2017 som klar.', plan: ifo, period: '2017-08', read: false });
    // A done assignment is not written in until it is sent back.
    const late = await vuxna.send('PUT', item(vuxnaUrl, 'section:framtid'), { text: 'Ändrat' }, { 'if-match': '"1"' });
    expect(late.statusCode).toBe(409);
  });

  it('lets a controller send it back with a comment, and the unit finish it again', async () => {
    const byEditor = await redaktor.send('POST', `${vuxnaUrl}/send-back`, { comment: 'Mer om kostnaderna' }, { 'if-match': '"2"' });
    expect(byEditor.statusCode).toBe(403);
    const empty = await ekonom.send('POST', `${vuxnaUrl}/send-back`, { comment: '  ' }, { 'if-match': '"2"' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('Skriv vad som behöver göras innan uppdraget skickas tillbaka; ingenting har ändrats');
    const back = await ekonom.send('POST', `${vuxnaUrl}/send-back`, { comment: 'Beskriv hur prognosen −2 mnkr ska nås.' }, { 'if-match': '"2"' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'sent-back', sentBack: { by: 'ekonom', comment: 'Beskriv hur prognosen −2 mnkr ska nås.' }, version: 3 });
    expect((await vuxna.get('/api/me/notices')).json().notices[0].message).toBe('Uppföljningen för IFO, Vuxna i augusti 2017 har skickats tillbaka: Beskriv hur prognosen −2 mnkr ska nås.');
    await write(vuxna, vuxnaUrl, 'analysis:rr-ifo-vuxna', 'Fler placeringar på HVB än budgeterat under våren.\n\nPrognosen nås genom fler insatser på hemmaplan.');
    expect((await vuxna.send('POST', `${vuxnaUrl}/done`, undefined, { 'if-match': '"3"' })).json().status).toBe('done');
  });

  it('lists the account\'s own assignments with what is missing (Min uppföljning)', async () => {
    await write(barnfamilj, barnUrl, 'analysis:rr-ifo-barn-o-familj', 'Lägre intäkter från Migrationsverket.');
    const mine = (await barnfamilj.get('/api/me/assignments')).json();
    expect(mine.assignments).toEqual([expect.objectContaining({ plan: ifo, period: '2017-08', node: 'ifo-barn-o-familj', nodeName: 'IFO, Barn o familj', status: 'in-progress', items: 3, missing: 2, deadline: '2017-09-15', overdue: false, title: 'Delårsrapport januari–augusti 2017' })]);
    await write(barnfamilj, barnUrl, 'section:viktiga-handelser', 'Två nya familjehem.');
    await write(barnfamilj, barnUrl, 'section:framtid', 'Oförändrat.');
    expect((await barnfamilj.send('POST', `${barnUrl}/done`, undefined, { 'if-match': '"1"' })).statusCode).toBe(200);
  });

  it('shows late assignments as overdue once the deadline has passed', async () => {
    api.clock.set('2017-09-18T09:00:00+02:00');
    const view = (await ledning.get(round)).json();
    expect(view.counts).toEqual({ 'not-started': 3, 'in-progress': 0, done: 2, 'sent-back': 0 });
    expect(view.overdue).toBe(3);
    expect(view.assignments.filter((entry: { overdue: boolean }) => entry.overdue).map((entry: { node: string }) => entry.node)).toEqual(['ifo', 'forsorjningsstod-utbetaln', 'ekb']);
  });
});

describe('compiling, adopting and publishing the report', () => {
  it('refuses submitting while assignments are unfinished, unless the owner decides', async () => {
    const etag = (await ledning.get(round)).headers.etag as string;
    const refused = await ledning.send('POST', `${round}/submit`, {}, { 'if-match': etag });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().problems.map((p: { message: string }) => p.message)).toEqual(['Individ- och familjeomsorgen: inte påbörjad', 'Försörjningsstöd, utbetaln: inte påbörjad', 'EKB, Ensamkommande barn: inte påbörjad']);
    const submitted = await ledning.send('POST', `${round}/submit`, { includeUnfinished: true }, { 'if-match': etag });
    expect(submitted.json()).toEqual({ status: 'submitted', version: 2 });
    const write = await vuxna.send('PUT', item(vuxnaUrl, 'section:framtid'), { text: 'x' }, { 'if-match': '"1"' });
    expect(write.json().message).toBe('Omgången är inlämnad; ledningen kan öppna den igen om något ska ändras');
  });

  it('needs the whole decision to adopt, then freezes the report and publishes it', async () => {
    const incomplete = await ledning.send('POST', `${round}/adopt`, { decision: { date: '2017-09-27' } }, { 'if-match': '"2"' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().problems.map((p: { path: string }) => p.path)).toEqual(['$.decision.body', '$.decision.paragraph']);
    const decision = { date: '2017-09-27', body: 'Socialnämnden', paragraph: 'SN § 112', caseNumber: 'SN 2017/88' };
    const adopted = await ledning.send('POST', `${round}/adopt`, { decision }, { 'if-match': '"2"' });
    expect(adopted.json()).toEqual({ status: 'adopted', version: 3 });

    const snapshot = (await api.anonymous.get(`${round}/snapshot`)).json();
    expect(snapshot.round).toMatchObject({ status: 'adopted', decision });
    const vuxnaContributions = snapshot.assignments.find((entry: { node: string }) => entry.node === 'ifo-vuxna').contributions;
    expect(vuxnaContributions.map((entry: { key: string; writtenBy: string }) => [entry.key, entry.writtenBy])).toEqual([
      ['analysis:rr-ifo-vuxna', 'Vera Vuxen'],
      ['section:viktiga-handelser', 'Vera Vuxen'],
      ['section:framtid', 'Vera Vuxen'],
    ]);
    expect((await api.anonymous.get(rounds)).json().rounds.map((entry: { period: string }) => entry.period)).toEqual(['2017-08']);
    const frozen = await ledning.send('POST', `${round}/reopen`, {}, { 'if-match': '"3"' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('frozen');
  });

  it('builds the published PDF from the snapshot, with the contributions and who wrote them', async () => {
    const response = await api.anonymous.get(`${round}/report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Delårsrapport januari–augusti 2017');
    expect(text).toContain('Beslut: Socialnämnden 2017-09-27 SN § 112 dnr SN 2017/88');
    expect(text).toContain('Prognosen nås genom fler insatser på hemmaplan.');
    expect(text).toContain('Analys: Vera Vuxen, IFO, Vuxna');
    expect(text).toContain('Viktiga händelser');
    expect(text).toContain('Ny enhetschef från 1 maj.');
    expect(text).toContain('Skrivet av Bo Barn');
    for (const format of ['docx', 'xlsx', 'html']) expect((await api.anonymous.get(`${round}/report.${format}`)).statusCode).toBe(200);
  });
});

async function write(client: Client, assignment: string, key: string, text: string): Promise<void> {
  const url = item(assignment, key);
  const current = await client.get(url);
  const response = await client.send('PUT', url, { text }, { 'if-match': String(current.headers.etag) });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
}

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'styrkort-omgang-')), 'rapport.pdf');
  writeFileSync(file, pdf);
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return result.stdout.replace(/\s+/g, ' ');
}
