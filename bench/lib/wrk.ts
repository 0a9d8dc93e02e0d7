/**
 * wrk (C, `apt-get install wrk`) as the load generator for plain requests, when it is installed.
 * On two cores the load generator shares the machine with the server: autocannon (JavaScript)
 * spends far more CPU per answer read than wrk, and reading the adopted plan's 57 kB answers it is
 * the limit, not the server (issue 11's adopted plan GET: the server at 29–35 % of hello-world's
 * CPU per answer, the rate at 19–20 %). STYRKORT_BENCH_LOAD=autocannon chooses autocannon anyway.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const wrkPath = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((path) => existsSync(path)) ?? null;

export interface WrkResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Non-2xx/3xx answers and socket errors (connect, read, write, timeout). */
  failures: number;
  bytesRead: number;
}

const units: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const sizes: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Milliseconds from wrk's "1.23ms", "850.00us", "1.02s". */
function millis(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!match) throw new Error(`wrk: okänd tid "${text}"`);
  return Number(match[1]) * units[match[2]!]!;
}

/** What wrk --latency prints, as numbers. */
export function parseWrk(output: string): WrkResult {
  const totals = /(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)(B|KB|MB|GB) read/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  if (!totals || !p50 || !p99) throw new Error(`wrk: oväntat svar:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1, 5).reduce((n, count) => n + Number(count), 0) : 0;
  return {
    requests: Number(totals[1]),
    seconds: millis(`${totals[2]}${totals[3]}`) / 1000,
    p50: millis(p50[1]!),
    p99: millis(p99[1]!),
    failures: socketErrors + Number(non2xx?.[1] ?? 0),
    bytesRead: Number(totals[4]) * sizes[totals[5]!]!,
  };
}

/** One wrk run: one thread (one core, as autocannon), `connections` keep-alive connections. */
export async function wrk(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<WrkResult> {
  if (!wrkPath) throw new Error('wrk finns inte');
  const args = ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url];
  const { stdout } = await run(wrkPath, args, { maxBuffer: 1024 * 1024 });
  return parseWrk(stdout);
}
