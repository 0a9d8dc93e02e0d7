/**
 * Reconciliation on the seeds' real figures: Timrå's IFO plan 2018–2020 (nets, unit roll-up, the
 * EKB exclusion) and the Socialnämnden plan 2020–2022 (operating and investment budget). The
 * documents contain real rounding differences and a real 202 tkr gap; both must be shown.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { PlanFile, type PlanFileInput } from './plan.ts';
import { formatReconciliationReport, reconcilePlan, sumOfParts, type Finding, type FindingKind, type ReconciliationReport } from './reconcile.ts';

// Builders --------------------------------------------------------------------------------------

type ColumnInput = PlanFileInput['budgetTables'] extends Array<infer T> | undefined ? T extends { columns: Array<infer C> } ? C : never : never;
type PlainColumn = NonNullable<PlanFileInput['capitalBudgets']>[number]['columns'][number];
type BudgetTableInput = NonNullable<PlanFileInput['budgetTables']>[number];

function aPlan(parts: Partial<Pick<PlanFileInput, 'organisation' | 'budgetTables' | 'volumeTables' | 'capitalBudgets'>> & { key?: string }): PlanFile {
  return PlanFile.parse({
    format: 'styrkort-plan',
    formatVersion: 2,
    municipality: { code: '2262', name: 'Timrå kommun' },
    organisation: parts.organisation ?? [{ key: 'sn', kind: 'committee', name: 'Socialnämnden', shortName: 'SN', parent: null }],
    plan: { key: parts.key ?? 'vp', title: 'Verksamhetsplan', ownerNode: 'sn', periodStart: 2018, periodEnd: 2020, status: 'adopted', decision: null },
    budgetTables: parts.budgetTables ?? [],
    volumeTables: parts.volumeTables ?? [],
    capitalBudgets: parts.capitalBudgets ?? [],
  });
}

/** Cells in column order, as printed; "" is an empty cell. */
function cells(columns: Array<{ key: string }>, printed: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((column, i) => [column.key, printed[i] ?? '']));
}

function anIncomeStatement(spec: {
  key: string;
  node: string;
  heading?: string;
  columns: ColumnInput[];
  income: string[];
  costs: string[];
  net: string[];
  rollup?: BudgetTableInput['rollup'];
  unit?: 'tkr' | 'mkr';
}): BudgetTableInput {
  // Timrå's shape: the rows are the lines of the statement, the net row = income + costs.
  const { key, node, heading, columns, rollup, unit } = spec;
  return {
    key,
    kind: 'operating',
    caption: `Resultaträkning, ${unit ?? 'tkr'}`,
    unit,
    node,
    heading,
    rollup,
    columns,
    rows: [
      { key: 'income', line: 'income', label: 'intäkter', cells: cells(columns, spec.income) },
      { key: 'costs', line: 'costs', label: 'kostnader', cells: cells(columns, spec.costs) },
      { key: 'net', line: 'net', label: 'nettokostnader', cells: cells(columns, spec.net) },
    ],
    relations: [{ kind: 'net', axis: 'rows', target: 'net', income: 'income', costs: 'costs' }],
  };
}

const d = (value: string | number) => new Decimal(value);

function findingsOf(report: ReconciliationReport, kind: FindingKind, tableKey: string, columnKey?: string | null): Finding[] {
  return report.findings.filter((f) => f.kind === kind && f.tableKey === tableKey && (columnKey === undefined || f.columnKey === columnKey));
}

function only(report: ReconciliationReport, kind: FindingKind, tableKey: string, columnKey: string | null, label?: string): Finding {
  const found = findingsOf(report, kind, tableKey, columnKey).filter((f) => label === undefined || f.label === label);
  expect(found, `${kind} ${tableKey} ${columnKey} ${label ?? ''}`).toHaveLength(1);
  return found[0]!;
}

// The 2018 plan (000_30ef9b671cff6fb2, "Budget") -------------------------------------------------

// The IFO total and its units print the same columns under different words ("Prognos 2017" vs
// "Prognos 2017 aug"); the keys differ on purpose, so only period and kind can match them.
const TOTAL_COLUMNS: ColumnInput[] = [
  { key: 'r2016', label: 'Redovisat 2016', measure: 'actual', period: '2016' },
  { key: 'b2017', label: 'Budget 2017', measure: 'budget', period: '2017' },
  { key: 'p2017', label: 'Prognos 2017', measure: 'forecast', period: '2017' },
  { key: 'b2018', label: 'Budget 2018', measure: 'budget', period: '2018' },
  { key: 'pl2019', label: 'Plan 2019', measure: 'plan', period: '2019' },
  { key: 'pl2020', label: 'Plan 2020', measure: 'plan', period: '2020' },
];
const UNIT_COLUMNS: ColumnInput[] = [
  { key: 'redovisat-2016', label: 'Redovisat 2016', measure: 'actual', period: '2016' },
  { key: 'budget-2017', label: 'Budget 2017', measure: 'budget', period: '2017' },
  { key: 'prognos-2017-aug', label: 'Prognos 2017 aug', measure: 'forecast', period: '2017', asOf: '2017-08' },
  { key: 'budget-2018', label: 'Budget 2018', measure: 'budget', period: '2018' },
  { key: 'plan-2019', label: 'Plan 2019', measure: 'plan', period: '2019' },
  { key: 'plan-2020', label: 'Plan 2020', measure: 'plan', period: '2020' },
];

const ORGANISATION_2018: PlanFileInput['organisation'] = [
  { key: 'sn', kind: 'committee', name: 'Socialnämnden', shortName: 'SN', parent: null },
  { key: 'ifo', kind: 'service-area', name: 'Individ- och familjeomsorgen', shortName: 'IFO', parent: 'sn' },
  { key: 'ifo-bof', kind: 'unit', name: 'IFO, Barn o familj', parent: 'ifo' },
  { key: 'ifo-vuxna', kind: 'unit', name: 'IFO, Vuxna', parent: 'ifo' },
  { key: 'ifo-oppen', kind: 'unit', name: 'IFO, Öppenvård o mottagning', parent: 'ifo' },
  { key: 'ifo-fbs', kind: 'cost-centre', name: 'Försörjningsstöd, utbetaln', parent: 'ifo' },
  { key: 'ekb', kind: 'cost-centre', name: 'EKB', parent: 'ifo' },
];
const INTO_IFO = { into: 'rr-ifo', included: true } as const;

function ifoTables(overrides: { vuxnaNet?: string[] } = {}): BudgetTableInput[] {
  return [
    anIncomeStatement({ key: 'rr-ifo', node: 'ifo', columns: TOTAL_COLUMNS, income: ['3 258', '1 511', '2 283', '3 132'], costs: ['-68 851', '-71 432', '-69 133', '-74 108'], net: ['-65 594', '-69 921', '-66 850', '-70 976', '0', '0'] }),
    anIncomeStatement({ key: 'rr-ifo-bof', node: 'ifo-bof', rollup: INTO_IFO, columns: UNIT_COLUMNS, income: ['1 761', '710', '1 550', '710'], costs: ['-32 881', '-35 803', '-36 272', '-32 670'], net: ['-31 120', '-35 093', '-34 722', '-31 960', '0', '0'] }),
    anIncomeStatement({ key: 'rr-ifo-vuxna', node: 'ifo-vuxna', rollup: INTO_IFO, columns: UNIT_COLUMNS, income: ['1 446', '200', '850', '1 822'], costs: ['-30 835', '-34 401', '-32 351', '-32 985'], net: overrides.vuxnaNet ?? ['-29 389', '-34 201', '-31 501', '-31 163', '0', '0'] }),
    anIncomeStatement({ key: 'rr-ifo-oppen', node: 'ifo-oppen', rollup: INTO_IFO, columns: UNIT_COLUMNS, income: ['0', '0', '0', '0'], costs: ['0', '0', '0', '-8 055'], net: ['0', '0', '0', '-8 055', '0', '0'] }),
    anIncomeStatement({ key: 'rr-fbs', node: 'ifo-fbs', columns: UNIT_COLUMNS, income: ['835', '0', '400', '1 500'], costs: ['-18 742', '-18 000', '-15 900', '-16 000'], net: ['-17 906', '-18 000', '-15 500', '-14 500', '0', '0'] }),
    anIncomeStatement({ key: 'rr-ekb', node: 'ekb', heading: 'EKB, Ensamkommande barn', rollup: { into: 'rr-ifo', included: false, note: '(EKB Ingår ej i IFO:s budget)' }, columns: UNIT_COLUMNS, income: ['74 943', '66 770', '59 667', '36 617'], costs: ['-91 784', '-66 823', '-54 758', '-33 655'], net: ['-16 841', '-54', '4 909', '2 962', '0', '0'] }),
  ];
}

const plan2018 = (overrides?: { vuxnaNet?: string[] }) => aPlan({ key: 'ifo-2018-2020', organisation: ORGANISATION_2018, budgetTables: ifoTables(overrides) });

describe('reconcilePlan on the 2018 IFO plan', () => {
  const report = reconcilePlan(plan2018());

  it.each([
    // what, kind, table, column, label, severity, stated, computed, difference (stated − computed)
    ['IFO net Redovisat 2016: -65 594 printed, 3 258 − 68 851 = -65 593', 'net', 'rr-ifo', 'r2016', 'Nettokostnader', 'rounding', -65594, -65593, -1],
    ['IFO net Budget 2018 agrees exactly', 'net', 'rr-ifo', 'b2018', 'Nettokostnader', 'ok', -70976, -70976, 0],
    ['Försörjningsstöd net Redovisat 2016: 835 − 18 742 = -17 907', 'net', 'rr-fbs', 'redovisat-2016', 'Nettokostnader', 'rounding', -17906, -17907, 1],
    ['EKB net Budget 2017: 66 770 − 66 823 = -53', 'net', 'rr-ekb', 'budget-2017', 'Nettokostnader', 'rounding', -54, -53, -1],
    ['IFO units Budget 2018 nets: -71 178 against the total -70 976', 'rollup', 'rr-ifo', 'b2018', 'Nettokostnader', 'gap', -70976, -71178, 202],
    ['IFO units Budget 2018 income: 710 + 1 822 + 0 against 3 132', 'rollup', 'rr-ifo', 'b2018', 'Intäkter', 'gap', 3132, 2532, 600],
    ['"Prognos 2017" matched with the units\' "Prognos 2017 aug"', 'rollup', 'rr-ifo', 'p2017', 'Nettokostnader', 'gap', -66850, -66223, -627],
    ['Plan 2019 nets 0 + 0 + 0 = 0', 'rollup', 'rr-ifo', 'pl2019', 'Nettokostnader', 'ok', 0, 0, 0],
    ['IFO Plan 2019 net 0 printed without income or costs', 'net-without-parts', 'rr-ifo', 'pl2019', 'Nettokostnader', 'info', 0, null, null],
    ['EKB Plan 2020 net 0 printed without income or costs', 'net-without-parts', 'rr-ekb', 'plan-2020', 'Nettokostnader', 'info', 0, null, null],
  ] as const)('%s', (_what, kind, table, column, label, severity, stated, computed, difference) => {
    const finding = only(report, kind, table, column, label);
    expect(finding.severity).toBe(severity);
    expect(finding.stated?.toNumber() ?? null).toBe(stated);
    expect(finding.computed?.toNumber() ?? null).toBe(computed);
    expect(finding.difference?.toNumber() ?? null).toBe(difference);
  });

  it('says in words which way the 202 tkr go', () => {
    const gap = only(report, 'rollup', 'rr-ifo', 'b2018', 'Nettokostnader');
    expect(gap.message).toBe(
      'IFO: summan av enheternas nettokostnader för Budget 2018 är -71 178 tkr men totalen är -70 976 tkr; ' +
        'skillnad 202 tkr som inte förklaras (enheterna har 202 tkr högre nettokostnad än totalen)',
    );
    expect(gap.period).toBe('2018');
    expect(gap.columnLabel).toBe('Budget 2018');
  });

  it('reports every net printed without parts as a note, never as confirmed or a gap', () => {
    const notes = report.findings.filter((f) => f.kind === 'net-without-parts');
    expect(notes).toHaveLength(12); // six tables × Plan 2019, Plan 2020
    expect(notes.every((f) => f.severity === 'info' && f.stated?.isZero())).toBe(true);
    expect(report.findings.filter((f) => f.kind === 'net' && f.period === '2019')).toEqual([]);
  });

  it('lists EKB as excluded with its note and never sums it into IFO', () => {
    const exclusion = only(report, 'rollup-exclusion', 'rr-ekb', null);
    expect(exclusion.severity).toBe('info');
    expect(exclusion.message).toContain('(EKB Ingår ej i IFO:s budget)');
    expect(exclusion.message).toContain('EKB, Ensamkommande barn');
    // With EKB's 2 962 the Budget 2018 units would sum to -68 216; with Försörjningsstöd, -85 678.
    expect(only(report, 'rollup', 'rr-ifo', 'b2018', 'Nettokostnader').computed).toEqual(d(-71178));
    expect(report.findings.filter((f) => f.kind === 'rollup' && f.tableKey !== 'rr-ifo')).toEqual([]);
  });

  it('checks every shared line and column of the roll-up: 3 lines × 4 columns + 2 plan-year nets', () => {
    expect(findingsOf(report, 'rollup', 'rr-ifo')).toHaveLength(14);
  });

  it('reports a sum with a missing child as incomplete instead of reading the gap as zero', () => {
    const incomplete = reconcilePlan(plan2018({ vuxnaNet: ['-29 389', '-34 201', '-31 501', '', '0', '0'] }));
    const finding = only(incomplete, 'rollup-incomplete', 'rr-ifo', 'b2018');
    expect(finding).toMatchObject({ severity: 'info', label: 'Nettokostnader', stated: d(-70976), computed: null, difference: null });
    expect(finding.message).toContain('IFO, Vuxna');
    expect(finding.message).toContain('-40 015 tkr'); // -31 960 + -8 055, the part that is printed
    expect(findingsOf(incomplete, 'rollup', 'rr-ifo', 'b2018').map((f) => f.label)).toEqual(['Intäkter', 'Kostnader']);
  });

  it('counts findings by severity', () => {
    const bySeverity = (severity: Finding['severity']) => report.findings.filter((f) => f.severity === severity).length;
    expect(report.counts).toEqual({ confirmed: bySeverity('ok'), rounding: 3, gap: bySeverity('gap'), info: 13 });
    expect(report.planKey).toBe('ifo-2018-2020');
  });

  it('takes the tolerance as an option', () => {
    const strict = reconcilePlan(plan2018(), { tolerance: 0 });
    expect(only(strict, 'net', 'rr-ifo', 'r2016').severity).toBe('gap');
    expect(strict.counts.rounding).toBe(0);
  });
});

// The 2020 plan (001_d549c44f09472766, "Driftbudget", "Investeringsbudget") ---------------------

const CAPITAL_COLUMNS: PlainColumn[] = [
  { key: 'budget-2018', label: 'Budget 2018', kind: 'budget', period: '2018' },
  { key: 'budget-2019', label: 'Budget 2019', kind: 'budget', period: '2019' },
  { key: 'budget-2020', label: 'Budget 2020', kind: 'budget', period: '2020' },
  { key: 'plan-2021', label: 'Plan 2021', kind: 'plan', period: '2021' },
  { key: 'total', label: 'Total investering', kind: 'total' },
];

function investments(rows: Array<[string, string[]]>, total: string[]): NonNullable<PlanFileInput['capitalBudgets']>[number] {
  return {
    key: 'investeringar',
    caption: 'Investeringar, tkr',
    node: 'sn',
    columns: CAPITAL_COLUMNS,
    rows: rows.map(([text, printed], i) => ({ key: `inv-${i + 1}`, object: '65600', text, cells: cells(CAPITAL_COLUMNS, printed) })),
    total: { label: 'Summa investeringar', cells: cells(CAPITAL_COLUMNS, total) },
  };
}

const INVESTMENT_ROWS_2020: Array<[string, string[]]> = [
  ['Arbetsmiljöätgärder', ['1 000', '1000', '500', '']],
  ['Sängar', ['300', '300', '–', '']],
  ['Larm/Välfärdsteknik / IT', ['2 000', '3 000', '2 000', '']],
  ['Inventarier, möbler och boenden', ['700', '700', '2 500', '']],
];
const INVESTMENT_TOTAL_2020 = ['4 000', '5 000', '5 000', '5 000', '19 000'];

const DRIFT_COLUMNS: ColumnInput[] = [
  { key: 'budget-2020', label: 'Budget 2020', measure: 'budget', period: '2020' },
  { key: 'plan-2021', label: 'Plan 2021 (uppräknings 2%)', measure: 'plan', period: '2021', indexationPercent: '2' },
  { key: 'plan-2022', label: 'Plan 2022 (uppräknings 2%)', measure: 'plan', period: '2022', indexationPercent: '2' },
];
const EXTERNAL_COLUMNS: ColumnInput[] = [
  { key: 'budget-2018', label: 'Budget 2018', measure: 'budget', period: '2018' },
  { key: 'budget-2019', label: 'Budget 2019', measure: 'budget', period: '2019' },
  { key: 'budget-2020', label: 'Budget 2020', measure: 'budget', period: '2020' },
];

function plan2020(rows = INVESTMENT_ROWS_2020, total = INVESTMENT_TOTAL_2020): PlanFile {
  return aPlan({
    key: 'sn-2020-2022',
    budgetTables: [
      anIncomeStatement({ key: 'drift', node: 'sn', columns: DRIFT_COLUMNS, income: ['78 645'], costs: ['-528 025'], net: ['-449 380'] }),
      { key: 'externa-intakter', kind: 'external-income', caption: 'Externa Intäkter', node: 'sn', columns: EXTERNAL_COLUMNS, rows: [{ key: 'income', line: 'income', label: 'Verksamhetens intäkter', cells: cells(EXTERNAL_COLUMNS, ['124 689', '99 153', '76 732']) }] },
    ],
    capitalBudgets: [investments(rows, total)],
  });
}

describe('reconcilePlan on the 2020 Socialnämnden plan', () => {
  const report = reconcilePlan(plan2020());

  it.each([
    ['operating net 78 645 − 528 025 = -449 380', 'net', 'drift', 'budget-2020', 'Nettokostnader', 'ok', -449380, -449380],
    ['Budget 2018 rows 1 000 + 300 + 2 000 + 700', 'capital-column-total', 'investeringar', 'budget-2018', 'Summa investeringar', 'ok', 4000, 4000],
    ['Budget 2019 rows, "1000" printed without a separator', 'capital-column-total', 'investeringar', 'budget-2019', 'Summa investeringar', 'ok', 5000, 5000],
    ['Budget 2020 rows, Sängar "–" is no amount', 'capital-column-total', 'investeringar', 'budget-2020', 'Summa investeringar', 'ok', 5000, 5000],
    ['Plan 2021 total 5 000 with no rows', 'capital-total-without-rows', 'investeringar', 'plan-2021', 'Summa investeringar', 'info', 5000, null],
    ['grand total 19 000 = 4 000 + 5 000 + 5 000 + 5 000', 'capital-grand-total', 'investeringar', 'total', 'Summa investeringar', 'ok', 19000, 19000],
  ] as const)('%s', (_what, kind, table, column, label, severity, stated, computed) => {
    const finding = only(report, kind, table, column, label);
    expect(finding.severity).toBe(severity);
    expect(finding.stated?.toNumber() ?? null).toBe(stated);
    expect(finding.computed?.toNumber() ?? null).toBe(computed);
  });

  it('finds nothing wrong in the printed 2020 budget and nothing to check in external income', () => {
    expect(report.counts).toEqual({ confirmed: 5, rounding: 0, gap: 0, info: 1 });
    expect(report.findings.filter((f) => f.tableKey === 'externa-intakter')).toEqual([]);
  });

  it('checks a printed row total against the row\'s years', () => {
    const rows = INVESTMENT_ROWS_2020.map(([text, printed], i): [string, string[]] => [text, i === 0 ? [...printed, '2 000'] : printed]);
    const finding = only(reconcilePlan(plan2020(rows)), 'capital-row-total', 'investeringar', 'total', 'Arbetsmiljöätgärder');
    expect(finding).toMatchObject({ severity: 'gap', stated: d(2000), computed: d(2500), difference: d(-500) });
    expect(finding.message).toBe('Investeringar, tkr: Arbetsmiljöätgärder summerar till 2 500 tkr över åren men Total investering är 2 000 tkr; skillnad 500 tkr som inte förklaras');
  });

  it('does not check the grand total against column totals that are not printed', () => {
    const finding = only(reconcilePlan(plan2020(INVESTMENT_ROWS_2020, ['4 000', '', '5 000', '5 000', '19 000'])), 'capital-grand-total-incomplete', 'investeringar', 'total');
    expect(finding).toMatchObject({ severity: 'info', computed: null });
    expect(finding.message).toContain('Budget 2019');
  });
});

// Volumes and precision --------------------------------------------------------------------------

const VOLUME_COLUMNS: PlainColumn[] = [
  { key: 'bokslut-2015', label: 'Bokslut 2015', kind: 'actual', period: '2015' },
  { key: 'bokslut-2016', label: 'Bokslut 2016', kind: 'actual', period: '2016' },
  { key: 'plan-2017', label: 'Plan 2017', kind: 'plan', period: '2017' },
  { key: 'utfall-2017-01', label: 'Utfall jan', kind: 'actual', period: '2017-01' },
];

function familyPlacements(partPrinted: string[]): PlanFile {
  return aPlan({
    volumeTables: [
      {
        key: 'matt-ifo',
        caption: 'MÅTT',
        columns: VOLUME_COLUMNS,
        rows: [
          { key: 'fhp', measure: 'familjehemsplacerade', label: 'Antal familjehemsplacerade barn och unga', kind: 'month-end-stock', cells: cells(VOLUME_COLUMNS, ['20', '25', '33', '26']) },
          { key: 'fhp-uppvaxt', measure: 'uppvaxtplacering', label: '- varav uppväxtplacering', kind: 'month-end-stock', partOf: 'fhp', cells: cells(VOLUME_COLUMNS, partPrinted) },
        ],
      },
    ],
  });
}

describe('reconcilePlan on "varav" rows', () => {
  it('confirms the 2018 plan\'s uppväxtplacering rows (18 of 20, 18 of 25, 20 of 33, 18 of 26)', () => {
    const report = reconcilePlan(familyPlacements(['18', '18', '20', '18']));
    expect(report.findings.map((f) => [f.columnKey, f.severity])).toEqual([
      ['bokslut-2015', 'ok'],
      ['bokslut-2016', 'ok'],
      ['plan-2017', 'ok'],
      ['utfall-2017-01', 'ok'],
    ]);
  });

  it('reports a part larger than its whole, and skips a missing part', () => {
    const report = reconcilePlan(familyPlacements(['18', '-', '20', '28']));
    expect(report.findings.map((f) => f.columnKey)).toEqual(['bokslut-2015', 'plan-2017', 'utfall-2017-01']);
    const gap = only(report, 'volume-part', 'matt-ifo', 'utfall-2017-01');
    expect(gap).toMatchObject({ severity: 'gap', stated: d(28), computed: d(26), difference: d(2) });
    expect(gap.message).toContain('större än helheten');
  });
});

describe('default tolerance follows the printed precision', () => {
  // mkr with one decimal, as other municipalities print: rounding is ±0,1, not ±1.
  const table = (net: string) =>
    anIncomeStatement({ key: 'rr-mkr', node: 'sn', unit: 'mkr', columns: [{ key: 'b', label: 'Budget 2024', measure: 'budget', period: '2024' }], income: ['3,3'], costs: ['-68,9'], net: [net] });

  it.each([
    ['-65,6', 'ok'],
    ['-65,5', 'rounding'],
    ['-65,8', 'gap'],
  ] as const)('net %s against 3,3 − 68,9 = -65,6 is %s', (net, severity) => {
    expect(only(reconcilePlan(aPlan({ budgetTables: [table(net)] })), 'net', 'rr-mkr', 'b').severity).toBe(severity);
  });

  it('says which way a net gap goes', () => {
    expect(only(reconcilePlan(aPlan({ budgetTables: [table('-65,8')] })), 'net', 'rr-mkr', 'b').message).toBe(
      'SN: nettokostnaderna för Budget 2024 är -65,8 mkr men intäkter 3,3 mkr och kostnader -68,9 mkr ger -65,6 mkr; ' +
        'skillnad 0,2 mkr som inte förklaras (den angivna nettokostnaden är 0,2 mkr högre än vad intäkter och kostnader ger)',
    );
  });
});

describe('formatReconciliationReport', () => {
  it('prints gaps first, then rounding, then notes, then a count of what agreed', () => {
    const report = reconcilePlan(plan2018());
    const lines = formatReconciliationReport(report);
    expect(lines).toContain('AVVIKELSE  rr-ifo  Budget 2018  Nettokostnader: enheterna summerar till -71 178 tkr, totalen är -70 976 tkr (skillnad 202 tkr)');
    expect(lines).toContain('AVRUNDNING  rr-ifo  Redovisat 2016  Nettokostnader: netto -65 594 tkr, intäkter + kostnader ger -65 593 tkr (skillnad 1 tkr)');
    expect(lines).toContain('NOTERING  rr-ekb  EKB, Ensamkommande barn: ingår inte i IFO (rr-ifo): (EKB Ingår ej i IFO:s budget)');
    const words = lines.slice(0, -1).map((line) => line.split('  ')[0]);
    expect(words).toEqual([...words].sort((a, b) => order(a) - order(b)));
    // Notes of one kind in one table are one line with a count: 12 nets without parts in six tables are six lines.
    expect(lines).toContain('NOTERING  rr-ifo  2 nettobelopp anges utan intäkter och kostnader: Nettokostnader Plan 2019; Nettokostnader Plan 2020');
    expect(lines).toHaveLength(report.counts.gap + report.counts.rounding + 6 + 1 + 1);
    expect(lines.at(-1)).toBe(`ifo-2018-2020: ${report.counts.confirmed} kontroller stämmer exakt; ${report.counts.gap} avvikelser, 3 avrundningar, 13 noteringar`);
  });
});

function order(word: string | undefined): number {
  return ['AVVIKELSE', 'AVRUNDNING', 'NOTERING'].indexOf(word ?? '');
}

describe('the sum of the parts of a roll-up (what the budget editor shows beside the total)', () => {
  const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));
  const table = (key: string) => ifo.budgetTables.find((candidate) => candidate.key === key)!;
  const column = (key: string) => table('rr-ifo').columns.find((candidate) => candidate.key === key)!;
  it.each([
    ['net', 'budget-2018', '-71178'], // the seed prints -70 976: the 202 tkr gap
    ['costs', 'redovisat-2016', '-63716'],
    ['income', 'plan-2019', null], // the units print no income for the plan years: missing, not zero
  ] as const)('IFO %s %s: %s', (line, columnKey, expected) => {
    expect(sumOfParts(ifo, table('rr-ifo'), line, column(columnKey))?.toString() ?? null).toBe(expected);
  });
  it('a table nothing rolls into has no sum of parts (EKB is kept outside IFO)', () => {
    expect(sumOfParts(ifo, table('rr-ekb'), 'net', table('rr-ekb').columns[0]!)).toBeNull();
  });
});
