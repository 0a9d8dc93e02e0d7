import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aPlan } from '../../tests/helpers/plan-builder.ts';
import { PlanFile, type ActualEntry } from './plan.ts';
import { evaluateIndicator, latestFollowUpPeriod, scorecard } from './status.ts';

// The 2020–2022 plan of Socialnämnden: 19 indicators with targets for 2018 and 2020 and no outcomes.
const sn = PlanFile.parse(JSON.parse(readFileSync(new URL('../../demo/timra-sn-2020-2022.json', import.meta.url), 'utf8')));

function indicatorWith(key: string, actuals: ActualEntry[], overrides: Record<string, unknown> = {}) {
  const indicator = sn.indicators.find((i) => i.key === key);
  if (!indicator) throw new Error(`no indicator ${key}`);
  return { ...indicator, ...overrides, actuals };
}

type Case = [indicator: string, period: string, actuals: ActualEntry[], status: string, explanation: string, overrides?: Record<string, unknown>];

// The plan states no direction for these satisfaction and share indicators, and their targets
// ("90%", "40%", "85, 85, 85/…") do not say either; a committee states it (higher is better) before
// their status can be computed. Without it the status is 'no-direction' (tested below).
const higher = { direction: 'higher-better' };

// Every target text of the plan (both years of all 19 indicators) with an outcome a committee could report.
const cases: Case[] = [
  ['st-1.2.1', '2018', [{ period: '2018', text: '92' }], 'green', 'Utfall 92 % mot målvärde 90 %: uppfyllt', higher],
  ['st-1.2.1', '2020', [{ period: '2020', text: '84' }], 'green', 'Utfall 84 % mot målvärde 80 %: uppfyllt', higher],
  ['st-1.2.2', '2018', [{ period: '2018', text: '87' }], 'yellow', 'Utfall 87 % mot målvärde 90 %: nära målet, 3 procentenheter under (tolerans 4,5)', higher],
  ['st-1.2.2', '2020', [{ period: '2020', text: '70' }], 'red', 'Utfall 70 % mot målvärde 80 %: inte uppfyllt, 10 procentenheter under', higher],
  ['st-1.3.1', '2018', [{ period: '2018', text: '77' }], 'green', 'Utfall 77 % mot målvärde 77 %: uppfyllt', higher],
  ['st-1.3.1', '2020', [{ period: '2020', text: '74 %' }], 'red', 'Utfall 74 % mot målvärde 79 %: inte uppfyllt, 5 procentenheter under', higher],
  [
    'st-1.5.2',
    '2018',
    [{ period: '2018', text: '2 gröna blommor', status: 'green', justification: 'Två gröna blommor och 18 gröna blad i SKL:s mätning' }],
    'green',
    'Bedömd för hand som grön (utfall 2 gröna blommor): Två gröna blommor och 18 gröna blad i SKL:s mätning',
  ],
  ['st-1.5.2', '2020', [{ period: '2020', text: '3 gröna blommor' }], 'not-measured', 'Målvärdet bedöms för hand; bedömning saknas för 2020'],
  ['st-2.3.1', '2018', [{ period: '2018', text: '18 045' }], 'yellow', 'Utfall 18 045 mot målvärde 18 100: nära målet, 55 under (tolerans 905)'],
  ['st-2.3.1', '2020', [{ period: '2020', text: '18 217' }], 'green', 'Utfall 18 217 mot målvärde 18 200: uppfyllt'],
  [
    'st-2.3.2',
    '2018',
    [{ period: '2018', text: '20/58/22 %' }],
    'green',
    'Utfall 20/58/22 % mot målvärde 21/57/22 % (närmare är bättre): alla 3 delar uppfyllda',
  ],
  [
    'st-2.3.2',
    '2020',
    [{ period: '2020', text: '23/55/22 %' }],
    'yellow',
    'Utfall 23/55/22 % mot målvärde 21/57/22 % (närmare är bättre): 2 av 3 delar uppfyllda, del 1 gul',
  ],
  ['st-3.1.1', '2018', [{ period: '2018', text: '9' }], 'green', 'Utfall 9 per förvaltning mot målvärde över 8 per förvaltning: uppfyllt'],
  ['st-3.1.1', '2020', [{ period: '2020', text: '12' }], 'red', 'Utfall 12 per förvaltning mot målvärde över 16 per förvaltning: inte uppfyllt, 4 per förvaltning under'],
  ['st-3.1.2', '2018', [{ period: '2018', text: '95' }], 'yellow', 'Utfall 95 % mot målvärde över 95 %: nära målet, exakt på gränsen (tolerans 4,75)'],
  ['st-3.1.2', '2020', [{ period: '2020', text: '98,5' }], 'green', 'Utfall 98,5 % mot målvärde över 97 %: uppfyllt'],
  [
    'st-3.2.1',
    '2018',
    [{ period: '2018', text: '', status: 'yellow', justification: 'Processerna är kartlagda på förvaltningsnivå men inte på enhetsnivå' }],
    'yellow',
    'Bedömd för hand som gul: Processerna är kartlagda på förvaltningsnivå men inte på enhetsnivå',
  ],
  ['st-3.2.1', '2020', [], 'not-measured', 'Målvärdet bedöms för hand; utfall och bedömning saknas för 2020'],
  ['st-3.2.2', '2018', [{ period: '2017', text: '11' }, { period: '2018', text: '14' }], 'green', 'Utfall 14 mot 11 för 2017 (målvärde högre än föregående år): uppfyllt'],
  ['st-3.2.2', '2020', [{ period: '2020', text: '14' }], 'not-measured', 'Jämförelsevärde saknas: utfall för 2019 behövs'],
  [
    'st-4.1.1',
    '2018',
    [{ period: '2018', text: '86, 85, 85/85, 86, 90/91, 90, 88 %' }],
    'green',
    'Utfall 86, 85, 85/85, 86, 90/91, 90, 88 % mot målvärde 85, 85, 85/85, 85, 90/90, 90, 85 %: alla 9 delar uppfyllda',
    higher,
  ],
  [
    'st-4.1.1',
    '2020',
    [{ period: '2020', text: '84, 90, 90/90, 88, 90/90, 90, 80 %' }],
    'red',
    'Utfall 84, 90, 90/90, 88, 90/90, 90, 80 % mot målvärde 85, 90, 90/90, 90, 90/90, 90, 90 %: 6 av 9 delar uppfyllda, del 3.3 röd',
    higher,
  ],
  [
    'st-4.2.1',
    '2018',
    [{ period: '2018', text: '78/22 respektive 9/49/42' }],
    'red',
    'Utfall 78/22 respektive 9/49/42 mot målvärde 79/21 respektive 8/50/42 (närmare är bättre): 4 av 5 delar uppfyllda, del 2.1 röd',
  ],
  ['st-4.2.1', '2020', [{ period: '2020', text: '77/23' }], 'not-measured', 'Utfallet "77/23" har inte målvärdets form (5 tal, som "x/x respektive x/x/x")'],
  ['st-4.2.2', '2018', [{ period: '2018', text: '70' }], 'green', 'Utfall 70 % mot målvärde 70 %: uppfyllt', higher],
  ['st-4.2.2', '2020', [{ period: '2020', text: '71' }], 'red', 'Utfall 71 % mot målvärde 75 %: inte uppfyllt, 4 procentenheter under', higher],
  ['st-4.3.1', '2018', [{ period: '2018', text: '48' }], 'yellow', 'Utfall 48 % mot målvärde 50 %: nära målet, 2 procentenheter under (tolerans 2,5)', higher],
  ['st-4.3.1', '2020', [{ period: '2020', text: '-' }], 'not-measured', 'Utfall saknas för 2020', higher],
  ['st-5.1.1', '2018', [{ period: '2018', text: '1 250' }], 'green', 'Utfall 1 250 mot målvärde över 0: uppfyllt'],
  ['st-5.1.1', '2020', [{ period: '2020', text: '-3 400' }], 'red', 'Utfall -3 400 mot målvärde över 0: inte uppfyllt, 3 400 under'],
  ['st-5:2.1', '2018', [{ period: '2018', text: '38,5' }], 'yellow', 'Utfall 38,5 % mot målvärde 40 %: nära målet, 1,5 procentenheter under (tolerans 2)', higher],
  [
    'st-5:2.1',
    '2020',
    [{ period: '2020', text: '38,5', reference: '45,2' }],
    'red',
    'Utfall 38,5 % mot Norrlands kommuner 45,2 %, differens 6,7 procentenheter (målvärde differens under 4 procentenheter): inte uppfyllt, 2,7 procentenheter över',
  ],
  ['st-5.3.3', '2018', [{ period: '2018', text: '1,4' }], 'green', 'Utfall 1,4 % mot målvärde över 1 % av skatter och generella statsbidrag: uppfyllt'],
  [
    'st-5.3.3',
    '2020',
    [{ period: '2020', text: '9 800', reference: '1 050 000' }],
    'red',
    'Utfall 9 800 av 1 050 000 (0,93 %) mot målvärde över 1 % av skatter och generella statsbidrag: inte uppfyllt, 0,07 procentenheter under',
  ],
  ['st-5.3.4', '2018', [{ period: '2018', text: '22,4', reference: '21,9' }], 'green', 'Utfall 22,4 mot 21,9 för 2017 (målvärde högre än föregående år): uppfyllt'],
  ['st-5.3.4', '2020', [{ period: '2019', text: '23,1' }, { period: '2020', text: '22,9' }], 'yellow', 'Utfall 22,9 mot 23,1 för 2019 (målvärde högre än föregående år): nära målet, 0,2 under (tolerans 1,16)'],
  ['st-5:4.1', '2018', [{ period: '2018', text: '112' }], 'green', 'Utfall 112 % mot målvärde över 100 %: uppfyllt'],
  ['st-5:4.1', '2020', [{ period: '2020', text: '96' }], 'yellow', 'Utfall 96 % mot målvärde över 100 %: nära målet, 4 procentenheter under (tolerans 5)'],
];

describe('indicator status for every target of the 2020–2022 plan', () => {
  it('covers every target text of the plan', () => {
    const covered = new Set(cases.map(([key, period]) => `${key}|${period}`));
    const all = sn.indicators.flatMap((indicator) => indicator.targets.map((target) => `${indicator.key}|${target.year}`));
    expect(all.filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases)('%s %s', (key, period, actuals, status, explanation, overrides) => {
    const result = evaluateIndicator(indicatorWith(key, actuals, overrides), period);
    expect({ status: result.status, explanation: result.explanation }).toEqual({ status, explanation });
  });

  // As transcribed, without a stated direction: never green, and the explanation says what is missing.
  it.each([
    ['st-1.2.1', '2020', '84', '80%', '84 %'],
    ['st-1.2.2', '2020', '70', '80%', '70 %'],
    ['st-1.3.1', '2018', '77', '77%', '77 %'],
    ['st-4.1.1', '2018', '86, 85, 85/85, 86, 90/91, 90, 88 %', '85, 85, 85/85, 85, 90/90, 90, 85 %', '86, 85, 85/85, 86, 90/91, 90, 88 %'],
    ['st-4.2.2', '2020', '71', '75%', '71 %'],
    ['st-4.3.1', '2018', '48', '50%', '48 %'],
    ['st-5:2.1', '2018', '38,5', '40%', '38,5 %'],
  ])('%s %s without a direction: riktning saknas', (key, period, outcome, target, shown) => {
    const result = evaluateIndicator(indicatorWith(key, [{ period, text: outcome }]), period);
    expect(result).toMatchObject({
      status: 'no-direction',
      explanation: `Riktning saknas: varken målvärdet "${target}" eller styrtalet säger om högre eller lägre är bättre (utfall ${shown})`,
    });
  });
});

describe('what a status needs', () => {
  it('says which reference is missing for peer groups, base quantities and last year', () => {
    expect(evaluateIndicator(indicatorWith('st-5:2.1', [{ period: '2020', text: '38,5' }]), '2020').explanation).toBe(
      'Jämförelsevärde saknas: Norrlands kommuners värde för 2020 behövs',
    );
    const amount = evaluateIndicator(indicatorWith('st-5.3.3', [{ period: '2020', text: '9 800' }], { unit: 'tkr' }), '2020');
    expect(amount).toMatchObject({ status: 'not-measured', explanation: 'Basen saknas: skatter och generella statsbidrag för 2020 behövs, eller ett utfall i procent' });
  });

  it('has no status in a year without a target (the plan has none for 2019)', () => {
    expect(evaluateIndicator(indicatorWith('st-1.2.1', [{ period: '2019', text: '84' }]), '2019')).toMatchObject({
      status: 'not-measured',
      explanation: 'Målvärde saknas för 2019',
      target: null,
      actual: '84',
    });
  });

  it('measures a month against the target of its year', () => {
    const result = evaluateIndicator(indicatorWith('st-1.2.1', [{ period: '2020-08', text: '81' }], higher), '2020-08');
    expect(result).toMatchObject({ status: 'green', target: '80%', actual: '81', explanation: 'Utfall 81 % mot målvärde 80 %: uppfyllt' });
  });

  it('takes the tolerance and the direction the indicator states', () => {
    // Gender and age shares with a tolerance of 2 percentage points: 9 against 8 is then close enough.
    const shares = evaluateIndicator(indicatorWith('st-4.2.1', [{ period: '2018', text: '78/22 respektive 9/49/42' }], { tolerance: '2' }), '2018');
    expect(shares.status).toBe('green');
    expect(shares.parts?.map((part) => [part.label, part.status])).toEqual([
      ['del 1.1', 'green'],
      ['del 1.2', 'green'],
      ['del 2.1', 'green'],
      ['del 2.2', 'green'],
      ['del 2.3', 'green'],
    ]);
    const lower = evaluateIndicator(indicatorWith('st-1.2.1', [{ period: '2020', text: '86' }], { direction: 'lower-better' }), '2020');
    expect(lower).toMatchObject({ status: 'red', explanation: 'Utfall 86 % mot målvärde 80 %: inte uppfyllt, 6 procentenheter över' });
  });

  it('evaluates each part of a tuple and keeps the parts', () => {
    const result = evaluateIndicator(indicatorWith('st-2.3.2', [{ period: '2020', text: '23/55/22 %' }]), '2020');
    expect(result.parts).toEqual([
      { label: 'del 1', target: '21 %', actual: '23 %', status: 'yellow', explanation: 'Del 1, utfall 23 % mot 21 %: nära målet, 2 procentenheter från målet (tolerans 1,05)' },
      { label: 'del 2', target: '57 %', actual: '55 %', status: 'green', explanation: 'Del 2, utfall 55 % mot 57 %: uppfyllt, 2 procentenheter från målet' },
      { label: 'del 3', target: '22 %', actual: '22 %', status: 'green', explanation: 'Del 3, utfall 22 % mot 22 %: uppfyllt' },
    ]);
  });

  it('lets a justified manual status stand in for a computed one, and shows both', () => {
    const actual: ActualEntry = { period: '2020', text: '70', status: 'yellow', justification: 'Enkäten hade 12 % svarsfrekvens' };
    expect(evaluateIndicator(indicatorWith('st-1.2.2', [actual], higher), '2020')).toMatchObject({
      status: 'yellow',
      computed: 'red',
      manual: true,
      justification: 'Enkäten hade 12 % svarsfrekvens',
      explanation: 'Satt för hand till gul, beräknat röd (utfall 70): Enkäten hade 12 % svarsfrekvens',
    });
  });
});

describe('scorecard and goal roll-up', () => {
  // Goal 1:2 with its two satisfaction indicators (1.2.1 green, 1.2.2 red) and goal 2:3 with one yellow.
  const actuals: Record<string, ActualEntry[]> = {
    'st-1.2.1': [{ period: '2020', text: '84' }],
    'st-1.2.2': [{ period: '2020', text: '70' }],
    'st-2.3.1': [{ period: '2020', text: '18 150' }],
  };
  const planWith = (rule: 'worst' | 'majority' | 'share') =>
    PlanFile.parse({ ...sn, plan: { ...sn.plan, statusRollup: rule }, indicators: sn.indicators.map((i) => ({ ...i, ...(actuals[i.key] ? higher : {}), actuals: actuals[i.key] ?? [] })) });

  it.each([
    ['worst', 'red', 'Sämsta avgör: 1.2.2 är röd'],
    ['majority', 'red', 'Majoritet avgör: 1 av 2 mätta är röd'],
    ['share', 'yellow', 'Andel gröna avgör: 1 av 2 mätta gröna (50 %; grön från 75 %, gul från 50 %)'],
  ] as const)('rolls goal 1:2 up by the rule "%s"', (rule, status, explanation) => {
    const card = scorecard(planWith(rule), { period: '2020' });
    expect(card.rule).toBe(rule);
    expect(card.goals.find((goal) => goal.goalKey === 'kf-1:2')).toMatchObject({ status, explanation });
  });

  it('leaves out what is not measured and says so', () => {
    const card = scorecard(planWith('worst'), { period: '2020' });
    expect(card.goals.find((goal) => goal.goalKey === 'kf-2:3')).toMatchObject({
      status: 'yellow',
      explanation: 'Sämsta avgör: 2.3.1 är gul (1 av 2 inte mätta)',
    });
    expect(card.goals.find((goal) => goal.goalKey === 'kf-3:1')).toMatchObject({ status: 'not-measured', explanation: 'Inget av 2 styrtal är mätt' });
    expect(card.goals.map((goal) => goal.number)).toEqual(['1:2', '1:3', '1:5', '2:3', '3:1', '3:2', '4:1', '4:2', '4:3', '5:1', '5:2', '5:3', '5:4']);
    expect(card.indicators).toHaveLength(19);
  });

  it('rolls committee goals up into the municipal goal they serve', () => {
    const plan = PlanFile.parse(
      aPlan({
        goals: [
          { key: 'kf-1:2', level: 'municipal', number: '1:2', parent: null, text: 'Nöjda brukare', measurement: null },
          { key: 'sn-1', level: 'committee', parent: 'kf-1:2', text: 'Brukarna inom hemtjänsten ska vara nöjda', measurement: null },
        ],
        indicators: [
          { key: 'st-1', number: '1.2.1', name: 'Nöjd med hemtjänst', goal: 'sn-1', direction: 'higher-better', targets: [{ year: 2020, text: '80%' }], actuals: [{ period: '2020', text: '84' }] },
          { key: 'st-2', number: '1.2.2', name: 'Nöjd med boende', goal: 'kf-1:2', direction: 'higher-better', targets: [{ year: 2020, text: '80%' }], actuals: [{ period: '2020', text: '79' }] },
        ],
      }),
    );
    const card = scorecard(plan, { period: '2020' });
    expect(card.goals.map((goal) => [goal.goalKey, goal.status, goal.subgoals])).toEqual([
      ['kf-1:2', 'yellow', ['sn-1']],
      ['sn-1', 'green', []],
    ]);
    expect(card.goals[0]!.explanation).toBe('Sämsta avgör: 1.2.2 är gul');
  });

  it('refuses a period that is not ÅÅÅÅ or ÅÅÅÅ-MM, and opens on the latest period with an outcome', () => {
    expect(() => scorecard(sn, { period: '2020-13' })).toThrow('anges som ÅÅÅÅ, ÅÅÅÅ-H1, ÅÅÅÅ-T1, ÅÅÅÅ-Q1 eller ÅÅÅÅ-MM');
    expect(latestFollowUpPeriod(sn)).toBe('2020');
    expect(latestFollowUpPeriod(planWith('worst'))).toBe('2020');
  });
});
