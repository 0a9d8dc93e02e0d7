import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Indicator } from './plan.ts';
import { evaluateBand, type Requirement, type Status } from './status-band.ts';
import { rollUp, type RollupRule } from './status-rollup.ts';
import { evaluateIndicator } from './status.ts';

const d = (value: string) => new Decimal(value);
const rollUpExplained = (rule: RollupRule, statuses: Status[]) => rollUp(rule, statuses.map((status, i) => ({ label: `1.${i + 1}`, status })));

describe('the traffic-light band', () => {
  // Outcome, bound, requirement, tolerance → status: met, missed within the tolerance, beyond it.
  it.each([
    ['96', '95', 'above', '4.75', 'green'],
    ['95', '95', 'above', '4.75', 'yellow'],
    ['95', '95', 'above', '0', 'yellow'],
    ['90', '95', 'above', '4.75', 'red'],
    ['90', '90', 'at-least', '0', 'green'],
    ['89', '90', 'at-least', '0', 'red'],
    ['3', '4', 'below', '0.2', 'green'],
    ['4.1', '4', 'below', '0.2', 'yellow'],
    ['4.3', '4', 'below', '0.2', 'red'],
    ['10', '10', 'at-most', '1', 'green'],
    ['11', '10', 'at-most', '1', 'yellow'],
    ['20', '21', 'closer', '1.05', 'green'],
    ['23', '21', 'closer', '1.05', 'yellow'],
    ['19', '21', 'closer', '0.5', 'red'],
  ] as const)('%s against %s (%s, tolerance %s) is %s', (actual, bound, requirement, tolerance, status) => {
    expect(evaluateBand(d(actual), d(bound), requirement as Requirement, d(tolerance)).status).toBe(status);
  });

  it('rolls up worst first and leaves the unmeasured out', () => {
    expect(rollUpExplained('worst', ['green', 'not-measured', 'green'])).toEqual({ status: 'green', explanation: 'Sämsta avgör: båda mätta är gröna (1 av 3 inte mätta)' });
    expect(rollUpExplained('majority', ['green', 'yellow', 'yellow', 'red'])).toEqual({ status: 'yellow', explanation: 'Majoritet avgör: 2 av 4 mätta är gula' });
    expect(rollUpExplained('majority', ['green', 'red'])).toMatchObject({ status: 'red' });
    expect(rollUpExplained('share', ['green', 'green', 'green', 'red'])).toMatchObject({ status: 'green' });
    expect(rollUpExplained('share', ['green', 'red', 'red'])).toMatchObject({ status: 'red' });
    expect(rollUpExplained('share', ['not-measured'])).toEqual({ status: 'not-measured', explanation: 'Styrtalet är inte mätt' });
  });
});

// Targets in words from other municipalities' plans (DOMAIN.md), which the same engine must read.
describe('targets beyond the seeds', () => {
  const indicator = (text: string, actuals: Indicator['actuals']): Indicator => ({
    key: 'st-x',
    number: '1',
    name: 'Test',
    goal: null,
    measurement: null,
    targets: [{ year: 2024, text }],
    actuals,
  });

  it.each([
    ['Minst NKI 75', [{ period: '2024', text: '78' }], 'green', 'Utfall 78 mot målvärde NKI minst 75: uppfyllt'],
    ['Minst 60 %', [{ period: '2024', text: '58' }], 'yellow', 'Utfall 58 % mot målvärde minst 60 %: nära målet, 2 procentenheter under (tolerans 3)'],
    ['ska öka', [{ period: '2023', text: '10' }, { period: '2024', text: '12' }], 'green', 'Utfall 12 mot 10 för 2023 (målvärde högre än föregående år): uppfyllt'],
    ['ska inte minska jämfört med 2022', [{ period: '2022', text: '50' }, { period: '2024', text: '50' }], 'green', 'Utfall 50 mot 50 för 2022 (målvärde inte lägre än 2022): uppfyllt'],
    [
      'skillnaden mot riket ska minska jämfört med 2022',
      [{ period: '2022', text: '70', reference: '75' }, { period: '2024', text: '73', reference: '76' }],
      'green',
      'Skillnad mot riket 3 mot 5 för 2022 (målvärde mindre skillnad mot riket än 2022): uppfyllt',
    ],
    [
      'skillnaden mot riket ska minska jämfört med 2022',
      [{ period: '2024', text: '73', reference: '76' }],
      'not-measured',
      'Skillnaden mot riket för 2022 saknas: utfall och jämförelsevärde för 2022 behövs',
    ],
    // A share without a sign says no direction, and this indicator states none.
    [
      '2 % av nettokostnaden',
      [{ period: '2024', text: '2,1 %' }],
      'no-direction',
      'Riktning saknas: varken målvärdet "2 % av nettokostnaden" eller styrtalet säger om högre eller lägre är bättre (utfall 2,1 %)',
    ],
  ] as const)('%s', (text, actuals, status, explanation) => {
    expect(evaluateIndicator(indicator(text, [...actuals]), '2024')).toMatchObject({ status, explanation });
  });
});
