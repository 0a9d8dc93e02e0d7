/**
 * Who may do what, endpoint by endpoint. Every operation in the OpenAPI document is called by the
 * public and by each account, on targets inside and outside the account's own part of the
 * organisation (IFO lies under Socialnämnden, so "…-sn" accounts reach both, "…-ifo" only IFO).
 * A refusal is 401 (not logged in) or 403 (no grant, or outside the subtree) and changes nothing;
 * an allowed write is either a no-op (the item sent back as read) or undone right after, so the
 * cases do not depend on their order.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema.ts';
import { planParts, type PlanPart } from '../../src/domain/plan-parts.ts';
import { login } from '../../src/services/auth-service.ts';
import { demoPlanFiles, readDemoPlan } from '../../src/services/demo.ts';
import { importActuals } from '../../src/services/import-actuals-service.ts';
import { getImport, undoImport } from '../../src/services/import-record-service.ts';
import { saveMapping } from '../../src/services/ledger-mapping-service.ts';
import { importKoladaFiles } from '../../src/services/kolada-import-service.ts';
import { importPlan } from '../../src/services/plan-service.ts';
import { aPlan } from '../helpers/plan-builder.ts';
import { accounts, draftKey, etagOf, password, startApi, type Account, type Api, type Client } from './harness.ts';

type Subject = 'anonymous' | Account;
const subjects: Subject[] = ['anonymous', ...(Object.keys(accounts) as Account[])];

/** Where a target lies: in IFO, in Socialnämnden outside IFO, or above every subtree. */
type Place = 'ifo' | 'sn' | 'root';

/** What a case needs, in the issue's words: nothing (public), any account, or a grant. */
type Need = 'nothing' | 'account' | 'edit-content' | 'edit-economy' | 'plans' | 'municipal-goals' | 'admin';
const roleWith: Record<'edit-content' | 'edit-economy' | 'plans' | 'municipal-goals', string> = { 'edit-content': 'redaktör', 'edit-economy': 'ekonom', plans: 'ledning', 'municipal-goals': 'ledning' };

function reaches(unit: string | null, place: Place): boolean {
  if (unit === null) return true;
  if (place === 'root') return false;
  return unit === 'sn' || place === 'ifo';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Case {
  name: string;
  method: Method;
  /** The path template as the OpenAPI document writes it. */
  route: string;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Builds the body once per case, e.g. the item as it is now (a write that changes nothing). */
  makeBody?: () => Promise<unknown>;
  /** Headers of the request besides If-Match (an upload's content type and file name). */
  headers?: Record<string, string>;
  /** Send If-Match with the current ETag of this URL (read as admin). */
  etagFrom?: string;
  need: Need;
  place?: Place;
  /** The answer when allowed (409 where the plan's state forbids the step). */
  ok: number;
  /** Before each subject: brings the target into the state the case needs. */
  prepare?: () => Promise<void>;
  /** After each subject, allowed or not: back to the state the other cases expect. */
  restore?: () => Promise<void>;
  /** After an allowed call: puts things back. */
  undo?: (response: LightMyRequestResponse) => Promise<void>;
  /** The client a subject calls with, when it is not the shared one (logout ends the session). */
  clientFor?: (subject: Subject) => Promise<Client>;
  /** The target's municipality when it is not Timrå's: the scoped accounts (all Timrå's) have no rights there. */
  municipality?: string;
}

function expectedStatus(c: Case, subject: Subject): number {
  if (c.need === 'nothing') return c.ok;
  if (subject === 'anonymous') return 401;
  const { role, unitKey } = accounts[subject];
  // Scoped accounts work in Timrå (2262); unscoped ones (admin, läsare) in every municipality.
  if (c.municipality && c.municipality !== '2262' && unitKey !== null) return 403;
  if (c.need === 'account' || role === 'admin') return c.ok;
  if (c.need === 'admin') return 403;
  return role === roleWith[c.need] && reaches(unitKey, c.place ?? 'sn') ? c.ok : 403;
}

function urlOf(c: Pick<Case, 'route' | 'params' | 'query'>): string {
  const path = c.route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(c.params?.[name] ?? `{${name}}`));
  return c.query ? `${path}?${c.query}` : path;
}

const adoptedSn = 'timra-sn-2020-2022';
const adoptedIfo = 'timra-ifo-2018-2020';
const draftIfo = 'pm-ifo-2020-2022';
/** Adopted through the workflow, so it has an adoption snapshot (the imported demo plans have none). */
const adoptedHere = 'pm-adopted-2020-2022';
/** A draft owned by Kommunledningskontoret, outside every scoped account's subtree. */
const draftKlk = 'pm-klk-2020-2022';
/** Another municipality's draft (Österåker, 0117), whose nodes have Timrå's keys (sn, ifo). */
const osteraker = JSON.parse(readFileSync(new URL('../fixtures/osteraker/osteraker-sn-2020-2022.json', import.meta.url), 'utf8'));
const draftOther = 'osteraker-sn-2020-2022';
const drafts: Record<'sn' | 'ifo', string> = { sn: draftKey, ifo: draftIfo };
/** The demo's ledger mapping (IFO's result units) and one of the tests' own onto Socialnämnden outside IFO (svo). */
const demoFile = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
const demoMapping = JSON.parse(demoFile('timra-ifo-mappning.json').toString('utf8'));
const snMapping = { ...demoMapping, key: 'pm-sn', name: 'Behörighetsprovets mappning', rules: [{ match: { responsibility: '99999' }, target: { node: 'svo' } }] };
/** Small files of volume actuals for a plan of each owner (IFO's demo plan, Socialnämnden's): one cell each, `n` telling them apart. */
const actualsPlans: Record<'sn' | 'ifo', string> = { sn: 'timra-sn-2020-2022', ifo: 'timra-ifo-2018-2020' };
const actualsFile = (node: 'sn' | 'ifo', month: string, value: number) =>
  Buffer.from(`mått;period;värde\n${node === 'ifo' ? 'individstod-brukare' : 'vard-omsorgsboende-over-65'};${node === 'ifo' ? '2018' : '2020'}-${month};${value}\n`, 'utf8');
const upload = (fileName: string) => ({ 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) });
const decision = { date: '2019-11-27', body: 'Socialnämnden', paragraph: 'SN § 45' };
const column = { key: 'b-2020', label: 'Budget 2020', kind: 'budget', period: '2020' };

/** A valid item of each part, standalone in the draft: `slot` "target" exists before the cases, "new" is added by them. */
const itemMakers: Record<string, (slot: 'target' | 'new', node: 'sn' | 'ifo') => Record<string, unknown>> = {
  perspectives: (slot) => ({ number: slot === 'target' ? 7 : 8, name: 'Hållbar utveckling' }),
  goals: (slot, node) => ({ key: `pm-${slot}-${node}`, level: 'committee', parent: 'kf-1:2', text: 'Fler ska få rätt stöd i tid', measurement: null, node }),
  indicators: (slot) => ({ key: `pm-${slot}-sn`, number: '9.9.9', name: 'Andel nöjda brukare', goal: null, targets: [{ year: 2020, text: '90%' }] }),
  strategies: (slot) => ({ key: `pm-${slot}-sn`, scope: 'service-area', name: 'Tidiga insatser', how: '<p>Samverkan med skolan</p>' }),
  'activity-tables': (slot) => ({ key: `pm-${slot}-sn`, kind: 'activity', caption: 'Aktivitet', columns: [{ field: 'description', label: 'Beskrivning' }] }),
  activities: (slot, node) => ({ key: `pm-${slot}-${node}`, table: 'pm-aktiviteter', name: 'Kompetensutveckling i MI', node, costEstimate: 'Egen tid' }),
  'service-declarations': (slot, node) => ({ key: `pm-${slot}-${node}`, label: 'Servicedeklaration 9', name: 'Du får svar inom tre arbetsdagar', node }),
  outlooks: (slot, node) => ({ key: `pm-${slot}-${node}`, label: 'Offentlig service:', node, challenges: '<p>Fler ärenden</p>' }),
  'volume-tables': (slot, node) => ({
    key: `pm-${slot}-${node}`,
    caption: 'Volym',
    node,
    columns: [column],
    rows: [{ key: 'hushall', measure: 'pm-hushall', label: 'Antal hushåll med försörjningsstöd', kind: 'monthly-count', cells: { 'b-2020': '312' } }],
  }),
  'budget-tables': (slot, node) => ({
    key: `pm-${slot}-${node}`,
    kind: 'operating',
    caption: 'Resultaträkning, tkr',
    node,
    columns: [{ key: column.key, label: column.label, measure: column.kind, period: column.period }],
    rows: [
      { key: 'income', line: 'income', label: 'Verksamhetens intäkter', cells: { 'b-2020': '3 258' } },
      { key: 'costs', line: 'costs', label: 'Verksamhetens kostnader', cells: { 'b-2020': '-68 851' } },
      { key: 'net', line: 'net', label: 'Verksamhetens nettokostnader', cells: { 'b-2020': '-65 593' } },
    ],
    relations: [{ kind: 'net', axis: 'rows', target: 'net', income: 'income', costs: 'costs' }],
  }),
  'capital-budgets': (slot, node) => ({
    key: `pm-${slot}-${node}`,
    caption: 'Investeringar, tkr',
    node,
    columns: [column],
    rows: [{ key: 'inventarier', object: '93100', text: 'Inventarier', cells: { 'b-2020': '500' } }],
    total: null,
  }),
  footnotes: (slot) => ({ key: `pm-${slot}-sn`, mark: '9', text: 'Uppgiften saknas för 2019' }),
  sections: (slot) => ({ key: `pm-${slot}-sn`, kind: 'text', heading: 'Inledning', level: 2, body: '<p>Planen beskriver nämndens verksamhet.</p>' }),
  'office-holders': (slot, node) => ({ node, role: slot === 'target' ? 'Ordförande' : 'Vice ordförande', name: 'Anna Andersson' }),
  analyses: (slot) => ({ key: `pm-${slot}-sn`, period: '2020', subject: 'st-1.2.1', text: '<p>Utfallet ligger nära målvärdet.</p>' }),
};

/** The cell of each figure table that the paste cases write back unchanged. */
const sameCell: Record<string, { row: string; column: string; text: string }> = {
  'volume-tables': { row: 'hushall', column: 'b-2020', text: '312' },
  'budget-tables': { row: 'income', column: 'b-2020', text: '3 258' },
  'capital-budgets': { row: 'inventarier', column: 'b-2020', text: '500' },
};

/** Parts whose items name their own organisation node; the others belong to the plan owner (sn). */
const placedParts = new Set(['goals', 'activities', 'service-declarations', 'outlooks', 'volume-tables', 'budget-tables', 'capital-budgets', 'office-holders']);

describe('permissions: role × endpoint × inside/outside the own subtree', () => {
  let api: Api;
  let admin: Client;
  const clients = {} as Record<Subject, Client>;
  const exercised = new Set<string>();

  async function auditCount(): Promise<number> {
    const [row] = await api.database.db.select({ n: count() }).from(auditEvents);
    return row!.n;
  }

  async function expectStatus(response: LightMyRequestResponse, status: number): Promise<void> {
    if (response.statusCode !== status) throw new Error(`väntade ${status}, fick ${response.statusCode}: ${response.body}`);
  }

  /** Removes what an allowed call created (its Location, or a given URL), as admin. */
  async function removeAsAdmin(url: string): Promise<void> {
    await expectStatus(await admin.send('DELETE', url, undefined, { 'if-match': await etagOf(admin, url) }), 204);
  }

  async function ensureStatus(plan: string, status: 'draft' | 'submitted'): Promise<void> {
    const url = `/api/plans/${plan}`;
    const current = await admin.get(url);
    if (current.json().plan.status === status) return;
    const step = status === 'submitted' ? 'submit' : 'reopen';
    await expectStatus(await admin.send('POST', `${url}/${step}`, {}, { 'if-match': String(current.headers.etag) }), 200);
  }

  /** Imports a file of actuals as the local operator (the command line); returns the import's id. */
  async function importActualsFile(node: 'sn' | 'ifo', file: Buffer, fileName: string): Promise<number> {
    const outcome = await importActuals(api.database.db, { planKey: actualsPlans[node], source: Readable.from([file]), fileName, actor: 'test' });
    if (outcome.status !== 'imported') throw new Error(`importen av ${fileName} i ${actualsPlans[node]}: ${outcome.status}`);
    return outcome.record!.id;
  }
  const standing = {} as Record<'sn' | 'ifo', number>;
  /** The import an undo case undoes, made anew before each subject. */
  const undoing: Record<'sn' | 'ifo', { id: string }> = { sn: { id: '0' }, ifo: { id: '0' } };

  /** A dry run answers with what it would do and writes nothing. */
  async function expectDryRun(response: LightMyRequestResponse): Promise<void> {
    if (response.json().status !== 'dry-run' || response.json().import !== null) throw new Error(`ingen förhandsgranskning: ${response.body.slice(0, 200)}`);
  }

  async function importDraft(key: string, ownerNode: 'sn' | 'ifo'): Promise<void> {
    await importPlan(api.database.db, aPlan({ plan: { key, ownerNode } }), { actor: 'test', source: 'test' });
  }

  beforeAll(async () => {
    // startApi() with the demo would also create the demo accounts "admin" and "lasare" and
    // collide with the harness's; so the demo plans are loaded on their own.
    api = await startApi('pglite', { demo: false });
    for (const file of demoPlanFiles) await importPlan(api.database.db, readDemoPlan(file), { actor: 'test', source: `demo/${file}` });
    await importDraft(draftIfo, 'ifo');
    await importDraft('pm-bort-sn-2020-2022', 'sn');
    await importDraft('pm-bort-ifo-2020-2022', 'ifo');
    await importDraft(adoptedHere, 'sn');
    const klk = { key: 'kommunledningskontoret', kind: 'office' as const, name: 'Kommunledningskontoret', parent: 'timra' };
    await importPlan(api.database.db, aPlan({ plan: { key: draftKlk, ownerNode: 'kommunledningskontoret' }, organisation: [...aPlan().organisation, klk] }), { actor: 'test', source: 'test' });
    await importPlan(api.database.db, osteraker, { actor: 'test', source: 'test' });
    for (const subject of subjects) clients[subject] = subject === 'anonymous' ? api.anonymous : await api.as(subject);
    admin = clients.admin;
    await ensureStatus(adoptedHere, 'submitted');
    await expectStatus(await admin.send('POST', `/api/plans/${adoptedHere}/adopt`, { decision }, { 'if-match': await etagOf(admin, `/api/plans/${adoptedHere}`) }), 200);

    // Items of every part in the draft, some of them IFO's own, created as admin.
    const create = async (url: string, body: unknown) => expectStatus(await admin.send('POST', url, body), 201);
    await create(`/api/plans/${draftKey}/activity-tables`, { ...itemMakers['activity-tables']!('target', 'sn'), key: 'pm-aktiviteter' });
    for (const part of planParts) {
      for (const node of placedParts.has(part.segment) ? (['sn', 'ifo'] as const) : (['sn'] as const)) {
        await create(`/api/plans/${draftKey}/${part.segment}`, itemMakers[part.segment]!('target', node));
      }
    }
    await importKoladaFiles(api.database.db, [{ name: 'kolada.json', text: JSON.stringify({ values: [{ kpi: 'N31807', municipality: '2262', period: 2022, values: [{ gender: 'T', value: 2.900755 }] }] }) }], { trigger: 'test' });
    await create('/api/organisation?municipality=2262', { key: 'pm-enhet-ifo', kind: 'unit', name: 'Behörighetsenheten IFO', parent: 'ifo' });
    await create('/api/organisation?municipality=2262', { key: 'pm-enhet-sn', kind: 'unit', name: 'Behörighetsenheten SN', parent: 'socialforvaltningen' });
    await create('/api/organisation?municipality=0117', { key: 'pm-enhet-0117', kind: 'unit', name: 'Behörighetsenheten i Österåker', parent: 'ifo' });

    // Imports: the ledger mappings, and a standing import of actuals in each owner's adopted plan.
    await saveMapping(api.database.db, demoMapping, { actor: 'test', ifMatch: null });
    await saveMapping(api.database.db, snMapping, { actor: 'test', ifMatch: null });
    for (const node of ['ifo', 'sn'] as const) standing[node] = await importActualsFile(node, actualsFile(node, '03', 40), 'standing.csv');
  });
  afterAll(() => api.close());

  function itemCases(part: PlanPart): Case[] {
    const maker = itemMakers[part.segment];
    if (!maker) throw new Error(`Inget testobjekt för delen ${part.segment}; lägg till det i itemMakers`);
    const base = `/api/plans/{plan}/${part.segment}`;
    const need = part.editGroup === 'economy' ? 'edit-economy' : 'edit-content';
    const keyOf = (slot: 'target' | 'new', node: 'sn' | 'ifo') => part.keyOf(maker(slot, node));
    const cases: Case[] = [
      { name: `anyone lists the ${part.segment} of an adopted plan`, method: 'GET', route: base, params: { plan: adoptedHere }, need: 'nothing', ok: 200 },
      { name: `accounts list the ${part.segment} of a draft`, method: 'GET', route: base, params: { plan: draftKey }, need: 'account', ok: 200 },
      { name: `accounts read one of the ${part.segment} of a draft`, method: 'GET', route: `${base}/{key}`, params: { plan: draftKey, key: keyOf('target', 'sn') }, need: 'account', ok: 200 },
    ];
    for (const node of placedParts.has(part.segment) ? (['ifo', 'sn'] as const) : (['sn'] as const)) {
      const where = placedParts.has(part.segment) ? `${node.toUpperCase()}'s` : "the owner's";
      const itemUrl = urlOf({ route: `${base}/{key}`, params: { plan: draftKey, key: keyOf('target', node) } });
      cases.push(
        {
          name: `adds one of ${where} ${part.segment}`,
          method: 'POST',
          route: base,
          params: { plan: draftKey },
          body: maker('new', node),
          need,
          place: node,
          ok: 201,
          undo: (response) => removeAsAdmin(String(response.headers.location)),
        },
        {
          name: `changes one of ${where} ${part.segment}`,
          method: 'PUT',
          route: `${base}/{key}`,
          params: { plan: draftKey, key: keyOf('target', node) },
          makeBody: async () => (await admin.get(itemUrl)).json(),
          etagFrom: itemUrl,
          need,
          place: node,
          ok: 200,
        },
        {
          name: `removes one of ${where} ${part.segment}`,
          method: 'DELETE',
          route: `${base}/{key}`,
          params: { plan: draftKey, key: keyOf('target', node) },
          etagFrom: itemUrl,
          need,
          place: node,
          ok: 204,
          undo: async () => expectStatus(await admin.send('POST', urlOf({ route: base, params: { plan: draftKey } }), maker('target', node)), 201),
        },
      );
      const cell = sameCell[part.segment];
      if (cell) {
        cases.push({
          name: `pastes cells into one of ${where} ${part.segment}`,
          method: 'PATCH',
          route: `${base}/{key}/cells`,
          params: { plan: draftKey, key: keyOf('target', node) },
          body: { cells: [cell] },
          etagFrom: itemUrl,
          need,
          place: node,
          ok: 200,
        });
      }
    }
    return cases;
  }

  const planUrl = (plan: string) => `/api/plans/${plan}`;
  const cases: Case[] = [
    // The system and the session.
    { name: 'anyone checks the health', method: 'GET', route: '/api/health', need: 'nothing', ok: 200 },
    { name: 'anyone reads the OpenAPI document', method: 'GET', route: '/api/openapi.json', need: 'nothing', ok: 200 },
    { name: 'anyone reads the API docs', method: 'GET', route: '/api/docs', need: 'nothing', ok: 200 },
    {
      name: 'anyone may log in (with their own account)',
      method: 'POST',
      route: '/api/session',
      need: 'nothing',
      ok: 200,
      clientFor: async (subject) => {
        const username = subject === 'anonymous' ? 'lasare' : subject;
        return { ...clients[subject], request: (options) => clients[subject].request({ ...options, payload: { username, password } }) };
      },
    },
    { name: 'accounts ask who they are', method: 'GET', route: '/api/session', need: 'account', ok: 200 },
    {
      name: 'anyone may log out (a session of their own)',
      method: 'DELETE',
      route: '/api/session',
      need: 'nothing',
      ok: 204,
      clientFor: async (subject) => {
        if (subject === 'anonymous') return api.anonymous;
        const session = await login(api.database.db, { username: subject, password });
        const cookie = `styrkort_session=${session.id}`;
        return { request: (options) => api.app.inject({ ...options, headers: { ...options.headers, cookie } }), get: () => Promise.reject(new Error('används inte')), send: () => Promise.reject(new Error('används inte')) };
      },
    },

    // Whole plans.
    { name: 'anyone lists plans', method: 'GET', route: '/api/plans', need: 'nothing', ok: 200 },
    ...(['sn', 'ifo'] as const).map((node): Case => ({
      name: `ledning imports a plan owned by ${node.toUpperCase()}`,
      method: 'POST',
      route: '/api/plans',
      body: aPlan({ plan: { key: `pm-import-${node}-2020-2022`, ownerNode: node } }),
      need: 'plans',
      place: node,
      ok: 201,
      undo: (response) => removeAsAdmin(String(response.headers.location)),
    })),
    ...(['sn', 'ifo'] as const).map((node): Case => ({
      name: `ledning replaces ${node.toUpperCase()}'s draft by importing it (If-Match: the plan's version)`,
      method: 'POST',
      route: '/api/plans',
      query: 'replace=true',
      makeBody: async () => (await admin.get(planUrl(drafts[node]))).json(),
      etagFrom: planUrl(drafts[node]),
      need: 'plans',
      place: node,
      ok: 200,
    })),
    {
      name: "ledning may replace Kommunledningskontoret's draft only with rights over it, whatever owner the file names",
      method: 'POST',
      route: '/api/plans',
      query: 'replace=true',
      makeBody: async () => {
        const plan = (await admin.get(planUrl(draftKlk))).json();
        return { ...plan, plan: { ...plan.plan, ownerNode: 'sn' } };
      },
      etagFrom: planUrl(draftKlk),
      need: 'plans',
      place: 'root',
      ok: 200,
      undo: async () => {
        const plan = (await admin.get(planUrl(draftKlk))).json();
        await expectStatus(await admin.send('POST', '/api/plans?replace=true', { ...plan, plan: { ...plan.plan, ownerNode: 'kommunledningskontoret' } }, { 'if-match': await etagOf(admin, planUrl(draftKlk)) }), 200);
      },
    },
    { name: "accounts of another municipality do not read a municipality's draft", method: 'GET', route: '/api/plans/{plan}', params: { plan: draftOther }, need: 'account', municipality: '0117', ok: 200 },
    {
      name: "editors of another municipality do not change a goal in a municipality's draft (its sn is not theirs)",
      method: 'PUT',
      route: '/api/plans/{plan}/goals/{key}',
      params: { plan: draftOther, key: 'kf-1' },
      makeBody: async () => (await admin.get(`/api/plans/${draftOther}/goals/kf-1`)).json(),
      etagFrom: `/api/plans/${draftOther}/goals/kf-1`,
      need: 'edit-content',
      place: 'sn',
      municipality: '0117',
      ok: 200,
    },
    {
      name: "ledning of another municipality does not replace a municipality's draft",
      method: 'POST',
      route: '/api/plans',
      query: 'replace=true',
      makeBody: async () => (await admin.get(planUrl(draftOther))).json(),
      etagFrom: planUrl(draftOther),
      need: 'plans',
      place: 'sn',
      municipality: '0117',
      ok: 200,
    },
    {
      name: "editors of another municipality do not change a node under its ifo",
      method: 'PUT',
      route: '/api/organisation/{municipality}/{key}',
      params: { municipality: '0117', key: 'pm-enhet-0117' },
      makeBody: async () => (await admin.get('/api/organisation/0117/pm-enhet-0117')).json(),
      etagFrom: '/api/organisation/0117/pm-enhet-0117',
      need: 'edit-content',
      place: 'ifo',
      municipality: '0117',
      ok: 200,
    },
    {
      name: "ledning of another municipality does not change its municipal goals",
      method: 'PUT',
      route: '/api/goals/{municipality}/{key}',
      params: { municipality: '0117', key: 'kf-1' },
      makeBody: async () => (await admin.get('/api/goals/0117/kf-1')).json(),
      etagFrom: '/api/goals/0117/kf-1',
      need: 'municipal-goals',
      place: 'root',
      municipality: '0117',
      ok: 200,
    },
    { name: 'anyone reads an adopted plan', method: 'GET', route: '/api/plans/{plan}', params: { plan: adoptedSn }, need: 'nothing', ok: 200 },
    { name: 'accounts read a draft', method: 'GET', route: '/api/plans/{plan}', params: { plan: draftKey }, need: 'account', ok: 200 },
    ...(['sn', 'ifo'] as const).map((node): Case => ({
      name: `editors change the head of ${node.toUpperCase()}'s draft`,
      method: 'PATCH',
      route: '/api/plans/{plan}',
      params: { plan: drafts[node] },
      body: { title: 'Verksamhetsplan 2020-2022' },
      etagFrom: planUrl(drafts[node]),
      need: 'edit-content',
      place: node,
      ok: 200,
    })),
    ...(['sn', 'ifo'] as const).map((node): Case => {
      const plan = `pm-bort-${node}-2020-2022`;
      return {
        name: `ledning deletes ${node.toUpperCase()}'s draft`,
        method: 'DELETE',
        route: '/api/plans/{plan}',
        params: { plan },
        etagFrom: planUrl(plan),
        need: 'plans',
        place: node,
        ok: 204,
        undo: () => importDraft(plan, node),
      };
    }),
    { name: 'anyone reads the adopted snapshot of an adopted plan', method: 'GET', route: '/api/plans/{plan}/snapshot', params: { plan: adoptedHere }, need: 'nothing', ok: 200 },
    { name: 'accounts learn that a draft has no adopted snapshot', method: 'GET', route: '/api/plans/{plan}/snapshot', params: { plan: draftKey }, need: 'account', ok: 404 },
    { name: 'anyone reconciles an adopted plan', method: 'GET', route: '/api/plans/{plan}/check', params: { plan: adoptedIfo }, need: 'nothing', ok: 200 },
    { name: 'accounts reconcile a draft', method: 'GET', route: '/api/plans/{plan}/check', params: { plan: draftKey }, need: 'account', ok: 200 },
    { name: 'anyone reads the scorecard of an adopted plan', method: 'GET', route: '/api/plans/{plan}/scorecard', params: { plan: adoptedSn }, query: 'period=2020', need: 'nothing', ok: 200 },
    { name: 'accounts read the scorecard of a draft', method: 'GET', route: '/api/plans/{plan}/scorecard', params: { plan: draftKey }, query: 'period=2020', need: 'account', ok: 200 },
    { name: 'anyone reads the forecasts of an adopted plan', method: 'GET', route: '/api/plans/{plan}/forecast', params: { plan: adoptedIfo }, query: 'asOf=2017-08', need: 'nothing', ok: 200 },
    { name: 'accounts read the forecasts of a draft', method: 'GET', route: '/api/plans/{plan}/forecast', params: { plan: draftKey }, query: 'asOf=2020-08', need: 'account', ok: 200 },
    { name: 'anyone reads the deviations of an adopted plan', method: 'GET', route: '/api/plans/{plan}/deviations', params: { plan: adoptedIfo }, query: 'period=2017-12', need: 'nothing', ok: 200 },
    { name: 'accounts read the deviations of a draft', method: 'GET', route: '/api/plans/{plan}/deviations', params: { plan: draftKey }, query: 'period=2020', need: 'account', ok: 200 },
    { name: 'anyone reads the volume years of an adopted plan', method: 'GET', route: '/api/plans/{plan}/volume-years', params: { plan: adoptedIfo }, need: 'nothing', ok: 200 },
    { name: 'accounts read the volume years of a draft', method: 'GET', route: '/api/plans/{plan}/volume-years', params: { plan: draftKey }, need: 'account', ok: 200 },
    { name: 'anyone compares two adopted plans', method: 'GET', route: '/api/compare', query: `a=${adoptedIfo}&b=${adoptedSn}`, need: 'nothing', ok: 200 },
    { name: 'accounts compare a draft with an adopted plan', method: 'GET', route: '/api/compare', query: `a=${adoptedSn}&b=${draftKey}`, need: 'account', ok: 200 },
    { name: 'anyone downloads the document of an adopted plan', method: 'GET', route: '/api/plans/{plan}/document.{format}', params: { plan: adoptedSn, format: 'html' }, need: 'nothing', ok: 200 },
    { name: 'accounts download the document of a draft', method: 'GET', route: '/api/plans/{plan}/document.{format}', params: { plan: draftKey, format: 'html' }, need: 'account', ok: 200 },
    { name: 'anyone downloads a report of an adopted plan', method: 'GET', route: '/api/plans/{plan}/report.{format}', params: { plan: adoptedIfo, format: 'html' }, query: 'period=2017-08', need: 'nothing', ok: 200 },
    { name: 'accounts download a report of a draft', method: 'GET', route: '/api/plans/{plan}/report.{format}', params: { plan: draftKey, format: 'html' }, query: 'period=2020', need: 'account', ok: 200 },
    { name: "anyone reads an adopted plan's history", method: 'GET', route: '/api/plans/{plan}/history', params: { plan: adoptedSn }, need: 'nothing', ok: 200 },
    { name: "accounts read a draft's history", method: 'GET', route: '/api/plans/{plan}/history', params: { plan: draftKey }, need: 'account', ok: 200 },

    // The workflow, on a draft of each owner; adopting and archiving a draft is refused by its state.
    ...(['sn', 'ifo'] as const).flatMap((node): Case[] => {
      const plan = drafts[node];
      const common = { params: { plan }, etagFrom: planUrl(plan), need: 'plans' as const, place: node };
      const owner = node.toUpperCase();
      return [
        { ...common, name: `ledning submits ${owner}'s draft`, method: 'POST', route: '/api/plans/{plan}/submit', body: {}, ok: 200, restore: () => ensureStatus(plan, 'draft') },
        {
          ...common,
          name: `ledning reopens ${owner}'s submitted plan`,
          method: 'POST',
          route: '/api/plans/{plan}/reopen',
          body: {},
          ok: 200,
          prepare: () => ensureStatus(plan, 'submitted'),
          restore: () => ensureStatus(plan, 'draft'),
        },
        { ...common, name: `ledning may adopt ${owner}'s plans (a draft: 409)`, method: 'POST', route: '/api/plans/{plan}/adopt', body: { decision }, ok: 409 },
        { ...common, name: `ledning may archive ${owner}'s plans (a draft: 409)`, method: 'POST', route: '/api/plans/{plan}/archive', body: {}, ok: 409 },
      ];
    }),
    ...([['sn', adoptedSn, '2021-2023'], ['ifo', adoptedIfo, '2019-2021']] as const).flatMap(([node, plan, to]): Case[] => [
      { name: `ledning previews a rollover of ${node.toUpperCase()}'s adopted plan`, method: 'GET', route: '/api/plans/{plan}/rollover', params: { plan }, query: `to=${to}&key=pm-rullad-${node}`, need: 'plans', place: node, ok: 200 },
      {
        name: `ledning rolls ${node.toUpperCase()}'s adopted plan over`,
        method: 'POST',
        route: '/api/plans/{plan}/rollover',
        params: { plan },
        body: { to, key: `pm-rullad-${node}` },
        need: 'plans',
        place: node,
        ok: 201,
        undo: (response) => removeAsAdmin(String(response.headers.location)),
      },
    ]),

    // Every part of a plan.
    ...planParts.flatMap(itemCases),
    {
      name: "moving IFO's outlook to Socialnämnden needs both in the subtree",
      method: 'PUT',
      route: '/api/plans/{plan}/outlooks/{key}',
      params: { plan: draftKey, key: 'pm-target-ifo' },
      makeBody: async () => ({ ...((await admin.get(`/api/plans/${draftKey}/outlooks/pm-target-ifo`)).json() as object), node: 'sn' }),
      etagFrom: `/api/plans/${draftKey}/outlooks/pm-target-ifo`,
      need: 'edit-content',
      place: 'sn',
      ok: 200,
      undo: async (response) => {
        const back = { ...(response.json() as object), node: 'ifo' };
        await expectStatus(await admin.send('PUT', `/api/plans/${draftKey}/outlooks/pm-target-ifo`, back, { 'if-match': String(response.headers.etag) }), 200);
      },
    },

    // The organisation tree.
    { name: 'anyone reads the organisation', method: 'GET', route: '/api/organisation', need: 'nothing', ok: 200 },
    { name: 'anyone reads an organisation node', method: 'GET', route: '/api/organisation/{key}', params: { key: 'svo' }, need: 'nothing', ok: 200 },
    { name: "anyone learns that a key two municipalities have needs the municipality", method: 'GET', route: '/api/organisation/{key}', params: { key: 'ifo' }, need: 'nothing', ok: 409 },
    { name: "anyone reads an organisation node of a municipality", method: 'GET', route: '/api/organisation/{municipality}/{key}', params: { municipality: '2262', key: 'ifo' }, need: 'nothing', ok: 200 },
    ...([['ifo', 'ifo'], ['sn', 'socialforvaltningen'], ['root', null]] as const).map(([place, parent]): Case => ({
      name: `editors add a node ${parent ? `under ${parent}` : 'at the top of the tree'}`,
      method: 'POST',
      route: '/api/organisation',
      query: 'municipality=2262',
      body: { key: `pm-ny-${place}`, kind: 'unit', name: 'Ny enhet', parent },
      need: 'edit-content',
      place,
      ok: 201,
      undo: () => removeAsAdmin(`/api/organisation/pm-ny-${place}`),
    })),
    ...(['ifo', 'sn'] as const).flatMap((place): Case[] =>
      (['/api/organisation/{key}', '/api/organisation/{municipality}/{key}'] as const).flatMap((route): Case[] => {
        const key = `pm-enhet-${place}`;
        const params = { municipality: '2262', key };
        const url = urlOf({ route, params });
        return [
          { name: `editors change a node in ${place.toUpperCase()} (${route})`, method: 'PUT', route, params, makeBody: async () => (await admin.get(url)).json(), etagFrom: url, need: 'edit-content', place, ok: 200 },
          {
            name: `editors remove an unused node in ${place.toUpperCase()} (${route})`,
            method: 'DELETE',
            route,
            params,
            etagFrom: url,
            need: 'edit-content',
            place,
            ok: 204,
            undo: async () => expectStatus(await admin.send('POST', '/api/organisation?municipality=2262', { key, kind: 'unit', name: `Behörighetsenheten ${place.toUpperCase()}`, parent: place === 'ifo' ? 'ifo' : 'socialforvaltningen' }), 201),
          },
        ];
      }),
    ),

    // Shared goals: the municipality's own goals are ledning's and admin's over the whole municipality, a committee goal its node's editors'.
    { name: 'anyone reads a shared goal', method: 'GET', route: '/api/goals/{municipality}/{key}', params: { municipality: '2262', key: 'kf-1:2' }, need: 'nothing', ok: 200 },
    ...([['root', 'kf-1:2'], ['ifo', 'pm-target-ifo'], ['sn', 'pm-target-sn']] as const).map(([place, key]): Case => {
      const url = `/api/goals/2262/${encodeURIComponent(key)}`;
      return {
        name: `${place === 'root' ? 'ledning over the whole municipality changes a municipal goal' : `editors change ${place.toUpperCase()}'s committee goal`}`,
        method: 'PUT',
        route: '/api/goals/{municipality}/{key}',
        params: { municipality: '2262', key },
        makeBody: async () => (await admin.get(url)).json(),
        etagFrom: url,
        need: place === 'root' ? 'municipal-goals' : 'edit-content',
        place,
        ok: 200,
      };
    }),

    // The audit trail.
    { name: 'accounts read the audit trail', method: 'GET', route: '/api/audit', query: `plan=${draftKey}&limit=5`, need: 'account', ok: 200 },

    // Kolada: public data, readable by everyone.
    { name: 'anyone compares a Kolada KPI', method: 'GET', route: '/api/kolada/compare', query: 'kpi=N31807&year=2022&municipality=2262', need: 'nothing', ok: 200 },
    { name: "anyone reads a Kolada KPI's series", method: 'GET', route: '/api/kolada/series', query: 'kpi=N31807&municipality=2262', need: 'nothing', ok: 200 },
    { name: 'anyone lists the Kolada comparison groups', method: 'GET', route: '/api/kolada/groups', query: 'municipality=2262', need: 'nothing', ok: 200 },
    { name: 'anyone searches Kolada KPIs', method: 'GET', route: '/api/kolada/kpis', query: 'q=bist%C3%A5nd', need: 'nothing', ok: 200 },
    { name: "admins see the Kolada sync's schedule and runs", method: 'GET', route: '/api/kolada/sync', need: 'admin', ok: 200 },
    { name: "anyone reads an adopted plan's Kolada links", method: 'GET', route: '/api/plans/{plan}/kolada', params: { plan: adoptedSn }, need: 'nothing', ok: 200 },
    { name: "accounts read a draft's Kolada links", method: 'GET', route: '/api/plans/{plan}/kolada', params: { plan: draftKey }, need: 'account', ok: 200 },
    { name: "anyone reads a volume measure's Kolada link", method: 'GET', route: '/api/plans/{plan}/kolada/{type}/{measure}', params: { plan: adoptedSn, type: 'volume', measure: 'hushall-forsorjningsstod' }, need: 'nothing', ok: 200 },
    ...([[adoptedSn, 'sn', 'hushall-forsorjningsstod'], [adoptedIfo, 'ifo', 'hvb-barn-unga-manadsslut']] as const).map(([plan, node, measure]): Case => ({
      name: `editors link ${node.toUpperCase()}'s volume measure to Kolada (an adopted plan's too: the link is not plan content)`,
      method: 'PUT',
      route: '/api/plans/{plan}/kolada/{type}/{measure}',
      params: { plan, type: 'volume', measure },
      body: { kpis: [{ kpi: 'N31807', group: 'ekonomiskt bistånd' }] },
      etagFrom: `/api/plans/${plan}/kolada/volume/${measure}`,
      need: 'edit-content',
      place: node,
      ok: 200,
    })),
    // Imports of actuals (issue 14): volumes and indicators for editors, ledgers and their mappings for ekonomer, in the nodes the figures belong to.
    ...(['ifo', 'sn'] as const).flatMap((node): Case[] => {
      const owner = node.toUpperCase();
      return [
        {
          name: `editors preview an import of ${owner}'s volume actuals (dry run: nothing written)`,
          method: 'POST',
          route: '/api/plans/{plan}/imports/actuals',
          params: { plan: actualsPlans[node] },
          query: 'dryRun=true',
          body: node === 'ifo' ? demoFile('timra-ifo-2017-volymer.csv') : actualsFile(node, '05', 42),
          headers: upload('volymer.csv'),
          need: 'edit-content',
          place: node,
          ok: 200,
          undo: expectDryRun,
        },
        {
          name: `editors send a file already imported into ${owner}'s plan again (nothing written)`,
          method: 'POST',
          route: '/api/plans/{plan}/imports/actuals',
          params: { plan: actualsPlans[node] },
          makeBody: async () => actualsFile(node, '03', 40),
          headers: upload('samma.csv'),
          need: 'edit-content',
          place: node,
          ok: 200,
          undo: async (response) => {
            if (response.json().status !== 'already-imported') throw new Error(`inte redan importerad: ${response.body.slice(0, 200)}`);
          },
        },
        {
          name: `editors import a new file with figures ${owner}'s plan already has from the same source (nothing written)`,
          method: 'POST',
          route: '/api/plans/{plan}/imports/actuals',
          params: { plan: actualsPlans[node] },
          makeBody: async () => Buffer.from(actualsFile(node, '03', 40).toString('utf8').replaceAll('\n', '\r\n'), 'utf8'),
          headers: upload('samma siffror.csv'),
          need: 'edit-content',
          place: node,
          ok: 200,
          undo: async (response) => {
            if (response.json().status !== 'unchanged') throw new Error(`inte oförändrad: ${response.body.slice(0, 200)}`);
          },
        },
        {
          name: `editors undo an import of ${owner}'s volume actuals`,
          method: 'POST',
          route: '/api/imports/{id}/undo',
          params: undoing[node],
          need: 'edit-content',
          place: node,
          ok: 200,
          prepare: async () => {
            undoing[node].id = String(await importActualsFile(node, actualsFile(node, '04', 41), 'ångras.csv'));
          },
          restore: async () => {
            const id = Number(undoing[node].id);
            if ((await getImport(api.database.db, id)).status === 'imported') await undoImport(api.database.db, { id, actor: 'test' });
          },
        },
      ];
    }),
    {
      name: "ekonomer preview an import of IFO's ledger through the demo mapping (dry run: nothing written)",
      method: 'POST',
      route: '/api/imports/ledger',
      query: `mapping=${demoMapping.key}&plan=${actualsPlans.ifo}&dryRun=true`,
      body: demoFile('timra-ifo-2017-huvudbok.se'),
      headers: upload('timra-ifo-2017-huvudbok.se'),
      need: 'edit-economy',
      place: 'ifo',
      ok: 200,
      undo: expectDryRun,
    },
    { name: 'accounts list the ledger mappings', method: 'GET', route: '/api/ledger-mappings', need: 'account', ok: 200 },
    { name: 'accounts read a ledger mapping', method: 'GET', route: '/api/ledger-mappings/{key}', params: { key: demoMapping.key }, need: 'account', ok: 200 },
    ...([['ifo', demoMapping.key], ['sn', snMapping.key]] as const).map(([place, key]): Case => {
      const url = `/api/ledger-mappings/${key}`;
      return {
        name: `ekonomer change a ledger mapping onto ${place === 'ifo' ? "IFO's units" : 'Socialnämnden outside IFO'} (sent back as read)`,
        method: 'PUT',
        route: '/api/ledger-mappings/{key}',
        params: { key },
        makeBody: async () => (await admin.get(url)).json(),
        etagFrom: url,
        need: 'edit-economy',
        place,
        ok: 200,
      };
    }),
    { name: 'accounts list the imports', method: 'GET', route: '/api/imports', query: `plan=${actualsPlans.ifo}&limit=5`, need: 'account', ok: 200 },
    { name: 'accounts read an import and its cells', method: 'GET', route: '/api/imports/{id}', params: { get id() { return String(standing.ifo); } }, need: 'account', ok: 200 },
    { name: "accounts follow an import's progress (no import with that token: 404)", method: 'GET', route: '/api/imports/progress/{token}', params: { token: 'pm-okand-token' }, need: 'account', ok: 404 },
    { name: "anyone reads where an adopted plan's figures come from", method: 'GET', route: '/api/plans/{plan}/figure-sources', params: { plan: actualsPlans.ifo }, query: 'item=volume-table', need: 'nothing', ok: 200 },
    { name: "accounts read where a draft's figures come from", method: 'GET', route: '/api/plans/{plan}/figure-sources', params: { plan: draftKey }, need: 'account', ok: 200 },
  ];

  async function run(c: Case): Promise<string[]> {
    const wrong: string[] = [];
    const body = c.makeBody ? await c.makeBody() : c.body;
    let etag: string | undefined;
    let audit = await auditCount();
    for (const subject of subjects) {
      if (c.prepare) {
        await c.prepare();
        audit = await auditCount();
      }
      if (c.etagFrom && (etag === undefined || c.prepare || c.restore)) etag = await etagOf(admin, c.etagFrom);
      const client = c.clientFor ? await c.clientFor(subject) : clients[subject];
      const response = await client.request({
        method: c.method,
        url: urlOf(c),
        headers: { ...c.headers, ...(etag ? { 'if-match': etag } : {}) },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      exercised.add(`${c.method} ${c.route}`);
      const want = expectedStatus(c, subject);
      if (response.statusCode !== want) wrong.push(`${subject}: ${response.statusCode}, väntat ${want}: ${response.body.slice(0, 160)}`);
      if (response.statusCode === 401 || response.statusCode === 403) {
        const error = response.json();
        if (error.code !== (response.statusCode === 401 ? 'unauthenticated' : 'forbidden') || !error.message) wrong.push(`${subject}: felkroppen saknar kod eller meddelande: ${response.body}`);
        if ((await auditCount()) !== audit) wrong.push(`${subject}: nekades men ändringsloggen växte`);
      }
      if (response.statusCode >= 200 && response.statusCode < 300) {
        await c.undo?.(response);
        etag = undefined;
      }
      await c.restore?.();
      if (c.method !== 'GET' && response.statusCode !== 401 && response.statusCode !== 403) audit = await auditCount();
    }
    return wrong;
  }

  for (const c of cases) {
    it(`${c.name} — ${c.method} ${c.route}`, async () => {
      expect(await run(c)).toEqual([]);
    });
  }

  it('calls every operation in the OpenAPI document', async () => {
    const document = (await api.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    // Follow-up rounds grant by responsibility, not by role alone: their own matrix is tests/rounds/permissions.test.ts.
    const roundOperation = (path: string) => path.includes('/rounds') || path.startsWith('/api/me/') || path.endsWith('/mail-address');
    const documented = Object.entries(document.paths)
      .filter(([path]) => !roundOperation(path))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.length).toBeGreaterThan(90);
    expect(documented.filter((operation) => !exercised.has(operation))).toEqual([]);
    const undocumented = [...exercised].filter((operation) => !documented.includes(operation));
    expect(undocumented.sort()).toEqual(['GET /api/docs', 'GET /api/openapi.json']);
    console.info(`behörighetsmatrisen: ${cases.length} fall × ${subjects.length} anropare = ${cases.length * subjects.length} anrop`);
  });

  it('does not let ledning for IFO change the organisation outside IFO by importing a plan', async () => {
    const before = { sn: (await admin.get('/api/organisation/2262/sn')).json(), svo: (await admin.get('/api/organisation/2262/svo')).json() };
    const organisation = [...aPlan().organisation.map((node) => (node.key === 'sn' ? { ...node, name: 'Omdöpt nämnd' } : node)), { ...before.svo, parent: 'ifo' }];
    const response = await clients['ledning-ifo'].send('POST', '/api/plans', aPlan({ plan: { key: 'pm-kapning-2020-2022', ownerNode: 'ifo' }, organisation }));
    try {
      expect(response.statusCode).toBe(403);
      expect((await admin.get('/api/organisation/2262/sn')).json()).toEqual(before.sn);
      expect((await admin.get('/api/organisation/2262/svo')).json()).toEqual(before.svo);
    } finally {
      if (response.statusCode === 201) await removeAsAdmin('/api/plans/pm-kapning-2020-2022');
      for (const [key, node] of Object.entries(before)) {
        const url = `/api/organisation/2262/${key}`;
        await expectStatus(await admin.send('PUT', url, node, { 'if-match': await etagOf(admin, url) }), 200);
      }
    }
  });

  it('does not let an editor for IFO lift a node out of the tree', async () => {
    const url = '/api/organisation/pm-enhet-ifo';
    const before = (await admin.get(url)).json();
    const response = await clients['redaktor-ifo'].send('PUT', url, { ...before, parent: null }, { 'if-match': await etagOf(admin, url) });
    try {
      expect(response.statusCode).toBe(403);
    } finally {
      await expectStatus(await admin.send('PUT', url, before, { 'if-match': await etagOf(admin, url) }), 200);
    }
  });

  it('shows the public adopted plans only, and accounts every plan', async () => {
    const publicPlans = (await api.anonymous.get('/api/plans')).json().plans.map((plan: { key: string }) => plan.key);
    expect(publicPlans.sort()).toEqual([adoptedHere, adoptedIfo, adoptedSn]);
    const readerPlans = (await clients.lasare.get('/api/plans')).json().plans.map((plan: { key: string }) => plan.key);
    expect(readerPlans).toEqual(expect.arrayContaining([adoptedIfo, adoptedSn, draftKey, draftIfo, draftOther]));
  });
});
