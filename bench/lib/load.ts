/**
 * Load on the server under bench, from this process (the server runs in another): wrk or autocannon
 * for plain requests, and a closed loop of its own for writes whose every request needs the version
 * the previous answer gave (autocannon resets a client's context after each pass).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { median, quick } from './report.ts';
import { wrk, wrkPath } from './wrk.ts';

export const connections = 50;
export const seconds = quick ? 3 : 10;
const warmupSeconds = quick ? 1 : 2;

export interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx/304, errors and timeouts: a run with any is not a valid figure. */
  failures: number;
  bytes: number;
  /** The server's CPU seconds over the run, when the caller gave a way to read them. */
  serverCpu?: number;
}

/** The load generator for plain requests: wrk when installed (bench/lib/wrk.ts), else autocannon. */
export const loadGenerator = wrkPath && process.env.STYRKORT_BENCH_LOAD !== 'autocannon' ? 'wrk' : 'autocannon';

async function cannon(url: string, duration: number, headers: Record<string, string>): Promise<LoadResult> {
  return loadGenerator === 'wrk' ? withWrk(url, duration, headers) : withAutocannon(url, duration, headers);
}

async function withWrk(url: string, duration: number, headers: Record<string, string>): Promise<LoadResult> {
  const result = await wrk(url, connections, duration, headers);
  await settle(new URL(url).origin);
  return { rate: result.requests / result.seconds, p50: result.p50, p99: result.p99, requests: result.requests, failures: result.failures, bytes: result.bytesRead / Math.max(1, result.requests) };
}

async function withAutocannon(url: string, duration: number, headers: Record<string, string>): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration, headers });
  await settle(new URL(url).origin);
  const good = result['2xx'] + (result.statusCodeStats?.['304']?.count ?? 0);
  return {
    rate: result.requests.total / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.requests.total - good + result.errors + result.timeouts,
    bytes: result.throughput.average / Math.max(1, result.requests.average),
  };
}

/** autocannon at `connections` connections: a short warm-up, then the measured run. */
export async function hammer(url: string, options: { headers?: Record<string, string> } = {}): Promise<LoadResult> {
  await cannon(url, warmupSeconds, options.headers ?? {});
  return cannon(url, seconds, options.headers ?? {});
}

/** Slices of one second, taken in turns with the ceiling's: `seconds` of each. */
const slices = seconds;

/**
 * A route and the machine's ceiling (the bench's hello-world route) measured in turns, one second
 * each, so that other work on the machine, which comes and goes within seconds, weighs on both
 * alike. Rates are over all slices; latencies are the slices' worst.
 */
export async function hammerBeside(url: string, ceilingUrl: string, options: { headers?: Record<string, string>; serverCpu?: () => number } = {}): Promise<{ route: LoadResult; ceiling: LoadResult }> {
  const headers = options.headers ?? {};
  await cannon(ceilingUrl, warmupSeconds, {});
  await cannon(url, warmupSeconds, headers);
  const route: LoadResult[] = [];
  const ceiling: LoadResult[] = [];
  const measured = async (target: string, slice: Record<string, string>) => {
    const before = options.serverCpu?.();
    const result = await cannon(target, 1, slice);
    return before === undefined ? result : { ...result, serverCpu: options.serverCpu!() - before };
  };
  for (let slice = 0; slice < slices; slice += 1) {
    ceiling.push(await measured(ceilingUrl, {}));
    route.push(await measured(url, headers));
  }
  return { route: combine(route), ceiling: combine(ceiling) };
}

function combine(results: LoadResult[]): LoadResult {
  const requests = results.reduce((n, result) => n + result.requests, 0);
  return {
    rate: requests / results.length,
    p50: median(results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    requests,
    failures: results.reduce((n, result) => n + result.failures, 0),
    bytes: results.reduce((n, result) => n + result.bytes * result.requests, 0) / Math.max(1, requests),
    ...(results.every((result) => result.serverCpu !== undefined) ? { serverCpu: results.reduce((n, result) => n + result.serverCpu!, 0) } : {}),
  };
}

/**
 * Waits until the server has worked off what a run left in flight (autocannon stops waiting at the
 * end of a run, the server does not), so one route's backlog is not charged to the next: the
 * bench's hello-world route answers within 50 ms twice in a row, or 60 s have passed.
 */
export async function settle(origin: string): Promise<void> {
  const end = performance.now() + 60_000;
  let quickAnswers = 0;
  while (quickAnswers < 2 && performance.now() < end) {
    const started = performance.now();
    await send(`${origin}/bench/hello`);
    quickAnswers = performance.now() - started < 50 ? quickAnswers + 1 : 0;
  }
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: connections });

/** Closes the keep-alive connections, so the bench's process can end. */
export function closeConnections(): void {
  agent.destroy();
}

/** One HTTP request over the shared keep-alive agent. */
export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** The rate of good answers over `seconds`, and the latencies' median and 99th percentile. */
function summarise(latencies: number[], failures: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    rate: (latencies.length - failures) / seconds,
    p50: median(latencies),
    p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN,
    requests: latencies.length,
    failures,
    bytes: 0,
  };
}

/**
 * `workers` loops, each sending its next request as soon as the previous one was answered, for
 * `seconds` (after a warm-up). `step(worker, n)` sends one request and says whether it succeeded.
 */
export async function closedLoop(workers: number, step: (worker: number, n: number) => Promise<boolean>): Promise<LoadResult> {
  const pass = async (duration: number) => {
    const latencies: number[] = [];
    let failures = 0;
    const end = performance.now() + duration * 1000;
    const loop = async (worker: number) => {
      for (let n = 0; performance.now() < end; n += 1) {
        const started = performance.now();
        const ok = await step(worker, n).catch(() => false);
        latencies.push(performance.now() - started);
        if (!ok) failures += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
    return summarise(latencies, failures, (performance.now() - started) / 1000);
  };
  await pass(warmupSeconds);
  return pass(seconds);
}

/**
 * Requests at a fixed rate (an open loop): `rate` a second for `seconds` (after a warm-up), each
 * sent at its time by the first of `workers` that is free. A latency counts from the time the
 * request was due, so a request that waited for a free worker is charged the wait. This is the
 * latency users see at that load; a closed loop's latency is only its number of workers over its
 * rate.
 */
export async function openLoop(rate: number, workers: number, step: (worker: number, n: number) => Promise<boolean>): Promise<LoadResult> {
  const pass = async (duration: number) => {
    const latencies: number[] = [];
    let failures = 0;
    const total = Math.round(rate * duration);
    const started = performance.now();
    let next = 0;
    const loop = async (worker: number) => {
      for (let n = next++; n < total; n = next++) {
        const due = started + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const ok = await step(worker, n).catch(() => false);
        latencies.push(performance.now() - due);
        if (!ok) failures += 1;
      }
    };
    await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
    return summarise(latencies, failures, (performance.now() - started) / 1000);
  };
  await pass(warmupSeconds);
  return pass(seconds);
}
