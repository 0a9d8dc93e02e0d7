/** Entering follow-up data: outcomes, monthly actuals in the tables, analyses — and what validation then asks of them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { recordAnalysis, recordIndicatorActual, recordTableActual } from './actuals.ts';
import { PlanFile } from './plan.ts';
import { validatePlanFile } from './validate-plan.ts';

const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));
const plan = PlanFile.parse(aPlan());

describe('entering actuals', () => {
  it('adds an outcome per period, replaces the same period, keeps periods in order', () => {
    let next = recordIndicatorActual(plan, { indicator: 'st-1.2.1', period: '2020', text: '84' });
    next = recordIndicatorActual(next, { indicator: 'st-1.2.1', period: '2019', text: '82', source: 'Brukarundersökning 2019' });
    next = recordIndicatorActual(next, { indicator: 'st-1.2.1', period: '2020', text: '85' });
    expect(next.indicators[0]!.actuals).toEqual([
      { period: '2018', text: '84' },
      { period: '2019', text: '82', source: 'Brukarundersökning 2019' },
      { period: '2020', text: '85' },
    ]);
    expect(plan.indicators[0]!.actuals).toEqual([{ period: '2018', text: '84' }]); // the given plan is untouched
    expect(() => recordIndicatorActual(plan, { indicator: 'st-9', period: '2020', text: '1' })).toThrow('Styrtalet "st-9" finns inte i planen');
    expect(() => recordIndicatorActual(plan, { indicator: 'st-1.2.1', period: '2020-8', text: '1' })).toThrow('anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM');
  });

  it('puts a month into the existing actual column of the 2017 table', () => {
    const next = recordTableActual(ifo, { table: 'ifo-matt-2017', row: 'individstod-brukare', period: '2017-08', text: '46' });
    const table = next.volumeTables[0]!;
    expect(table.columns).toHaveLength(15);
    expect(table.rows[0]!.cells['utfall-2017-08']).toBe('46');
  });

  it('adds the month’s actual column where the periods put it', () => {
    const volumes = recordTableActual(ifo, { table: 'ifo-matt-2017', row: 'hushall-forsorjningsstod', period: '2018-01', text: '228' }).volumeTables[0]!;
    expect(volumes.columns.at(-1)).toEqual({ key: 'utfall-2018-01', label: 'Utfall jan 2018', kind: 'actual', period: '2018-01' });
    let budget = recordTableActual(ifo, { table: 'rr-ifo-vuxna', row: 'costs', period: '2017-01', text: '-2 700' });
    budget = recordTableActual(budget, { table: 'rr-ifo-vuxna', row: 'costs', period: '2017-02', text: '-2 650' });
    const table = budget.budgetTables.find((t) => t.key === 'rr-ifo-vuxna')!;
    expect(table.columns.map((c) => c.key)).toEqual(['redovisat-2016', 'budget-2017', 'prognos-2017', 'utfall-2017-01', 'utfall-2017-02', 'budget-2018', 'plan-2019', 'plan-2020']);
    expect(table.rows.find((r) => r.line === 'costs')!.cells).toMatchObject({ 'utfall-2017-01': '-2 700', 'utfall-2017-02': '-2 650' });
    expect(validatePlanFile(budget).ok).toBe(true);
    expect(() => recordTableActual(ifo, { table: 'rr-ifo-vuxna', row: 'netto', period: '2017-01', text: '1' })).toThrow('Raden "netto" finns inte i budgettabellen rr-ifo-vuxna');
  });

  // Municipalities that report by tertial, half-year or quarter enter those periods as they are.
  it.each([
    ['2018-T1', 'Utfall T1 2018'],
    ['2018-H1', 'Utfall H1 2018'],
    ['2017-Q4', 'Utfall Q4 2017'],
  ])('takes a %s actual into a column "%s", valid in the plan file', (period, label) => {
    const next = recordTableActual(ifo, { table: 'ifo-matt-2017', row: 'hushall-forsorjningsstod', period, text: '228' });
    expect(next.volumeTables[0]!.columns.find((column) => column.period === period)).toEqual({ key: `utfall-${period.toLowerCase()}`, label, kind: 'actual', period });
    expect(validatePlanFile(next).ok).toBe(true);
    expect(validatePlanFile(recordIndicatorActual(plan, { indicator: 'st-1.2.1', period, text: '5' })).ok).toBe(true);
  });
});

describe('what validation asks of follow-up data', () => {
  const problemsOf = (value: unknown) => {
    const result = validatePlanFile(value);
    return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }));
  };

  it('wants a justification for a status set by hand, and a number as reference', () => {
    const next = recordIndicatorActual(plan, { indicator: 'st-1.2.1', period: '2020', text: '', status: 'green', reference: 'ca 45' });
    expect(problemsOf(next)).toEqual([
      { path: '$.indicators[0].actuals[1].justification', message: 'En status som sätts för hand kräver en motivering' },
      { path: '$.indicators[0].actuals[1].reference', message: 'Referensvärdet "ca 45" är inte ett tal' },
    ]);
    const justified = recordIndicatorActual(plan, { indicator: 'st-1.2.1', period: '2020', text: '', status: 'green', justification: 'Bedömd av nämnden', reference: '45,2' });
    expect(problemsOf(justified)).toEqual([]);
  });

  it('reads the tolerance as a number with a point', () => {
    const bad = { ...plan, indicators: [{ ...plan.indicators[0]!, tolerance: '5,5' }] };
    expect(problemsOf(bad)).toEqual([{ path: '$.indicators[0].tolerance', message: 'Toleransen anges som ett tal med punkt, t.ex. "5" eller "2.5"' }]);
    expect(problemsOf({ ...plan, indicators: [{ ...plan.indicators[0]!, tolerance: '2.5' }] })).toEqual([]);
  });

  it('wants each analysis to name an indicator, a volume row or a budget table, once per key, in allowed HTML', () => {
    const good = recordAnalysis(plan, { subject: 'drift', period: '2020-08', text: '<p>Kostnaderna följer budget.</p>' });
    expect(problemsOf(good)).toEqual([]);
    const bad = { ...good, analyses: [...good.analyses, { key: good.analyses[0]!.key, subject: 'v-saknas', period: '2020', text: '<script>x</script>' }] };
    expect(problemsOf(bad)).toEqual([
      { path: '$.analyses[1].key', message: 'Nyckeln "analys-drift-2020-08" används för mer än en analys' },
      { path: '$.analyses[1].subject', message: '"v-saknas" är inget styrtal, inget mål, ingen volymrad och ingen budgettabell i planen' },
      { path: '$.analyses[1].text', message: 'Texten innehåller HTML som inte är tillåten (tillåtet: p, b, i, u, ul, ol, li, a, br)' },
    ]);
  });
});
