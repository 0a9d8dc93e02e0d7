/**
 * Import readers benchmark: a 1 000 000-line ledger as CSV and an equally large SIE 4 file are
 * generated (streamed to temporary files), then read — and read and aggregated by a mapping of
 * 200 cost centres — by Styrkort's readers. Prints rows per second (by the wall clock and by the
 * process's CPU time, which a shared machine does not distort), megabytes per second, the growth
 * of the resident set size (peak RSS during the run − RSS before it) and the peak, medians of 3 runs.
 * The readers are the first part of `styrkort import-ledger`, whose target is ≥ 200 000 rows/s
 * with the database (issue 14); they must be well above that on their own.
 * Run with `npm run bench imports` (or `npx tsx bench/imports.bench.ts [lines]`).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { parseLedgerMapping, type LedgerMapping } from '../src/domain/ledger/mapping.ts';
import { aggregateEntries } from '../src/imports/ledger/aggregate-ledger-file.ts';
import { readLedger } from '../src/imports/ledger/read-ledger.ts';

const LINES = Number(process.argv[2] ?? 1_000_000);
const RUNS = 3;
const ACCOUNTS = ['3140', '3510', '3590', '4010', '4510', '4610', '4620', '4630', '5110', '5410', '5610', '6110', '7310'];

/** A generator of the same pseudo-random numbers every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(path: string, encode: (text: string) => Buffer, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (!out.write(encode(`${chunk.join('\r\n')}\r\n`))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    chunk = [];
  };
  for (const line of lines()) {
    chunk.push(line);
    if (chunk.length === 10_000) await flush();
  }
  if (chunk.length > 0) await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function amount(next: () => number): number {
  return Math.floor(next() * 5_000_000) + 1; // up to 50 000 kr, in öre
}

function* csvLines(): Generator<string> {
  const next = random(1);
  yield 'Period;Ansvar;Verksamhet;Konto;Belopp;Text';
  for (let i = 1; i < LINES; i++) {
    const ore = amount(next);
    const kronor = String(Math.floor(ore / 100)).replace(/\B(?=(\d{3})+$)/g, ' ');
    const text = i % 7 === 0 ? '"Faktura; ram\u00adavtal"' : `Verifikation ${i}`;
    yield `2017-${String((i % 12) + 1).padStart(2, '0')};${70000 + (i % 200)};${5700 + (i % 20)};${ACCOUNTS[i % ACCOUNTS.length]};${i % 5 === 0 ? '-' : ''}${kronor},${String(ore % 100).padStart(2, '0')};${text}`;
  }
}

function* sieLines(): Generator<string> {
  const next = random(2);
  yield* ['#FLAGGA 0', '#PROGRAM "Styrkort bench" 1', '#FORMAT PC8', '#GEN 20180115', '#SIETYP 4', '#FNAMN "Bänkkommunen"', '#RAR 0 20170101 20171231', '#DIM 1 "Ansvar"', '#DIM 20 "Verksamhet"'];
  let lines = 9;
  for (let voucher = 1; lines < LINES; voucher++) {
    const month = String((voucher % 12) + 1).padStart(2, '0');
    yield `#VER LF ${voucher} 2017${month}15 "Leverantörsfaktura ${voucher}"`;
    yield '{';
    let sum = 0;
    for (let row = 0; row < 8; row++) {
      const ore = amount(next);
      sum += ore;
      yield `   #TRANS ${ACCOUNTS[(voucher + row) % ACCOUNTS.length]} {1 "${70000 + ((voucher + row) % 200)}" 20 "${5700 + (row % 20)}"} ${(ore / 100).toFixed(2)}`;
    }
    yield `   #TRANS 2540 {} -${(sum / 100).toFixed(2)}`;
    yield '}';
    lines += 12;
  }
}

function mapping(): LedgerMapping {
  // 150 of the 200 cost centres are mapped, in ranges of ten; the rest are listed as unmapped.
  const rules = Array.from({ length: 15 }, (_, i) => ({
    match: { responsibility: `${7000 + i}0-${7000 + i}9` },
    target: { node: `enhet-${i}` },
  }));
  return parseLedgerMapping({
    format: 'styrkort-ledger-mapping',
    formatVersion: 1,
    key: 'bench',
    name: 'Bänk',
    municipality: '0000',
    sie: { responsibility: '1', activity: '20' },
    columns: { period: 'Period', account: 'Konto', amount: 'Belopp', responsibility: 'Ansvar', activity: 'Verksamhet' },
    rules,
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function measure(path: string, aggregate: boolean, used: LedgerMapping): Promise<{ seconds: number; cpuSeconds: number; entries: number; growthMb: number; peakMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const reading = readLedger(createReadStream(path, { highWaterMark: 1 << 16 }), { mapping: used });
  let entries = 0;
  if (aggregate) {
    const result = await aggregateEntries(reading, used);
    entries = result.entries;
  } else {
    for await (const batch of reading.batches()) entries += batch.length;
  }
  const seconds = (performance.now() - start) / 1000;
  const spent = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, cpuSeconds: (spent.user + spent.system) / 1e6, entries, growthMb: (peak - before) / 1e6, peakMb: peak / 1e6 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-imports-bench-'));
  try {
    const csv = join(dir, 'huvudbok.csv');
    const sie = join(dir, 'huvudbok.se');
    await writeLines(csv, (text) => Buffer.from(text, 'utf8'), csvLines);
    await writeLines(sie, (text) => iconv.encode(text, 'cp437'), sieLines);
    const used = mapping();
    console.log(`${LINES.toLocaleString('sv-SE')} rader; CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB, SIE ${(statSync(sie).size / 1e6).toFixed(0)} MB; medianer av ${RUNS} körningar`);
    // On a shared machine the wall clock also counts other processes' turns; CPU time does not.
    console.log('fil  steg                 rader/s  rader/CPU-s    MB/s   huvudboksrader  RSS-ökning  topp-RSS');
    for (const [label, path] of [['CSV', csv], ['SIE', sie]] as const) {
      const megabytes = statSync(path).size / 1e6;
      for (const aggregate of [false, true]) {
        const runs = [];
        for (let run = 0; run < RUNS; run++) runs.push(await measure(path, aggregate, used));
        const seconds = median(runs.map((run) => run.seconds));
        const cpuSeconds = median(runs.map((run) => run.cpuSeconds));
        const step = aggregate ? 'läsa + summera' : 'läsa';
        console.log(
          `${label.padEnd(4)} ${step.padEnd(16)} ${Math.round(LINES / seconds).toLocaleString('sv-SE').padStart(11)} ${Math.round(LINES / cpuSeconds).toLocaleString('sv-SE').padStart(12)} ${(megabytes / seconds).toFixed(1).padStart(7)} ${runs[0]!.entries.toLocaleString('sv-SE').padStart(16)} ${Math.max(...runs.map((run) => run.growthMb)).toFixed(0).padStart(8)} MB ${Math.max(...runs.map((run) => run.peakMb)).toFixed(0).padStart(6)} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
