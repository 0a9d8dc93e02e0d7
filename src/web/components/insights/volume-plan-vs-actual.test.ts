/** Plan against actual in the volume grid, on the IFO plan's 2017 volumes as printed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../../domain/plan.ts';
import { planVsActual } from './volume-plan-vs-actual.ts';

const ifo = PlanFile.parse(JSON.parse(readFileSync(new URL('../../../../demo/timra-ifo-2018-2020.json', import.meta.url), 'utf8')));
const table = ifo.volumeTables[0]!;

describe('volumes: plan against actual (plan mot utfall)', () => {
  const [year] = planVsActual(table);
  const row = (key: string) => year!.rows.find((r) => r.rowKey === key)!;

  it('has the year of the monthly columns and every measure', () => {
    expect(planVsActual(table).map((y) => y.year)).toEqual([2017]);
    expect(year!.rows).toHaveLength(table.rows.length);
  });

  it.each([
    // month-end stock: December 45 against Plan 2017 65
    ['individstod-brukare', { label: 'Plan 2017', text: '65' }, '45', { text: '-20', percent: '-30,8 %', way: 'under' }],
    // year placements: placement days over the year's days
    ['hvb-missbruk-klienter', { label: 'Plan 2017', text: '5' }, '4,97', { way: 'under' }],
    // a plan printed "-" is no plan: nothing to compare with
    // monthly count: the average of the twelve months
    ['hushall-forsorjningsstod', null, '194,58', null],
  ] as const)('%s', (key, plan, actual, deviation) => {
    const r = row(key);
    expect(r.plan).toEqual(plan);
    expect(r.actual?.text).toBe(actual);
    if (deviation === null) expect(r.deviation).toBeNull();
    else expect(r.deviation).toMatchObject(deviation);
  });

  it('follows an edited month: December 47 makes the stock 47', () => {
    const edited = { ...table, rows: table.rows.map((r) => (r.key === 'individstod-brukare' ? { ...r, cells: { ...r.cells, 'utfall-2017-12': '47' } } : r)) };
    expect(planVsActual(edited)[0]!.rows[0]!.actual?.text).toBe('47');
    expect(planVsActual(edited)[0]!.rows[0]!.deviation?.text).toBe('-18');
  });
});
