/**
 * A local Kolada API v3 on 127.0.0.1 for the sync tests, serving the real data in demo/kolada in
 * the API's shape: `{values, count, next_url, previous_url}` pages (next_url written for
 * api.kolada.se, as the real API does, so the client must stay on its own host), data rows
 * `{kpi, municipality, period, values: [{gender, value, count, status}]}`, `from_date`, and
 * `isdeleted`. Faults are scripted: a status (429 with Retry-After, 500), a connection dropped
 * mid-page, malformed JSON. Every request is recorded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readKoladaFile } from '../../src/domain/kolada/files.ts';
import type { KoladaKpi } from '../../src/domain/kolada/model.ts';
import { sharedKoladaFiles } from './shared-files.ts';

export interface Fault {
  /** Which requests it hits, e.g. ({ path, page }) => path.includes('/data/') && page === 2. */
  when: (request: { path: string; page: number }) => boolean;
  kind: 'status' | 'drop' | 'malformed';
  status?: number;
  retryAfter?: string;
  /** How many times it happens before the request succeeds (default 1). */
  times?: number;
}

export interface RecordedRequest {
  path: string;
  query: Record<string, string>;
  status: number | 'dropped';
  at: number;
}

interface DataRow {
  kpi: string;
  municipality: string;
  period: number;
  values: Array<{ gender: string; value: number | null; count: number; status: string }>;
  updated: string;
  deleted: boolean;
}

const REAL_DATA_DATE = '2024-08-30';

interface RealData {
  lists: Record<string, unknown[]>;
  values: Array<ReturnType<typeof readKoladaFile>['batch']['values'][number]>;
}

let parsed: RealData | undefined;

/**
 * The real files, parsed once per process: each test's new server serves the same data (parsing
 * took 0.13–0.23 s a server, now 0.02). Each server keeps its own rows, which tests change.
 */
function realData(): RealData {
  if (parsed) return parsed;
  const files = Object.fromEntries(sharedKoladaFiles().map((file) => [file.name, file.text]));
  const kpis = readKoladaFile('kpi.csv', files['ddf-raw-kpi_results.csv']!).batch.kpis;
  const lists = {
    municipality: JSON.parse(files['pykolada-municipality.json']!),
    municipality_groups: JSON.parse(files['pykolada-municipality_groups.json']!),
    kpi: kpis.map(kpiObject),
    kpi_groups: JSON.parse(files['pykolada-kpi_groups.json']!),
  };
  const values = Object.entries(files).flatMap(([name, text]) => (name.includes('-by-geo-') ? readKoladaFile(name, text).batch.values : []));
  parsed = { lists, values };
  return parsed;
}

export class FakeKolada {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly rows = new Map<string, DataRow>();
  private readonly lists: Record<string, unknown[]>;
  private server: Server | null = null;
  url = '';

  constructor(private readonly pageSize = 1000) {
    const real = realData();
    this.lists = real.lists;
    for (const v of real.values) this.setValue(v.kpi, v.municipality, v.year, v.gender, v.value === null ? null : Number(v.value), REAL_DATA_DATE);
  }

  /** Sets (or adds) a value, updated on `updated` ('YYYY-MM-DD'). */
  setValue(kpi: string, municipality: string, year: number, gender: string, value: number | null, updated: string): void {
    const key = `${kpi}|${municipality}|${year}`;
    const row = this.rows.get(key) ?? { kpi, municipality, period: year, values: [], updated, deleted: false };
    row.values = [...row.values.filter((v) => v.gender !== gender), { gender, value, count: value === null ? 0 : 1, status: '' }];
    row.updated = updated > row.updated ? updated : row.updated;
    row.deleted = false;
    this.rows.set(key, row);
  }

  /** Marks a data row deleted on `updated`: later listings with from_date carry it with isdeleted. */
  deleteRow(kpi: string, municipality: string, year: number, updated: string): void {
    const row = this.rows.get(`${kpi}|${municipality}|${year}`);
    if (row) Object.assign(row, { deleted: true, updated });
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    // Storing a unit can take seconds on a loaded machine: keep idle connections open meanwhile.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests whose path contains `text`. */
  requestsTo(text: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(text));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const page = Number(query.page ?? '1');
    const record = (status: number | 'dropped') => this.requests.push({ path: url.pathname, query, status, at: Date.now() });
    const fault = this.faults.find((f) => (f.times ?? 0) > 0 && f.when({ path: url.pathname, page }));
    if (fault) fault.times = (fault.times ?? 1) - 1;
    if (fault?.kind === 'status') {
      record(fault.status!);
      response.writeHead(fault.status!, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
      response.end(JSON.stringify({ error: 'fel' }));
      return;
    }
    const answer = this.answer(url.pathname, query);
    if (answer.status !== 200) {
      record(answer.status);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: answer.error }));
      return;
    }
    const body = this.page(url, answer.items, page);
    if (fault?.kind === 'drop') {
      // Headers and half the body, then the connection goes.
      record('dropped');
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      response.write(body.slice(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
      return;
    }
    record(200);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(fault?.kind === 'malformed' ? body.slice(0, Math.floor(body.length / 2)) : body);
  }

  private answer(path: string, query: Record<string, string>): { status: number; items: unknown[]; error?: string } {
    const list = /^\/v3\/(municipality|municipality_groups|kpi|kpi_groups)$/.exec(path);
    if (list) return { status: 200, items: this.lists[list[1]!]! };
    const data = /^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)$/.exec(path);
    if (!data) return { status: 404, items: [], error: 'okänd adress' };
    const kpis = decodeURIComponent(data[1]!).split(',');
    const municipalities = decodeURIComponent(data[2]!).split(',');
    if (kpis.length > 25 || municipalities.length > 25) return { status: 400, items: [], error: 'högst 25 id per del' };
    const from = query.from_date;
    const items = [...this.rows.values()]
      .filter((row) => kpis.includes(row.kpi) && municipalities.includes(row.municipality))
      .filter((row) => (from ? row.updated >= from : !row.deleted))
      .sort((a, b) => a.kpi.localeCompare(b.kpi) || a.municipality.localeCompare(b.municipality) || a.period - b.period)
      .map(({ kpi, municipality, period, values, deleted }) => ({ kpi, municipality, period, values, ...(deleted ? { isdeleted: true } : {}) }));
    return { status: 200, items };
  }

  private page(url: URL, items: unknown[], page: number): string {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '5000'), this.pageSize);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (n: number) => {
      const next = new URL(`https://api.kolada.se${url.pathname}`);
      for (const [name, value] of url.searchParams) next.searchParams.set(name, value);
      next.searchParams.set('page', String(n));
      return next.href;
    };
    const more = page * perPage < items.length;
    return JSON.stringify({ values: slice, count: slice.length, next_url: more ? link(page + 1) : '', previous_url: page > 1 ? link(page - 1) : '' });
  }
}

/** A KPI as the API writes it. */
function kpiObject(kpi: KoladaKpi): Record<string, unknown> {
  return {
    id: kpi.id,
    title: kpi.title,
    description: kpi.description ?? '',
    definition: kpi.definition ?? '',
    auspices: kpi.auspices ?? '',
    municipality_type: kpi.municipalityType ?? '',
    is_divided_by_gender: kpi.isDividedByGender ? 1 : 0,
    has_ou_data: kpi.hasOuData ?? false,
    operating_area: kpi.operatingArea ?? '',
    perspective: kpi.perspective ?? '',
    publication_date: kpi.publicationDate ?? '',
    ou_publication_date: kpi.ouPublicationDate ?? '',
    prel_publication_date: kpi.prelPublicationDate ?? '',
  };
}
