/**
 * An in-process API with a fresh database, the two demo plans (adopted), one draft plan owned by
 * Socialnämnden, and one account per role. `as(user)` returns a client that logs in and sends the
 * session cookie and CSRF token like the web app does.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/connection.ts';
import type { Engine } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';
import { demoPlanFiles, readDemoPlan } from '../../src/services/demo.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import { addTestAccount } from '../helpers/accounts.ts';
import { freshDatabase } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';

export const password = 'ett-långt-lösenord';
export const draftKey = 'test-plan-2020-2022';

/** Accounts by role and scope: "…-sn" work in Socialnämnden's subtree, "…-ifo" in IFO's only. */
export const accounts = {
  admin: { role: 'admin', unitKey: null },
  'ledning-sn': { role: 'ledning', unitKey: 'sn' },
  'ledning-ifo': { role: 'ledning', unitKey: 'ifo' },
  'redaktor-sn': { role: 'redaktör', unitKey: 'sn' },
  'redaktor-ifo': { role: 'redaktör', unitKey: 'ifo' },
  'ekonom-sn': { role: 'ekonom', unitKey: 'sn' },
  'ekonom-ifo': { role: 'ekonom', unitKey: 'ifo' },
  lasare: { role: 'läsare', unitKey: null },
} as const;
export type Account = keyof typeof accounts;

export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  /** A write with If-Match taken from a fresh GET of `etagFrom` (or given). */
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface Api {
  app: FastifyInstance;
  database: Database;
  anonymous: Client;
  as(account: Account): Promise<Client>;
  close(): Promise<void>;
}

export async function startApi(engine: Engine = 'pglite', options: { demo?: boolean } = {}): Promise<Api> {
  const database = await freshDatabase(engine);
  if (options.demo !== false) {
    for (const file of demoPlanFiles) await importPlan(database.db, readDemoPlan(file), { actor: 'test', source: `demo/${file}` });
  }
  await importPlan(database.db, aPlan(), { actor: 'test', source: 'test' });
  for (const [username, account] of Object.entries(accounts)) {
    await addTestAccount(database.db, { username, password, role: account.role, unitKey: account.unitKey });
  }
  const app = buildServer({ db: database.db });
  await app.ready();
  const clientWith = (cookie?: string, csrf?: string): Client => {
    const request = (options: InjectOptions) =>
      app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(options.headers ?? {}) } });
    return {
      request,
      get: (url) => request({ method: 'GET', url }),
      send: (method, url, body, headers = {}) => request({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers }),
    };
  };
  return {
    app,
    database,
    anonymous: clientWith(),
    async as(account) {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: account, password } });
      if (response.statusCode !== 200) throw new Error(`inloggning misslyckades: ${response.body}`);
      const cookie = String(response.headers['set-cookie']).split(';')[0]!;
      return clientWith(cookie, response.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The ETag of a resource, for If-Match. */
export async function etagOf(client: Client, url: string): Promise<string> {
  const response = await client.get(url);
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
  return String(response.headers.etag);
}
