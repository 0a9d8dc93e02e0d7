/**
 * Rounds' test setting: the demo plans on a fresh database (PGlite or the PostgreSQL server),
 * accounts of different roles and scopes, an in-process API on a clock the test sets, and a real
 * SMTP server on 127.0.0.1 that keeps every message it receives, decoded for reading.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { Database, Engine } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';
import { createUser } from '../../src/services/auth-service.ts';
import { demoPlanFiles, readDemoPlan } from '../../src/services/demo.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import type { Clock } from '../../src/services/round-clock.ts';
import { freshDatabase } from '../helpers/databases.ts';

export const password = 'ett-långt-lösenord';
export const ifo = 'timra-ifo-2018-2020';

/** Accounts: the two unit managers answer for IFO Vuxna and IFO Barn o familj. */
export const roundAccounts = {
  admin: { role: 'admin', unitKey: null, displayName: 'Administratören' },
  ledning: { role: 'ledning', unitKey: 'sn', displayName: 'Lena Ledning' },
  'ledning-ifo': { role: 'ledning', unitKey: 'ifo', displayName: null },
  ekonom: { role: 'ekonom', unitKey: 'sn', displayName: 'Erik Ekonom' },
  'ekonom-ekb': { role: 'ekonom', unitKey: 'ekb', displayName: null },
  redaktor: { role: 'redaktör', unitKey: 'ifo', displayName: 'Rut Redaktör' },
  vuxna: { role: 'redaktör', unitKey: 'ifo-vuxna', displayName: 'Vera Vuxen' },
  barnfamilj: { role: 'redaktör', unitKey: 'ifo-barn-o-familj', displayName: 'Bo Barn' },
  lasare: { role: 'läsare', unitKey: null, displayName: null },
} as const;
export type RoundAccount = keyof typeof roundAccounts;

/** A clock the test moves: `set('2017-09-12T08:00:00+02:00')`. */
export function testClock(start: string): Clock & { set(time: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (time) => (now = new Date(time)) };
}

/** The demo plans and the accounts on a fresh database. */
export async function roundDatabase(engine: Engine): Promise<Database> {
  const database = await freshDatabase(engine);
  for (const file of demoPlanFiles) await importPlan(database.db, readDemoPlan(file), { actor: 'test', source: `demo/${file}` });
  for (const [username, account] of Object.entries(roundAccounts)) {
    await createUser(database.db, { username, password, role: account.role, unitKey: account.unitKey, displayName: account.displayName, actor: 'test' });
  }
  return database;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface RoundApi {
  app: FastifyInstance;
  database: Database;
  clock: ReturnType<typeof testClock>;
  anonymous: Client;
  as(account: RoundAccount): Promise<Client>;
  close(): Promise<void>;
}

/** The API in process on the demo database, at a time the test sets. */
export async function startRoundApi(options: { engine?: Engine; now: string }): Promise<RoundApi> {
  const database = await roundDatabase(options.engine ?? 'pglite');
  const clock = testClock(options.now);
  const app = buildServer({ db: database.db, clock });
  await app.ready();
  const client = (cookie?: string, csrf?: string): Client => ({
    get: (url) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }),
    send: (method, url, body, headers = {}) =>
      app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers } }),
  });
  return {
    app,
    database,
    clock,
    anonymous: client(),
    async as(account) {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: account, password } });
      if (response.statusCode !== 200) throw new Error(`inloggning misslyckades: ${response.body}`);
      return client(String(response.headers['set-cookie']).split(';')[0]!, response.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A message as it arrived at the SMTP server, headers and body decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface LocalSmtp {
  port: number;
  received: ReceivedMail[];
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (a free port), plain text, no login, keeping what arrives. */
export async function startLocalSmtp(): Promise<LocalSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ ...parseMail(Buffer.concat(chunks).toString('latin1')), from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`väntade på ${count} brev, kom ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and the text body of a single-part message, MIME encodings undone. */
function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? quotedPrintable(body) : Buffer.from(body, 'latin1');
  return { subject: decodeWords(header('Subject')), text: bytes.toString('utf8').replace(/\r\n/g, '\n').trim() };
}

function quotedPrintable(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i += 1) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words: =?UTF-8?Q?…?= and =?UTF-8?B?…?=, adjacent words joined. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
    (kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '))).toString('utf8'),
  );
}
