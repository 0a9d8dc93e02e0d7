/**
 * Document benchmark: how long the plan document takes in each format for both demo plans and for
 * a large plan (the SN plan's content ×10), cold (first in the process, modules loaded) and warm
 * (median of 3; 1 for the large plan with --quick), with the size of the result; and the 2017-08 follow-up report.
 * Targets (issue 11.6): demo plan PDF ≤ 1 s, DOCX and XLSX ≤ 0.3 s warm, the ×10 plan's PDF ≤ 5 s.
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
import { largePlan } from './lib/plans.ts';
import { loadAverage } from './lib/processes.ts';
import { median, quick, record, type Target } from './lib/report.ts';

/** Warm runs per format: three for the demo plans (fast enough to take a median), one for the large plan with --quick. */
const warmRunsOf = (large: boolean) => (quick && large ? 1 : 3);

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

async function measure(label: string, build: () => DocumentView, targets: Partial<Record<DocumentFormat, Target>> = {}, large = false): Promise<void> {
  const warmRuns = warmRunsOf(large);
  const start = performance.now();
  const view = build();
  const viewMs = performance.now() - start;
  console.log(`\n${label}: ${view.blocks.length} blocks, ${view.blocks.filter((b) => b.kind === 'table').length} tables; view model ${viewMs.toFixed(1)} ms; load average ${loadAverage()}`);
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
    const target = targets[format];
    if (target) record({ name: `${label}: ${format.toUpperCase()}, warm`, unit: 'ms', value: median(warm), from: `cold ${cold!.toFixed(0)} ms, median of ${warm.length} warm; ${(body.length / 1024).toFixed(0)} kB`, target });
  }
}

const demoTargets: Partial<Record<DocumentFormat, Target>> = { pdf: { atMost: 1000 }, docx: { atMost: 300 }, xlsx: { atMost: 300 } };
console.log(`Document generation, node ${process.version}; cold = first in this process (modules loading), warm = median of ${warmRunsOf(false)} (large plan: ${warmRunsOf(true)})`);
await measure('timra-ifo-2018-2020', () => buildPlanDocument(PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json'))), demoTargets);
await measure('timra-sn-2020-2022', () => buildPlanDocument(PlanFile.parse(readDemoPlan('timra-sn-2020-2022.json'))), demoTargets);
await measure('stor plan (SN ×10)', () => buildPlanDocument(largePlan(10)), { pdf: { atMost: 5000 } }, true);
await measure('uppföljning 2017-08, timra-ifo-2018-2020', () => buildReportDocument(PlanFile.parse(readDemoPlan('timra-ifo-2018-2020.json')), { period: '2017-08' }));
console.log(`\nRSS at the end: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
