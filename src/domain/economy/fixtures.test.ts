/**
 * The operating statements of other municipalities (docs/economy-sources.md) are held exactly as
 * printed, and their check finds what is really wrong in them and nothing else: Västervik's
 * Äldreomsorg prints a net 30,0 mnkr from its income and costs, and Socialnämnd's costs are 30,1
 * mnkr off the sum of its activities; every other difference is rounding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReconciliationReport, reconcilePlan, type Finding } from '../reconcile.ts';
import { validatePlanFile } from '../validate-plan.ts';
import type { PlanFile } from '../plan.ts';

const fixtures = ['vastervik-2021-driftsredovisning', 'gnesta-2013-driftredovisning', 'tyreso-2018-kommunstyrelsen', 'sjobo-2025-driftbudget'] as const;
const dir = new URL('../../../tests/fixtures/economy/', import.meta.url);

/** The statement as printed: its header and rows, one array of printed cells each ("" where nothing is printed). */
function printed(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(new URL(`${name}.tsv`, dir), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
  const [header, ...rows] = lines.map((line) => line.split('\t'));
  return { header: header!, rows };
}

function plan(name: string): PlanFile {
  const result = validatePlanFile(JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe.each(fixtures)('%s', (name) => {
  it('holds every printed row with its label and cells in column order, and every heading', () => {
    const { header, rows } = printed(name);
    const [table] = plan(name).budgetTables;
    expect([table!.labelHeading, ...table!.columns.map((column) => column.label)]).toEqual(header);
    expect(table!.rows.map((row) => (row.kind === 'heading' ? [row.label] : [row.label, ...table!.columns.map((column) => row.cells[column.key] ?? '')]))).toEqual(rows);
  });

  it('is a valid plan file whose source is the address it was transcribed from', () => {
    const head = plan(name).plan;
    expect(head.source).toMatch(/^https:\/\//);
    expect(readFileSync(new URL(`${name}.tsv`, dir), 'utf8')).toContain(`# source: ${head.source}`);
  });
});

const gaps = (findings: Finding[]) => findings.filter((f) => f.severity === 'gap');

describe('checking the statements', () => {
  it('Västervik 2021: two real discrepancies, rounding kept apart', () => {
    const report = reconcilePlan(plan('vastervik-2021-driftsredovisning'));
    expect(gaps(report.findings).map((f) => [f.kind, f.rowKey, f.columnKey, f.stated?.toString(), f.computed?.toString()])).toEqual([
      ['net', 'aldreomsorg', 'nettokostnad-2021', '-431.2', '-401.2'],
      ['sum', 'socialnamnd', 'kostnader-2021', '-1179', '-1148.9'],
    ]);
    expect(gaps(report.findings)[0]!.message).toBe(
      'Västerviks kommun, Äldreomsorg: Nettokostnad 2021 är -431,2 mnkr men intäkter 2021 157,0 mnkr och kostnader 2021 -558,2 mnkr ger -401,2 mnkr; ' +
        'skillnad 30,0 mnkr som inte förklaras (den angivna nettokostnaden är 30,0 mnkr högre än vad intäkter och kostnader ger)',
    );
    expect(report.counts).toEqual({ confirmed: 43, rounding: 21, gap: 2, info: 1 });
    // The budget-only line: its net and deviation agree, its missing income is noted, never read as zero.
    const uttag = report.findings.filter((f) => f.rowKey === 'uttag-ur-resultatutjamningsfond');
    expect(uttag.map((f) => [f.kind, f.severity])).toEqual([
      ['net-parts-incomplete', 'info'],
      ['deviation', 'ok'],
    ]);
  });

  it('Västervik 2021: sums leave out the budget-only line where it prints nothing, and say so', () => {
    const income = reconcilePlan(plan('vastervik-2021-driftsredovisning')).findings.find((f) => f.kind === 'sum' && f.rowKey === 'socialnamnd' && f.columnKey === 'intakter-2021')!;
    expect(income).toMatchObject({ severity: 'ok' });
    expect(income.summary).toBe('raderna summerar till 228,6 mnkr, summan är 228,6 mnkr (1 av 6 rader utan belopp räknas inte)');
  });

  it.each([
    ['gnesta-2013-driftredovisning', { confirmed: 27, rounding: 7, gap: 0, info: 0 }],
    ['tyreso-2018-kommunstyrelsen', { confirmed: 25, rounding: 1, gap: 0, info: 0 }],
    ['sjobo-2025-driftbudget', { confirmed: 25, rounding: 0, gap: 0, info: 0 }],
  ] as const)('%s: no gap, rounding as rounding', (name, counts) => {
    expect(reconcilePlan(plan(name)).counts).toEqual(counts);
  });

  it('prints one line per gap and one line per kind of rounding or note in a table', () => {
    const lines = formatReconciliationReport(reconcilePlan(plan('vastervik-2021-driftsredovisning')));
    expect(lines).toEqual([
      'AVVIKELSE  driftsredovisning-2021  Nettokostnad 2021  Äldreomsorg: netto -431,2 mnkr, intäkter + kostnader ger -401,2 mnkr (skillnad 30,0 mnkr)',
      'AVVIKELSE  driftsredovisning-2021  Kostnader 2021  Socialnämnd: raderna summerar till -1 148,9 mnkr, summan är -1 179,0 mnkr (skillnad 30,1 mnkr)',
      expect.stringMatching(/^AVRUNDNING {2}driftsredovisning-2021 {2}6 nettobelopp inom avrundning från intäkter och kostnader: Samhällsbyggnad Nettokostnad 2021 \(0,1 mnkr\); /),
      expect.stringMatching(/^AVRUNDNING {2}driftsredovisning-2021 {2}4 avvikelser inom avrundning från utfall och budget: /),
      expect.stringMatching(/^AVRUNDNING {2}driftsredovisning-2021 {2}11 summor inom avrundning från sina rader: .*Kommunstyrelse Avvikelse mot budget 2021 \(0,2 mnkr\)/),
      'NOTERING  driftsredovisning-2021  Nettokostnad 2021  Uttag ur resultatutjämningsfond: netto 0,0 mnkr, intäkter 2021 saknas',
      'vastervik-arsredovisning-2021: 43 kontroller stämmer exakt; 2 avvikelser, 21 avrundningar, 1 notering',
    ]);
  });
});
