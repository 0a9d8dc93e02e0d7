/**
 * Each relation an economic table can state, on real rows of the fixtures' statements: the net
 * in both sign conventions, the deviation in both orders, subtotals and totals, "varav" parts, a
 * unit's row against its own table; the rounding tolerance (n parts → n/2 units of the last
 * printed digit); mnkr with decimals; and tables that do not hold together, refused with a path.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile, type PlanFileInput } from '../plan.ts';
import { reconcilePlan, type Finding } from '../reconcile.ts';
import { validatePlanFile } from '../validate-plan.ts';

type TableInput = NonNullable<PlanFileInput['budgetTables']>[number];
type RowInput = TableInput['rows'][number];
type ColumnInput = TableInput['columns'][number];

const ORGANISATION: PlanFileInput['organisation'] = [
  { key: 'kommun', kind: 'municipality', name: 'Kommunen', parent: null },
  { key: 'sn', kind: 'committee', name: 'Socialnämnden', parent: 'kommun' },
];

function planOf(...tables: TableInput[]): PlanFileInput {
  return {
    format: 'styrkort-plan',
    formatVersion: 2,
    municipality: { code: '0883', name: 'Västerviks kommun' },
    organisation: ORGANISATION,
    plan: { key: 'ar', title: 'Årsredovisning', ownerNode: 'kommun', periodStart: 2021, periodEnd: 2021, status: 'adopted', decision: null },
    budgetTables: tables,
  };
}

const findings = (...tables: TableInput[]) => reconcilePlan(PlanFile.parse(planOf(...tables))).findings;
const at = (list: Finding[], kind: Finding['kind'], rowKey: string, columnKey: string) => list.filter((f) => f.kind === kind && f.rowKey === rowKey && f.columnKey === columnKey);
const one = (list: Finding[], kind: Finding['kind'], rowKey: string, columnKey: string) => {
  const found = at(list, kind, rowKey, columnKey);
  expect(found, `${kind} ${rowKey} ${columnKey}`).toHaveLength(1);
  return found[0]!;
};

const col = (key: string, label: string, measure: ColumnInput['measure'], period = '2021', extra: Partial<ColumnInput> = {}): ColumnInput => ({ key, label, measure, period, ...extra });
const row = (key: string, label: string, cells: Record<string, string>, extra: Partial<RowInput> = {}): RowInput => ({ key, label, kind: 'line', cells, ...extra });

// Västervik 2021 (mnkr, costs negative): Intäkter | Kostnader | Nettokostnad | Budget | Avvikelse.
const VASTERVIK_COLUMNS = [col('i', 'Intäkter 2021', 'income'), col('k', 'Kostnader 2021', 'costs'), col('n', 'Nettokostnad 2021', 'net'), col('b', 'Budget 2021', 'budget'), col('a', 'Avvikelse mot budget 2021', 'deviation')];
function vastervik(rows: RowInput[], extra: Partial<TableInput> = {}): TableInput {
  return {
    key: 'drift',
    kind: 'operating',
    caption: 'Driftsredovisning',
    unit: 'mnkr',
    decimals: 1,
    costSign: 'negative',
    columns: VASTERVIK_COLUMNS,
    rows,
    relations: [
      { kind: 'net', axis: 'columns', target: 'n', income: 'i', costs: 'k' },
      { kind: 'deviation', axis: 'columns', target: 'a', outcome: 'n', budget: 'b', order: 'outcome-minus-budget' },
    ],
    ...extra,
  };
}
const cells = (i: string, k: string, n: string, b: string, a: string) => Object.fromEntries(Object.entries({ i, k, n, b, a }).filter(([, v]) => v !== ''));

// Tyresö 2018 KS (mnkr, costs positive): Intäkter | Kostnader | Nettokostnad | Kommunbidrag | Avvikelse.
const TYRESO_COLUMNS = [col('i', 'Intäkter', 'income', '2018'), col('k', 'Kostnader', 'costs', '2018'), col('n', 'Nettokostnad', 'net', '2018'), col('b', 'Kommunbidrag', 'budget', '2018'), col('a', 'Avvikelse', 'deviation', '2018')];
function tyreso(rows: RowInput[], order: 'budget-minus-outcome' | 'outcome-minus-budget' = 'budget-minus-outcome'): TableInput {
  return {
    key: 'ks',
    kind: 'operating',
    caption: 'Kommunstyrelsen',
    unit: 'mnkr',
    costSign: 'positive',
    columns: TYRESO_COLUMNS,
    rows,
    relations: [
      { kind: 'net', axis: 'columns', target: 'n', income: 'i', costs: 'k' },
      { kind: 'deviation', axis: 'columns', target: 'a', outcome: 'n', budget: 'b', order },
    ],
  };
}

describe('net = income + costs, costs printed negative', () => {
  it.each([
    ['Kultur 6,6 − 60,1 = -53,5', cells('6,6', '-60,1', '-53,5', '', ''), 'ok', '0'],
    ['Samhällsbyggnad 48,3 − 173,1 = -124,8, printed -124,9', cells('48,3', '-173,1', '-124,9', '', ''), 'rounding', '-0.1'],
    ['Äldreomsorg 157,0 − 558,2 = -401,2, printed -431,2', cells('157,0', '-558,2', '-431,2', '', ''), 'gap', '-30'],
  ] as const)('%s', (_what, printed, severity, difference) => {
    const finding = one(findings(vastervik([row('r', 'Enhet', printed)])), 'net', 'r', 'n');
    expect(finding.severity).toBe(severity);
    expect(finding.difference?.toString()).toBe(difference);
  });
});

describe('net cost = costs − income, costs printed positive', () => {
  it.each([
    ['Plan och exploatering 61,1 − 25,4 = 35,7', '35,7', 'ok'],
    ['printed 35,8: rounding', '35,8', 'rounding'],
    ['printed 35,9: a gap, a higher net cost than costs and income give', '35,9', 'gap'],
  ] as const)('%s', (_what, net, severity) => {
    const finding = one(findings(tyreso([row('pe', 'Plan och exploatering', { i: '25,4', k: '61,1', n: net })])), 'net', 'pe', 'n');
    expect(finding.severity).toBe(severity);
    expect(finding.summary).toContain('kostnader − intäkter ger 35,7 mnkr');
    if (severity === 'gap') expect(finding.message).toContain('den angivna nettokostnaden är 0,2 mnkr högre');
  });
});

describe('deviation as the table prints it', () => {
  it('outcome − budget (Västervik, Kommunstyrelse: -410,7 − -415,1 = 4,4)', () => {
    expect(one(findings(vastervik([row('ks', 'Kommunstyrelse', cells('', '', '-410,7', '-415,1', '4,4'))])), 'deviation', 'ks', 'a').severity).toBe('ok');
  });

  it('budget − outcome (Tyresö, Gemensam verksamhet: 129,6 − 139,0 = -9,4)', () => {
    const finding = one(findings(tyreso([row('gv', 'Gemensam verksamhet', { n: '139,0', b: '129,6', a: '– 9,4' })])), 'deviation', 'gv', 'a');
    expect(finding).toMatchObject({ severity: 'ok' });
    expect(finding.summary).toBe('avvikelse -9,4 mnkr, Kommunbidrag − Nettokostnad ger -9,4 mnkr');
  });

  it('the order matters: stated the other way round, the same figures are a gap of twice the deviation', () => {
    const finding = one(findings(tyreso([row('gv', 'Gemensam verksamhet', { n: '139,0', b: '129,6', a: '– 9,4' })], 'outcome-minus-budget')), 'deviation', 'gv', 'a');
    expect(finding).toMatchObject({ severity: 'gap' });
    expect(finding.difference?.toString()).toBe('-18.8');
  });

  it('a budget-only line (Uttag ur resultatutjämningsfond: net 0,0, budget -8,7, deviation 8,7) agrees', () => {
    expect(one(findings(vastervik([row('uttag', 'Uttag ur resultatutjämningsfond', cells('', '0,0', '0,0', '-8,7', '8,7'))])), 'deviation', 'uttag', 'a').severity).toBe('ok');
  });

  it('a deviation without its budget is a note, not a gap', () => {
    const finding = one(findings(vastervik([row('r', 'Enhet', cells('', '', '-12,6', '', '0,4'))])), 'deviation-parts-incomplete', 'r', 'a');
    expect(finding).toMatchObject({ severity: 'info', computed: null });
    expect(finding.summary).toBe('avvikelse 0,4 mnkr, budget 2021 saknas');
  });
});

describe('subtotals, totals and "varav" parts', () => {
  const sjobo = (summa: string): TableInput => ({
    key: 'drift',
    kind: 'operating',
    caption: 'Driftbudget per nämnd',
    unit: 'mnkr',
    costSign: 'positive',
    columns: [col('b', 'Budget 2025', 'budget', '2025')],
    rows: [
      { key: 'h', label: 'Samhällsbyggnadsnämnd', kind: 'heading', cells: {} },
      row('pol', 'Politisk verksamhet', { b: '0,6' }),
      row('mhs', 'Miljö- och hälsoskyddsverksamhet', { b: '6,6' }),
      row('pb', 'Plan- och byggverksamhet', { b: '6,1' }),
      row('summa', 'Summa', { b: summa }, { kind: 'subtotal', parts: ['pol', 'mhs', 'pb'] }),
    ],
  });

  it.each([
    ['13,3', 'ok'], // Sjöbo prints 13,3
    ['13,4', 'rounding'], // three parts: up to 1,5 units of 0,1
    ['13,5', 'gap'],
  ] as const)('Samhällsbyggnadsnämnd Summa %s against 0,6 + 6,6 + 6,1', (summa, severity) => {
    const finding = one(findings(sjobo(summa)), 'sum', 'summa', 'b');
    expect(finding.severity).toBe(severity);
    expect(finding.label).toBe('Samhällsbyggnadsnämnd / Summa'); // named under its heading
  });

  it('a total of rows (Tyresö Totalt 306,9 = the nine Kommunbidrag)', () => {
    const parts = ['27,5', '76,7', '6,9', '0,0', '0,0', '1,3', '129,6', '42,3', '22,6'].map((b, i) => row(`r${i}`, `Rad ${i}`, { b }));
    const total = row('totalt', 'Totalt', { b: '306,9' }, { kind: 'total', parts: parts.map((p) => p.key) });
    expect(one(findings(tyreso([...parts, total])), 'sum', 'totalt', 'b').severity).toBe('ok');
  });

  it('never sums a percentage column', () => {
    const gnesta: TableInput = {
      key: 'drift',
      kind: 'operating',
      caption: 'Driftredovisning',
      unit: 'tkr',
      columns: [col('u', 'Utfall 2013', 'actual', '2013'), col('p', 'Förändring 2012/2013', 'other', '2013', { unit: '%' })],
      rows: [row('a', 'Revision', { u: '– 614', p: '1,6 %' }), row('b', 'Överförmyndare', { u: '– 819', p: '– 5,7 %' }), row('s', 'Summa', { u: '– 1 433', p: '– 4,1 %' }, { kind: 'subtotal', parts: ['a', 'b'] })],
    };
    const list = findings(gnesta);
    expect(one(list, 'sum', 's', 'u').severity).toBe('ok');
    expect(at(list, 'sum', 's', 'p')).toEqual([]);
  });

  it('a "varav" part no larger than its whole, whatever the sign', () => {
    const table = (part: string) => vastervik([row('aldre', 'Äldreomsorg', cells('', '', '-431,2', '', '')), row('hemtjanst', '- varav hemtjänst', cells('', '', part, '', ''), { kind: 'part', partOf: 'aldre' })], { relations: [] });
    expect(one(findings(table('-120,0')), 'part', 'hemtjanst', 'n').severity).toBe('ok');
    expect(one(findings(table('-500,0')), 'part', 'hemtjanst', 'n').severity).toBe('gap');
  });
});

describe("a unit's row against the total of the unit's own table", () => {
  const statement = (budget: string): TableInput => ({
    ...vastervik([row('sn', 'Socialnämnd', cells('', '', '', budget, ''), { node: 'sn' })]),
    relations: [{ kind: 'unit-total', row: 'sn', table: 'sn-egen' }],
  });
  const own: TableInput = {
    key: 'sn-egen',
    kind: 'operating',
    caption: 'Socialnämnden, tkr',
    unit: 'tkr',
    node: 'sn',
    columns: [col('b2021', 'Budget 2021', 'budget')],
    rows: [row('a', 'Äldreomsorg', { b2021: '-445 100' }), row('o', 'Övrigt', { b2021: '-519 500' }), row('t', 'Summa', { b2021: '-964 600' }, { kind: 'total', parts: ['a', 'o'] })],
  };

  it('agrees across units (mnkr against tkr) and finds a difference', () => {
    expect(one(findings(statement('-964,6'), own), 'unit-total', 'sn', 'b').severity).toBe('ok');
    const gap = one(findings(statement('-955,9'), own), 'unit-total', 'sn', 'b');
    expect(gap.severity).toBe('gap');
    expect(gap.message).toBe('Driftsredovisning: Socialnämnd för Budget 2021 är -955,9 mnkr men Summa i Socialnämnden är -964,6 mnkr; skillnad 8,7 mnkr som inte förklaras');
  });
});

describe('the rounding tolerance follows precision and the number of parts', () => {
  // n parts each rounded to half a unit of the last digit may be n/2 units off their printed sum.
  const sum = (parts: string[], total: string, unit = 'mnkr') =>
    one(
      findings({
        key: 'drift',
        kind: 'operating',
        caption: 'Drift',
        unit,
        columns: [col('b', 'Budget 2021', 'budget')],
        rows: [...parts.map((b, i) => row(`p${i}`, `Del ${i}`, { b })), row('s', 'Summa', { b: total }, { kind: 'subtotal', parts: parts.map((_, i) => `p${i}`) })],
      }),
      'sum',
      's',
      'b',
    ).severity;

  it.each([
    [['1,0', '1,0'], '2,1', 'rounding'], // 2 parts: 1 unit
    [['1,0', '1,0'], '2,2', 'gap'],
    [['1,0', '1,0', '1,0', '1,0', '1,0', '1,0'], '6,3', 'rounding'], // 6 parts: 3 units
    [['1,0', '1,0', '1,0', '1,0', '1,0', '1,0'], '6,4', 'gap'],
    [['10', '10', '10'], '31', 'rounding'], // whole tkr, 3 parts: 1,5 units
    [['10', '10', '10'], '32', 'gap'],
  ] as const)('%j summed to %s is %s', (parts, total, severity) => {
    expect(sum([...parts], total, parts[0]!.includes(',') ? 'mnkr' : 'tkr')).toBe(severity);
  });

  it('keeps the printed precision in its words: 30,0 mnkr, not 30 mnkr', () => {
    const finding = one(findings(vastervik([row('r', 'Äldreomsorg', cells('157,0', '-558,2', '-431,2', '', ''))])), 'net', 'r', 'n');
    expect(finding.summary).toBe('netto -431,2 mnkr, intäkter + kostnader ger -401,2 mnkr (skillnad 30,0 mnkr)');
  });
});

describe('money units as printed', () => {
  it.each(['mnkr', 'mkr', 'Mkr', 'miljoner kronor', 'tkr', 'kr'])('accepts "%s" and keeps it', (unit) => {
    const result = validatePlanFile(planOf(vastervik([], { unit })));
    expect(result.ok && result.plan.budgetTables[0]!.unit).toBe(unit);
  });

  it('refuses a unit it cannot read', () => {
    const result = validatePlanFile(planOf(vastervik([], { unit: 'kSEK' })));
    expect(result.ok ? [] : result.problems).toEqual([{ path: '$.budgetTables[0].unit', message: 'Okänd enhet; använd kr, tkr, mnkr (även mkr, Mkr, miljoner kronor)', code: 'custom' }]);
  });
});

describe('tables that do not hold together are refused, each problem with its path', () => {
  const base = () => vastervik([row('ks', 'Kommunstyrelse', cells('', '', '-410,7', '-415,1', '4,4'), { kind: 'subtotal', parts: ['led'] }), row('led', 'Ledning', cells('18,3', '-79,4', '-61,1', '-64,4', '3,4'))]);
  const problems = (change: (table: TableInput) => unknown, ...others: TableInput[]): Array<{ path: string; message: string }> => {
    const table = base();
    change(table);
    const result = validatePlanFile(planOf(table, ...others));
    return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));
  };

  const cases: Array<[string, (table: TableInput) => unknown, string, string]> = [
    ['a relation naming a missing column', (t: TableInput) => (t.relations = [{ kind: 'net', axis: 'columns', target: 'n', income: 'intakter', costs: 'k' }]), '$.budgetTables[0].relations[0].income', 'Sambandet för nettot nämner kolumnen "intakter", som inte finns i tabellen'],
    ['a relation naming a missing row', (t: TableInput) => (t.relations = [{ kind: 'deviation', axis: 'rows', target: 'avv', outcome: 'led', budget: 'ks', order: 'outcome-minus-budget' }]), '$.budgetTables[0].relations[0].target', 'Sambandet för avvikelsen nämner raden "avv", som inte finns i tabellen'],
    ['a total row without parts', (t: TableInput) => t.rows.push(row('tot', 'Totalt', { n: '-410,7' }, { kind: 'total' })), '$.budgetTables[0].rows[2].parts', 'Totalraden "Totalt" anger inte vilka rader den summerar'],
    ['a subtotal naming a missing row', (t: TableInput) => (t.rows[0]!.parts = ['led', 'kultur']), '$.budgetTables[0].rows[0].parts[1]', 'Summaraden "Kommunstyrelse" räknar med raden "kultur", som inte finns i tabellen'],
    ['a subtotal that contains itself through its parts', (t: TableInput) => t.rows.push(row('x', 'Summa', {}, { kind: 'subtotal', parts: ['ks'] })) && (t.rows[0]!.parts = ['led', 'x']), '$.budgetTables[0].rows[0].parts', 'Summaraden "Kommunstyrelse" ingår, via sina delar, i sig själv'],
    ['parts on a line', (t: TableInput) => (t.rows[1]!.parts = ['ks']), '$.budgetTables[0].rows[1].parts', 'Raden "Ledning" är ingen summarad och kan inte ha delar'],
    ['a "varav" row without its whole', (t: TableInput) => t.rows.push(row('v', '- varav', {}, { kind: 'part' })), '$.budgetTables[0].rows[2].partOf', '"Varav"-raden "- varav" anger inte vilken rad den är en del av'],
    ['a heading with amounts', (t: TableInput) => t.rows.push({ key: 'h', label: 'Kommunstyrelse', kind: 'heading', cells: { n: '1' } }), '$.budgetTables[0].rows[2].cells', 'Rubrikraden "Kommunstyrelse" kan inte ha belopp; gör den till en rad eller en summarad'],
    ['the same row key twice', (t: TableInput) => t.rows.push(row('led', 'Ledning igen', {})), '$.budgetTables[0].rows[2].key', 'Nyckeln "led" används för mer än en rad'],
    ['a row of an unknown node', (t: TableInput) => (t.rows[0]!.node = 'ks'), '$.budgetTables[0].rows[0].node', 'Noden "ks" finns inte i organisationen'],
    ['a unit total against a missing table', (t: TableInput) => (t.relations = [{ kind: 'unit-total', row: 'ks', table: 'ks-egen' }]), '$.budgetTables[0].relations[0].table', 'Sambandet hänvisar till tabellen "ks-egen", som inte finns bland planens budgettabeller'],
  ];
  it.each(cases)('%s', (_what, change, path, message) => {
    expect(problems(change)).toContainEqual({ path, message });
  });

  it("a unit total against a table that has no total row", () => {
    const own: TableInput = { key: 'ks-egen', kind: 'operating', caption: 'KS', unit: 'tkr', columns: [], rows: [row('a', 'A', {})] };
    expect(problems((t) => (t.relations = [{ kind: 'unit-total', row: 'ks', table: 'ks-egen' }]), own)).toContainEqual({
      path: '$.budgetTables[0].relations[0].table',
      message: 'Tabellen "ks-egen" har ingen totalrad att jämföra raden "ks" med',
    });
  });
});
