/**
 * Who may do what with follow-up rounds, operation by operation: every round operation in the
 * OpenAPI document is called by the public, by accounts without the grant (the wrong role, outside
 * the subtree, not the responsible) and by one with it. A refusal is 401 or 403 with a Swedish
 * message and changes nothing; an allowed call gets past the grant (its answer may still be 400
 * or 409 where the round's state or the input says no).
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema.ts';
import { ifo, roundAccounts, startRoundApi, type Client, type RoundAccount, type RoundApi } from './harness.ts';

type Subject = 'anonymous' | RoundAccount;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Case {
  operation: `${Method} ${string}`;
  url: string;
  body?: unknown;
  /** The ETag to send, read when the case runs. */
  etag?: () => Promise<string>;
  calls: Array<[Subject, number]>;
}

const sn = 'timra-sn-2020-2022';
const round = `/api/plans/${ifo}/rounds/2017-08`;
const snRound = `/api/plans/${sn}/rounds/2020-T1`;
const vuxna = `${round}/assignments/ifo-vuxna`;
const analysis = `${vuxna}/items/${encodeURIComponent('analysis:rr-ifo-vuxna')}`;

let api: RoundApi;
const clients = new Map<Subject, Client>();
const etagOf = async (url: string) => String((await clients.get('admin')!.get(url)).headers.etag);
const auditCount = async () => (await api.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

beforeAll(async () => {
  api = await startRoundApi({ now: '2020-04-01T09:00:00+02:00' });
  clients.set('anonymous', api.anonymous);
  for (const account of Object.keys(roundAccounts) as RoundAccount[]) clients.set(account, await api.as(account));
  api.clock.set('2017-09-01T09:00:00+02:00');
  expect((await clients.get('ledning')!.send('POST', `/api/plans/${ifo}/rounds`, { period: '2017-08', deadline: '2017-09-15' })).statusCode).toBe(201);
  api.clock.set('2020-04-01T09:00:00+02:00');
  expect((await clients.get('ledning')!.send('POST', `/api/plans/${sn}/rounds`, { period: '2020-T1', deadline: '2020-05-15' })).statusCode).toBe(201);
});
afterAll(() => api?.close());

const cases: Case[] = [
  { operation: 'GET /api/plans/{plan}/rounds', url: `/api/plans/${ifo}/rounds`, calls: [['anonymous', 200], ['lasare', 200]] },
  { operation: 'POST /api/plans/{plan}/rounds', url: `/api/plans/${sn}/rounds`, body: { period: '2020-04', deadline: '2020-05-15', template: { parts: [], sections: [{ key: 'viktiga-handelser', heading: 'Viktiga händelser' }] } }, calls: [['anonymous', 401], ['redaktor', 403], ['ekonom', 403], ['ledning-ifo', 403], ['ledning', 201]] },
  { operation: 'GET /api/plans/{plan}/rounds/{period}', url: round, calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'PATCH /api/plans/{plan}/rounds/{period}', url: snRound, body: { reminderDays: 5 }, etag: () => etagOf(snRound), calls: [['anonymous', 401], ['redaktor', 403], ['ledning-ifo', 403], ['ledning', 200]] },
  { operation: 'POST /api/plans/{plan}/rounds/{period}/submit', url: `${snRound}/submit`, body: {}, etag: () => etagOf(snRound), calls: [['anonymous', 401], ['ekonom', 403], ['ledning-ifo', 403], ['ledning', 409]] },
  { operation: 'POST /api/plans/{plan}/rounds/{period}/reopen', url: `${snRound}/reopen`, body: {}, etag: () => etagOf(snRound), calls: [['anonymous', 401], ['redaktor', 403], ['ledning-ifo', 403], ['ledning', 409]] },
  { operation: 'POST /api/plans/{plan}/rounds/{period}/adopt', url: `${snRound}/adopt`, body: {}, etag: () => etagOf(snRound), calls: [['anonymous', 401], ['ekonom', 403], ['ledning-ifo', 403], ['admin', 409]] },
  { operation: 'GET /api/plans/{plan}/rounds/{period}/report.{format}', url: `${round}/report.html`, calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'GET /api/plans/{plan}/rounds/{period}/snapshot', url: `${round}/snapshot`, calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'GET /api/plans/{plan}/rounds/{period}/assignments/{node}', url: vuxna, calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'PATCH /api/plans/{plan}/rounds/{period}/assignments/{node}', url: vuxna, body: { responsible: 'vuxna' }, etag: () => etagOf(vuxna), calls: [['anonymous', 401], ['redaktor', 403], ['lasare', 403], ['ekonom-ekb', 403], ['vuxna', 403], ['ekonom', 200]] },
  { operation: 'POST /api/plans/{plan}/rounds/{period}/assignments/{node}/done', url: `${vuxna}/done`, etag: () => etagOf(vuxna), calls: [['anonymous', 401], ['barnfamilj', 403], ['admin', 403], ['ledning', 403], ['vuxna', 400]] },
  { operation: 'POST /api/plans/{plan}/rounds/{period}/assignments/{node}/send-back', url: `${vuxna}/send-back`, body: { comment: 'Mer om kostnaderna' }, etag: () => etagOf(vuxna), calls: [['anonymous', 401], ['vuxna', 403], ['redaktor', 403], ['ekonom-ekb', 403], ['ekonom', 409]] },
  { operation: 'GET /api/plans/{plan}/rounds/{period}/assignments/{node}/items/{item}', url: analysis, calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'PUT /api/plans/{plan}/rounds/{period}/assignments/{node}/items/{item}', url: analysis, body: { text: 'Fler placeringar än budgeterat.' }, etag: () => etagOf(analysis), calls: [['anonymous', 401], ['barnfamilj', 403], ['ledning', 403], ['admin', 403], ['vuxna', 200]] },
  { operation: 'GET /api/me/assignments', url: '/api/me/assignments', calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'GET /api/me/notices', url: '/api/me/notices', calls: [['anonymous', 401], ['lasare', 200]] },
  { operation: 'POST /api/me/notices/{id}/read', url: '/api/me/notices/1/read', calls: [['anonymous', 401], ['lasare', 404]] },
  { operation: 'GET /api/users/{username}/mail-address', url: '/api/users/vuxna/mail-address', calls: [['anonymous', 401], ['barnfamilj', 403], ['vuxna', 200], ['admin', 200]] },
  { operation: 'PUT /api/users/{username}/mail-address', url: '/api/users/vuxna/mail-address', body: { address: 'vera.vuxen@timra.se' }, calls: [['anonymous', 401], ['barnfamilj', 403], ['ledning', 403], ['vuxna', 200]] },
];

describe('round operations × accounts', () => {
  for (const c of cases) {
    it(`${c.operation}: ${c.calls.map(([subject, status]) => `${subject} ${status}`).join(', ')}`, async () => {
      for (const [subject, want] of c.calls) {
        const before = await auditCount();
        const headers: Record<string, string> = c.etag ? { 'if-match': await c.etag() } : {};
        const client = clients.get(subject)!;
        const method = c.operation.split(' ')[0] as Method;
        const response = method === 'GET' ? await client.get(c.url) : await client.send(method, c.url, c.body, headers);
        expect(`${subject}: ${response.statusCode}`, response.body.slice(0, 300)).toBe(`${subject}: ${want}`);
        if (want === 401 || want === 403) {
          expect(response.json()).toMatchObject({ code: want === 401 ? 'unauthenticated' : 'forbidden', message: expect.stringMatching(/\S/) });
          expect(await auditCount()).toBe(before);
        }
      }
    });
  }

  it('covers every round operation of the OpenAPI document', async () => {
    const document = (await api.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const roundOperations = Object.entries(document.paths)
      .filter(([path]) => path.includes('/rounds') || path.startsWith('/api/me/') || path.endsWith('/mail-address'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(roundOperations.sort()).toEqual(cases.map((c) => c.operation).sort());
  });
});
