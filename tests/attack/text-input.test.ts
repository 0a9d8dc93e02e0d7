/**
 * Issue 10, defects 6 and 14, through the API and the CLI: a NUL byte or an unpaired surrogate in
 * any text field was a 500 (and the CLI printed the whole plan in a 50 kB "Oväntat fel"); syntax
 * errors were V8's English; a byte-order mark, "__proto__", 1e309 and invalid UTF-8 were handled
 * differently by the two or silently changed; long refusals had no end. Now one reader and one
 * text rule answer the same for both, in Swedish, with the path, and change nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema.ts';
import { cli as command } from '../helpers/cli.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { draftKey, startApi, type Api, type Client } from '../api/harness.ts';

const planUrl = `/api/plans/${draftKey}`;

describe('text at the edge', () => {
  let api: Api;
  let admin: Client;
  let root: string;

  beforeAll(async () => {
    api = await startApi('pglite', { demo: false });
    admin = await api.as('admin');
    root = mkdtempSync(join(tmpdir(), 'styrkort-text-'));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const auditCount = async () => (await api.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
  const postRaw = (payload: string | Buffer, url = '/api/plans') => admin.request({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
  const etag = async () => String((await admin.get(planUrl)).headers.etag);

  /** A plan file with one text replaced, as the JSON text a client would send (escapes kept). */
  const planText = (key: string, goalText: string) => JSON.stringify(aPlan({ plan: { key } })).replace('"Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem"', goalText);

  it.each([
    ['U+0000', '"Nöjda brukare\\u0000"', 'NUL-tecknet (U+0000)'],
    ['an unpaired surrogate', '"Nöjda brukare \\ud83d"', 'ett ensamt surrogat, U+D83D'],
    ['ESC', '"\\u001b[31mNöjda"', 'ESC-tecknet (U+001B)'],
  ])('defect 6: %s in a goal text of an imported plan is a 400 naming the field, and nothing is stored', async (_name, text, words) => {
    const before = await auditCount();
    const response = await postRaw(planText('text-plan-2020-2022', text));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('Kroppen har 1 otillåtet värde; ingenting har sparats');
    expect(response.json().problems).toEqual([{ path: '$.goals[0].text', message: expect.stringContaining(words), code: 'text' }]);
    expect((await admin.get('/api/plans/text-plan-2020-2022')).statusCode).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('defect 6: U+0000 in a plan head, an item, a login, a path, a query and the reason header is a 400, never a 500', async () => {
    const before = await auditCount();
    const head = await admin.request({ method: 'PATCH', url: planUrl, payload: '{"title": "Plan\\u0000"}', headers: { 'content-type': 'application/json', 'if-match': await etag() } });
    expect(head.statusCode).toBe(400);
    expect(head.json().problems[0].path).toBe('$.title');
    const indicator = (await admin.get(`${planUrl}/indicators/st-1.2.1`)).json();
    const item = await admin.request({ method: 'PUT', url: `${planUrl}/indicators/st-1.2.1`, payload: JSON.stringify({ ...indicator, name: 'Nöjd\u0000' }), headers: { 'content-type': 'application/json', 'if-match': '"1"' } });
    expect(item.statusCode).toBe(400);
    expect(item.json().problems[0].path).toBe('$.name');
    const login = await api.anonymous.request({ method: 'POST', url: '/api/session', payload: '{"username": "admin\\u0000", "password": "x"}', headers: { 'content-type': 'application/json' } });
    expect(login.statusCode).toBe(400);
    const path = await admin.get('/api/plans/test%00plan');
    expect(path.statusCode).toBe(400);
    expect(path.json().problems[0]).toMatchObject({ path: 'params:$.plan', message: expect.stringContaining('NUL-tecknet') });
    const query = await admin.get('/api/audit?user=admin%00');
    expect(query.statusCode).toBe(400);
    expect(query.json().problems[0].path).toBe('querystring:$.user');
    const reason = await admin.request({ method: 'PATCH', url: planUrl, payload: { title: 'Ny titel' }, headers: { 'if-match': await etag(), 'x-reason': 'Stavfel%00' } });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().problems[0].path).toBe('header:X-Reason');
    expect(await auditCount()).toBe(before);
  });

  it('defect 6: text is stored in NFC, so a decomposed "ö" from a Mac is the same letter', async () => {
    const response = await admin.send('PATCH', planUrl, { title: 'Verksamhetsplan fo\u0308r Socialna\u0308mnden' }, { 'if-match': await etag(), 'x-reason': encodeURIComponent('Ra\u0308ttat') });
    expect(response.statusCode).toBe(200);
    expect((await admin.get(planUrl)).json().plan.title).toBe('Verksamhetsplan för Socialnämnden');
    const [event] = (await admin.get(`/api/audit?plan=${draftKey}&limit=1`)).json().events;
    expect(event.reason).toBe('Rättat');
  });

  it('defect 6: the CLI refuses U+0000 in a plan file with the path and a short message, not the plan', { timeout: 180_000 }, async () => {
    const file = join(root, 'nul.json');
    writeFileSync(file, planText('nul-plan-2020-2022', '"Nöjda\\u0000"'));
    const result = await command(['import', file, '--data', join(root, 'data')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Fel: Filen har 1 otillåtet värde; ingenting har sparats\n  $.goals[0].text: Texten innehåller NUL-tecknet (U+0000) vid tecken 6; det är inte tillåtet i text (bara tabb och radbrytning är det)\n',
    );
  });

  it('defect 14: a syntax error is Swedish with line and column, the same from the CLI and the API', { timeout: 180_000 }, async () => {
    const text = '{\n  "format": "styrkort-plan",\n  "formatVersion": 1,\n}';
    const file = join(root, 'syntax.json');
    writeFileSync(file, text);
    const cli = await command(['import', file, '--data', join(root, 'data')]);
    const reason = 'rad 4, kolumn 1: ett kommatecken före } (ta bort det sista kommatecknet)';
    expect(cli.stderr).toBe(`Fel: Filen är inte giltig JSON: ${reason}\n  $: ${reason}\n`);
    const response = await postRaw(text);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'validation', message: `Kroppen är inte giltig JSON: ${reason}`, problems: [{ path: '$', message: reason, code: 'json' }] });
  });

  it('defect 14: a UTF-8 byte-order mark is accepted by both, and invalid UTF-8 refused by both', { timeout: 300_000 }, async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(aPlan({ plan: { key: 'bom-plan-2020-2022' } })))]);
    expect((await postRaw(bom)).statusCode).toBe(201);
    const file = join(root, 'bom.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(aPlan({ plan: { key: 'bom-plan-2020-2022' } })))]));
    const cli = await command(['import', file, '--data', join(root, 'data')]);
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/^Inläst: bom-plan-2020-2022/);

    const latin1 = Buffer.from(JSON.stringify(aPlan({ plan: { key: 'latin-plan-2020-2022' } })), 'latin1');
    const response = await postRaw(latin1);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^Kroppen är inte giltig UTF-8: byte \d+ \(rad 1\) är 0xE5\. Spara den som UTF-8 och försök igen\.$/);
    writeFileSync(file, latin1);
    expect((await command(['import', file, '--data', join(root, 'data')])).stderr).toMatch(/^Fel: Filen är inte giltig UTF-8: byte \d+ \(rad 1\) är 0xE5\./);
  });

  it('defect 14: "__proto__" is refused as a field name, not called invalid JSON', async () => {
    const text = JSON.stringify(aPlan({ plan: { key: 'proto-plan-2020-2022' } })).replace('"plan":{', '"plan":{"__proto__":{"isAdmin":true},');
    const response = await postRaw(text);
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([{ path: '$.plan', message: 'Fältnamnet "__proto__" är inte tillåtet', code: 'field-name' }]);
  });

  it('defect 14: 1e309 is "Talet är för stort", and a wrong type names what is expected in Swedish', async () => {
    const huge = await postRaw(JSON.stringify(aPlan({ plan: { key: 'tal-plan-2020-2022' } })).replace('"periodStart":2020', '"periodStart":1e309'));
    expect(huge.json().problems).toEqual([{ path: '$.plan.periodStart', message: 'Talet är för stort', code: 'number' }]);
    const plan = aPlan({ plan: { key: 'typ-plan-2020-2022' } }) as { volumeTables: Array<{ rows: Array<{ cells: unknown }> }> };
    plan.volumeTables[0]!.rows[0]!.cells = '200';
    const record = await admin.send('POST', '/api/plans', plan);
    expect(record.json().problems).toEqual([{ path: '$.volumeTables[0].rows[0].cells', message: 'Ska vara ett objekt, men är text', code: 'invalid_type' }]);
  });

  it('defect 14: a refusal lists the first 100 problems and counts the rest', async () => {
    const plan = aPlan({ plan: { key: 'manga-fel-2020-2022' } }) as { indicators: Array<Record<string, unknown>> };
    plan.indicators = Array.from({ length: 450 }, (_, i) => ({ ...plan.indicators[0], key: `st-${i}`, goal: `saknas-${i}` }));
    const response = await admin.send('POST', '/api/plans', plan);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.message).toBe('Planfilen har 450 fel; ingenting har sparats');
    expect(body.problems).toHaveLength(101);
    expect(body.problems[100]).toEqual({ path: '$', message: '… och 350 fel till (de första 100 visas)', code: 'more' });
    expect(response.body.length).toBeLessThan(20_000);
  });
});
