/**
 * Document benchmark: how long the plan document takes in each format for both demo plans and for
 * a large plan (the SN plan's content ×10), cold (first in the process, modules loaded) and warm
 * (median of 3), with the size of the result; and the 2017-08 follow-up report.
 * Run with `npm run bench` (or `npx tsx bench/documents.bench.ts`). A benchmark, not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PlanFile } from '../src/domain/plan.ts';
import { buildPlanDocument } from '../src/documents/plan-view-model.ts';
import { buildReportDocument } from '../src/documents/report-view-model.ts';
import type { DocumentView } from '../src/documents/view-model.ts';
import { readDemoPlan } from '../src/services/demo.ts';
import { documentFormats, renderView, type DocumentFormat } from '../src/services/document-service.ts';

const warmRuns = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The SN plan with every table, outlook, activity and indicator copied `times` times, each copy in the document. */
function largePlan(times: number): PlanFile {
  const base = PlanFile.parse(readDemoPlan('timra-sn-2020-2022.json'));
  const plan = structuredClone(base);
  plan.plan.key = 'stor-plan-2020-2022';
  const copies: Record<string, string[]> = {};
  const copy = <T extends { key: string }>(items: T[], i: number, change: (item: T, key: string) => T = (item, key) => ({ ...item, key })) =>
    items.map((item) => {
      const key = `${item.key}-k${i}`;
      (copies[item.key] ??= []).push(key);
      return change(structuredClone(item), key);
    });
  for (let i = 1; i < times; i += 1) {
    plan.outlooks.push(...copy(base.outlooks, i));
    plan.indicators.push(...copy(base.indicators, i));
    plan.activityTables.push(...copy(base.activityTables, i));
    plan.activities.push(...base.activities.map((activity) => ({ ...structuredClone(activity), key: `${activity.key}-k${i}`, table: `${activity.table}-k${i}` })));
    plan.volumeTables.push(...copy(base.volumeTables, i, (table, key) => ({ ...table, key, rows: table.rows.map((row) => ({ ...row, key: `${row.key}-k${i}`, ...(row.partOf ? { partOf: `${row.partOf}-k${i}` } : {}) })) })));
    plan.budgetTables.push(...copy(base.budgetTables, i));
    plan.capitalBudgets.push(...copy(base.capitalBudgets, i));
  }
  plan.sections = plan.sections.map((section) => (section.include ? { ...section, include: section.include.flatMap((key) => [key, ...(copies[key] ?? [])]) } : section));
  return plan;
}

function pdfPages(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'styrkort-bench-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), body);
    return /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'd.pdf')], { encoding: 'utf8' }))?.[1] ?? '?';
  } catch {
    return '?';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(label: string, build: () => DocumentView): Promise<void> {
  const start = performance.now();
  const view = build();
  const viewMs = performance.now() - start;
  console.log(`\n${label}: ${view.blocks.length} blocks, ${view.blocks.filter((b) => b.kind === 'table').length} tables; view model ${viewMs.toFixed(1)} ms`);
  console.log(`  ${'format'.padEnd(6)} ${'cold ms'.padStart(9)} ${'warm ms'.padStart(9)} ${'size kB'.padStart(9)}  pages`);
  for (const format of documentFormats as readonly DocumentFormat[]) {
    const timings: number[] = [];
    let body: Buffer = Buffer.alloc(0);
    for (let run = 0; run <= warmRuns; run += 1) {
      const t = performance.now();
      body = (await renderView(view, format)).body;
      timings.push(performance.now() - t);
    }
    const [cold, ...warm] = timings;
    const pages = format === 'pdf' ? pdfPages(body) : '';
    console.log(`  ${format.padEnd(6)} ${cold!.toFixed(0).padStart(9)} ${median(warm).toFixed(0).padStart(9)} ${(body.length / 1024).toFixed(0).padStart(9)}  ${pages}`);
  }
}

console.log(`Document generation, node ${process.version}; cold = first in this process (modules loading), warm = median of ${warmRuns}`);
await measure('timra-ifo-2018-2020', () => buildPlanDocument(PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json'))));
await measure('timra-sn-2020-2022', () => buildPlanDocument(PlanFile.parse(readDemoPlan('timra-sn-2020-2022.json'))));
await measure('stor plan (SN ×10)', () => buildPlanDocument(largePlan(10)));
await measure('uppföljning 2017-08, timra-ifo-2018-2020', () => buildReportDocument(PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json')), { period: '2017-08' }));
console.log(`\nRSS at the end: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
