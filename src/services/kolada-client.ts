/**
 * A client for Kolada's API v3: follows `next_url` page by page (always on the configured host),
 * retries on 429 (honouring Retry-After), 5xx, timeouts and dropped connections with back-off and
 * jitter, and stops with a clear Swedish message on anything else. A page that is not JSON is not
 * retried: it is reported, so nothing half-read is stored.
 */
import { StyrkortError } from '../domain/errors.ts';
import { readApiEnvelope } from '../domain/kolada/api-objects.ts';
import { backoffDelay, parseRetryAfter } from '../domain/kolada/backoff.ts';
import { jsonErrorOffset, lineAndColumn } from '../domain/kolada/json-position.ts';

export const DEFAULT_KOLADA_URL = 'https://api.kolada.se/v3';

export interface ClientOptions {
  /** Kolada's base address, e.g. https://api.kolada.se/v3 (STYRKORT_KOLADA_URL). */
  baseUrl: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The longest Retry-After honoured; a longer one is cut to this. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  perPage?: number;
  random?: () => number;
  signal?: AbortSignal;
  /** Called before every request (the sync beats its heartbeat here). */
  beforeRequest?: () => Promise<void>;
  /** Told about every retry, for logs and progress. */
  onRetry?: (event: { url: string; attempt: number; waitMs: number; reason: string }) => void;
}

export interface ClientStats {
  requests: number;
  pages: number;
  retries: number;
}

const MAX_PAGES = 10_000;

/** A Kolada API client; one per sync, so its statistics describe that sync. */
export class KoladaClient {
  readonly stats: ClientStats = { requests: 0, pages: 0, retries: 0 };
  private readonly base: URL;

  constructor(private readonly options: ClientOptions) {
    try {
      this.base = new URL(options.baseUrl.replace(/\/+$/, ''));
    } catch {
      throw new StyrkortError('usage', `Kolada-adressen "${options.baseUrl}" är ingen giltig adress (STYRKORT_KOLADA_URL)`);
    }
  }

  /** Every object of a listing or data query, all pages followed. */
  async fetchAll(path: string, query: Record<string, string | undefined> = {}): Promise<unknown[]> {
    const first = new URL(`${this.base.pathname}${path}`, this.base);
    for (const [name, value] of Object.entries({ per_page: String(this.options.perPage ?? 5000), ...query })) {
      if (value !== undefined) first.searchParams.set(name, value);
    }
    const values: unknown[] = [];
    const seen = new Set<string>();
    for (let url: URL | null = first; url; ) {
      if (seen.has(url.href) || seen.size >= MAX_PAGES) throw new StyrkortError('upstream', `Kolada pekar om och om igen på samma sida (${url.href}); synken avbryts`);
      seen.add(url.href);
      const page = await this.fetchPage(url, seen.size);
      values.push(...page.values);
      this.stats.pages++;
      url = page.nextUrl ? this.onOwnHost(page.nextUrl) : null;
    }
    return values;
  }

  /** next_url is followed for its path and query only, on the configured host (never elsewhere). */
  private onOwnHost(next: string): URL {
    const parsed = new URL(next, this.base);
    return new URL(`${parsed.pathname}${parsed.search}`, this.base.origin);
  }

  private async fetchPage(url: URL, pageNumber: number): Promise<{ values: unknown[]; nextUrl: string | null }> {
    const maxAttempts = this.options.maxAttempts ?? 6;
    let lastProblem = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await this.options.beforeRequest?.();
      const outcome = await this.attempt(url);
      if (outcome.kind === 'ok') return this.readPage(outcome.text, url, pageNumber);
      lastProblem = outcome.reason;
      if (attempt === maxAttempts) break;
      const waitMs = outcome.retryAfterMs ?? backoffDelay({ attempt, baseMs: this.options.baseDelayMs ?? 1000, maxMs: this.options.maxDelayMs ?? 60_000, random: (this.options.random ?? Math.random)() });
      this.stats.retries++;
      this.options.onRetry?.({ url: url.href, attempt, waitMs, reason: outcome.reason });
      await sleep(waitMs, this.options.signal);
    }
    throw new StyrkortError('upstream', `Kolada svarade inte efter ${maxAttempts} försök på ${url.href} (${lastProblem}). Det som hämtats klart är sparat; kör synken igen för att fortsätta.`);
  }

  private async attempt(url: URL): Promise<{ kind: 'ok'; text: string } | { kind: 'retry'; reason: string; retryAfterMs?: number }> {
    this.stats.requests++;
    const signals = [AbortSignal.timeout(this.options.timeoutMs ?? 60_000), ...(this.options.signal ? [this.options.signal] : [])];
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json', 'user-agent': 'Styrkort (Kolada-synk)' }, signal: AbortSignal.any(signals) });
    } catch (error) {
      this.throwIfAborted();
      return { kind: 'retry', reason: `ingen förbindelse: ${causeOf(error)}` };
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), new Date());
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = retryAfter === null ? undefined : Math.min(retryAfter, this.options.maxRetryAfterMs ?? 300_000);
      return { kind: 'retry', reason: response.status === 429 ? 'för många anrop (429)' : `serverfel ${response.status}`, retryAfterMs };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new StyrkortError('upstream', `Kolada svarade ${response.status} på ${url.href}; kontrollera nyckeltalens id och STYRKORT_KOLADA_URL`);
    }
    try {
      return { kind: 'ok', text: await response.text() };
    } catch (error) {
      this.throwIfAborted();
      return { kind: 'retry', reason: `förbindelsen bröts mitt i svaret: ${causeOf(error)}` };
    }
  }

  private readPage(text: string, url: URL, pageNumber: number): { values: unknown[]; nextUrl: string | null } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const { line, column } = lineAndColumn(text, jsonErrorOffset(text) ?? text.length);
      throw new StyrkortError('upstream', `Kolada svarade med ogiltig JSON på ${url.href} (sida ${pageNumber}, rad ${line}, kolumn ${column}). Inget från den delen har sparats; kör synken igen för att fortsätta.`);
    }
    const page = readApiEnvelope(json);
    if (typeof page === 'string') throw new StyrkortError('upstream', `Kolada svarade oväntat på ${url.href} (sida ${pageNumber}): ${page}. Inget från den delen har sparats.`);
    return page;
  }

  private throwIfAborted(): void {
    if (this.options.signal?.aborted) throw new StyrkortError('upstream', 'Synken avbröts; det som hämtats klart är sparat och nästa synk fortsätter därifrån.');
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** Waits, or stops early when the sync is aborted. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
