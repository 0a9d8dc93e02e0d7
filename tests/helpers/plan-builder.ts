/**
 * A small but complete plan file for tests, built from real Timrå figures, with overrides.
 * `aPlan({ plan: { key: 'x' } })` changes only what the test is about.
 */
import type { PlanFileInput } from '../../src/domain/plan.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object | null ? DeepPartial<NonNullable<T[K]>> : T[K] };

export function aPlan(overrides: DeepPartial<PlanFileInput> = {}): PlanFileInput {
  const base: PlanFileInput = {
    format: 'styrkort-plan',
    formatVersion: 2,
    municipality: { code: '2262', name: 'Timrå kommun' },
    organisation: [
      { key: 'timra', kind: 'municipality', name: 'Timrå kommun', parent: null },
      { key: 'sn', kind: 'committee', name: 'Socialnämnden', shortName: 'SN', parent: 'timra' },
      { key: 'socialforvaltningen', kind: 'administration', name: 'Socialförvaltningen', parent: 'sn' },
      { key: 'ifo', kind: 'service-area', name: 'Individ- och familjeomsorgen', shortName: 'IFO', parent: 'socialforvaltningen' },
    ],
    plan: {
      key: 'test-plan-2020-2022',
      title: 'Verksamhetsplan 2020-2022',
      subtitle: 'Socialnämnden',
      ownerNode: 'sn',
      periodStart: 2020,
      periodEnd: 2022,
      status: 'draft',
      decision: null,
    },
    perspectives: [{ number: 1, name: 'Medborgare' }],
    goals: [
      { key: 'kf-1:2', level: 'municipal', number: '1:2', perspective: 1, parent: null, text: 'Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem', measurement: null },
    ],
    indicators: [
      { key: 'st-1.2.1', number: '1.2.1', name: 'Nöjd med hemtjänst', goal: 'kf-1:2', perspective: 1, appliesTo: 'SN', unit: '%', direction: 'higher-better', targets: [{ year: 2018, text: '90%' }, { year: 2020, text: '80%' }], actuals: [{ period: '2018', text: '84' }] },
    ],
    volumeTables: [
      {
        key: 'volymer',
        caption: 'Volym',
        node: 'sn',
        columns: [
          { key: 'utfall-2018', label: 'Utfall 2018', kind: 'actual', period: '2018' },
          { key: 'budget-2019', label: 'Budget 2019', kind: 'budget', period: '2019' },
        ],
        rows: [
          { key: 'v-vobo', measure: 'vobo-over-65', label: 'Antal brukare vård och omsorgsboenden över 65', kind: 'yearly-count', cells: { 'utfall-2018': '200', 'budget-2019': '194(-9)' } },
          { key: 'v-mfb', measure: 'mfb-varddygn', label: 'Antal vårddyggn medicinskt färdigbehandlade', kind: 'care-days', cells: { 'utfall-2018': '50', 'budget-2019': '90 + 45' } },
        ],
      },
    ],
    budgetTables: [
      {
        key: 'drift',
        kind: 'operating',
        caption: 'Resultaträkning, tkr',
        node: 'sn',
        columns: [
          { key: 'budget-2020', label: 'Budget 2020', measure: 'budget', period: '2020' },
          { key: 'plan-2021', label: 'Plan 2021 (uppräknings 2%)', measure: 'plan', period: '2021', indexationPercent: '2' },
        ],
        rows: [
          { key: 'income', label: 'Verksamhetens intäkter', kind: 'line', line: 'income', cells: { 'budget-2020': '78 645' } },
          { key: 'costs', label: 'Verksamhetens kostnader', kind: 'line', line: 'costs', cells: { 'budget-2020': '-528 025' } },
          { key: 'net', label: 'Verksamhets nettokostnader', kind: 'line', line: 'net', cells: { 'budget-2020': '-449 380' } },
        ],
        relations: [{ kind: 'net', axis: 'rows', target: 'net', income: 'income', costs: 'costs' }],
      },
    ],
    sections: [{ key: 's-budget', kind: 'operating-budget', heading: 'Driftbudget', level: 2, include: ['drift'] }],
  };
  return merge(base, overrides) as PlanFileInput;
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (override === null || typeof override !== 'object' || Array.isArray(override) || base === null || typeof base !== 'object') return override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = merge(out[key], value);
  return out;
}
