/**
 * The demo's ledger of IFO 2017 (SIE 4 and CSV, demo/) imported into the adopted IFO plan through
 * the demo mapping, on both engines (issue 14, points 1 and 3): each cost centre's outcome per
 * month lands in its own "Resultaträkning" in tkr, adding up over the year to the seed's
 * "Prognos 2017 aug" within rounding; the same ledger as CSV changes nothing; a corrected ledger
 * replaces the months it covers; undo restores the plan exactly; a broken #TRANS and a month
 * outside the plan are refused with nothing written.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { figureValue } from '../../src/domain/figure.ts';
import { isStyrkortError } from '../../src/domain/errors.ts';
import type { ImportReport } from '../../src/imports/report.ts';
import { importLedger } from '../../src/services/import-ledger-service.ts';
import { importHistory, undoImport } from '../../src/services/import-record-service.ts';
import { readDemoPlan } from '../../src/services/demo.ts';
import { saveMapping } from '../../src/services/ledger-mapping-service.ts';
import { exportPlan, importPlan, planFileText } from '../../src/services/plan-service.ts';
import { stream } from '../fixtures/ledger/streams.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';

const planKey = 'timra-ifo-2018-2020';
const demo = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
const sie = demo('timra-ifo-2017-huvudbok.se');
const csv = demo('timra-ifo-2017-huvudbok.csv');

/** The demo SIE file with its lines changed (CP437 text). */
function editedSie(change: (lines: string[]) => string[]): Buffer {
  return iconv.encode(change(iconv.decode(sie, 'cp437').split('\r\n').join('\n').split('\n')).join('\n'), 'cp437');
}

async function report(promise: Promise<unknown>): Promise<ImportReport> {
  try {
    await promise;
  } catch (error) {
    if (isStyrkortError(error) && error.code === 'validation') return error.details as ImportReport;
    throw error;
  }
  throw new Error('importen skulle ha nekats');
}

describe.each(engines)('importing the demo ledger on %s', (engine) => {
  let database: Database;
  const run = (bytes: Buffer, fileName: string, extra: Partial<Parameters<typeof importLedger>[1]> = {}) =>
    importLedger(database.db, { mapping: 'timra-ifo', source: stream(bytes, 4093), fileName, actor: 'ekonom', ...extra });

  beforeEach(async () => {
    database = await freshDatabase(engine);
    await importPlan(database.db, readDemoPlan('timra-ifo-2018-2020.json'), { actor: 'test', source: 'demo/timra-ifo-2018-2020.json' });
    await saveMapping(database.db, JSON.parse(demo('timra-ifo-mappning.json').toString('utf8')), { actor: 'test', ifMatch: null });
  });
  afterEach(async () => {
    await database.close();
  });

  it('writes each unit’s months into its table, adding up to the seed’s "Prognos 2017 aug"; the CSV of the same ledger changes nothing', async () => {
    const original = await exportPlan(database.db, planKey);
    const done = await run(sie, 'huvudbok.se');
    expect(done.status).toBe('imported');
    expect(done.planKey).toBe(planKey); // the one plan that follows up 2017
    expect(done.record?.summary).toMatchObject({ written: 144, emptied: 0 });
    expect(done.record?.summary.addedColumns).toHaveLength(48);
    const plan = await exportPlan(database.db, planKey);
    const vuxna = plan.budgetTables.find((table) => table.key === 'rr-ifo-vuxna')!;
    expect(vuxna.columns.slice(0, 5).map((column) => column.label)).toEqual(['Redovisat 2016', 'Budget 2017', 'Prognos 2017 aug', 'Utfall jan 2017', 'Utfall feb 2017']);
    for (const key of ['rr-ifo-vuxna', 'rr-ifo-barn-o-familj', 'rr-forsorjningsstod-utbetaln', 'rr-ekb']) {
      const table = plan.budgetTables.find((candidate) => candidate.key === key)!;
      const months = table.columns.filter((column) => column.measure === 'actual' && /^2017-\d\d$/.test(column.period ?? ''));
      expect(months).toHaveLength(12);
      for (const row of table.rows) {
        const year = months.reduce((sum, column) => sum + figureValue(row.cells[column.key])!.toNumber(), 0);
        const forecast = figureValue(row.cells['prognos-2017'])!.toNumber();
        // Each month is rounded to whole tkr: twelve roundings are at most 6 tkr apart from the year's.
        expect(Math.abs(year - forecast), `${key} ${row.key}`).toBeLessThanOrEqual(6);
      }
    }
    // Nothing else of the plan changed.
    const without = structuredClone(plan);
    without.budgetTables = original.budgetTables;
    expect(planFileText(without)).toBe(planFileText(original));

    expect((await run(sie, 'igen.se')).status).toBe('already-imported');
    expect((await run(csv, 'huvudbok.csv')).status).toBe('unchanged');
    expect(await importHistory(database.db)).toHaveLength(1);
  });

  it('replaces the months a corrected ledger covers, and undoes it and the first back to the plan as it was', async () => {
    const original = planFileText(await exportPlan(database.db, planKey));
    const first = await run(sie, 'huvudbok.se');
    // The corrected ledger books August's supplier invoices of IFO, Vuxna on EKB instead.
    const corrected = editedSie((lines) => lines.map((line, i) => (isAugustVuxna(lines, i) ? line.replace('"72100"', '"72500"') : line)));
    const second = await run(corrected, 'huvudbok-rättad.se');
    expect(second.status).toBe('imported');
    // August of IFO, Vuxna is booked on EKB instead: EKB's August changes, and IFO, Vuxna's August,
    // which the corrected ledger no longer has, is emptied (not left standing from the first import).
    const changed = (await importHistory(database.db))[0]!;
    expect(changed.summary).toMatchObject({ written: 3, emptied: 3, addedColumns: [] });
    const vuxna = (await exportPlan(database.db, planKey)).budgetTables.find((table) => table.key === 'rr-ifo-vuxna')!;
    expect(vuxna.rows.map((row) => row.cells['utfall-2017-08'])).toEqual([undefined, undefined, undefined]);
    await expect(undoImport(database.db, { id: first.record!.id, actor: 'ekonom' })).rejects.toMatchObject({ code: 'conflict' });
    await undoImport(database.db, { id: second.record!.id, actor: 'ekonom' });
    await undoImport(database.db, { id: first.record!.id, actor: 'ekonom' });
    expect(planFileText(await exportPlan(database.db, planKey))).toBe(original);
  });

  it('refuses a broken #TRANS and a month outside the plan, writing nothing', async () => {
    const before = planFileText(await exportPlan(database.db, planKey));
    const broken = await report(run(editedSie((lines) => lines.map((line) => line.replace('#TRANS 4620 {1 "72200" 20 "5720"} 223502.68', '#TRANS 4620 {1 "72200" 20} 223502,68'))), 'trasig.se'));
    expect(broken.problems[0]).toMatchObject({ record: '#TRANS', column: 'objektlista', line: 582 });
    const later = await report(run(editedSie((lines) => lines.map((line) => line.replace('#RAR 0 20170101 20171231', '#RAR 0 20310101 20311231').replace(/^(#VER \S+ \d+ )2017/, '$12031'))), '2031.se', { planKey }));
    expect(later.problems[0]).toMatchObject({ column: 'period', value: '2031-01', reason: expect.stringContaining('ligger utanför planen timra-ifo-2018-2020') });
    expect(planFileText(await exportPlan(database.db, planKey))).toBe(before);
    expect(await importHistory(database.db)).toEqual([]);
  });
});

/** Whether line i is a #TRANS of IFO, Vuxna in a voucher of August 2017. */
function isAugustVuxna(lines: string[], i: number): boolean {
  if (!/^\s*#TRANS \d+ \{1 "72100"/.test(lines[i]!)) return false;
  for (let j = i; j >= 0; j--) if (lines[j]!.startsWith('#VER')) return / 201708\d\d /.test(lines[j]!);
  return false;
}
