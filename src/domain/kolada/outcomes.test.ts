/**
 * Kolada's own value as an indicator's outcome where the plan names Kolada as the source, with
 * Timrå's real N31807 values (demo/kolada): printed as Kolada gives them with a decimal comma,
 * provenance "Källa: Kolada, publicerad …", never over an outcome the plan has, only the plan's years.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../plan.ts';
import { aPlan } from '../../../tests/helpers/plan-builder.ts';
import { compareWithGroup } from './compare.ts';
import { withKoladaOutcomes } from './outcomes.ts';

const timra = { 2016: '3.929913', 2019: '3.093213', 2021: '2.816911', 2022: '2.900755', 2023: null } as Record<number, string | null>;
const years = Object.entries(timra).map(([year, value]) => compareWithGroup({ kpi: 'N31807', year: Number(year), gender: 'T', order: 'lowest-first', own: { id: '2262', title: 'Timrå', value }, group: null, country: null }));
const plan = (source: string | undefined, actuals: Array<{ period: string; text: string }> = []) =>
  PlanFile.parse(aPlan({ plan: { periodStart: 2020, periodEnd: 2022 }, indicators: [{ key: 'st-ekb', number: '1', name: 'Ekonomiskt bistånd, andel', goal: null, unit: '%', ...(source ? { source } : {}), targets: [], actuals }] }));
const kolada = new Map([['st-ekb', { kpi: 'N31807', publicationDate: '2025-02-22', years }]]);

describe('Kolada values as outcomes', () => {
  it.each([
    ['Kolada', true],
    ['Källa: Kolada, RKA', true],
    ['Egen mätning', false],
    [undefined, false],
  ])('the source "%s" makes Kolada the outcome: %s', (source, used) => {
    const result = withKoladaOutcomes(plan(source), kolada).indicators[0]!;
    expect(result.actuals.length > 0).toBe(used);
  });

  it("adds the plan's years from the year before its start, with provenance, and keeps the plan's own outcome", () => {
    const result = withKoladaOutcomes(plan('Kolada', [{ period: '2021', text: '2,8' }]), kolada).indicators[0]!;
    expect(result.actuals).toEqual([
      { period: '2019', text: '3,093213', source: 'Källa: Kolada, publicerad 2025-02-22' },
      { period: '2021', text: '2,8' },
      { period: '2022', text: '2,900755', source: 'Källa: Kolada, publicerad 2025-02-22' },
    ]);
  });

  it('leaves a plan without Kolada-sourced indicators as it was (the same object)', () => {
    const original = plan('Egen mätning');
    expect(withKoladaOutcomes(original, kolada)).toBe(original);
  });
});
