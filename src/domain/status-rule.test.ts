/**
 * Status rules as municipalities print them in their legends, with the addresses they were read at
 * (docs/targets.md lists them too). Targets and outcomes are real texts of the same municipalities.
 */
import { describe, expect, it } from 'vitest';
import { PlanFile, type Indicator, type StatusRule } from './plan.ts';
import { describeStatusRule, statusLegend } from './status-rule.ts';
import { evaluateIndicator, scorecard } from './status.ts';
import { aPlan } from '../../tests/helpers/plan-builder.ts';

// Helsingborgs stad, årsredovisning 2016, every committee's goal table:
// "Uppfyllelse 100 procent / Uppfyllelse 91–99 procent / Uppfyllelse 90 procent eller lägre / Uppföljning är inte genomförd"
// https://arsredovisning.helsingborg.se/forvaltningsberattelse/organisation-och-styrning/sa-styrs-helsingborg/stadens-mal/
// Whole per cent bands: fulfilment is taken in whole per cent, rounded down (the plan states it).
const helsingborg: StatusRule = {
  kind: 'fulfilment-bands',
  greenFrom: '100',
  yellowFrom: '91',
  rounding: 'whole-down',
  source: 'https://arsredovisning.helsingborg.se/forvaltningsberattelse/organisation-och-styrning/sa-styrs-helsingborg/stadens-mal/',
};
// Vansbro kommun, årsredovisning 2019: "Målet uppnått, förväntad målnivå eller bättre / Målet delvis
// uppnått, minst 80 procent måluppfyllelse / Målet ej uppnått, lägre än 80 procent måluppfyllelse"
// https://finansiellinfo.se/Vansbro_2019/Maluppfyllelse.html
const vansbro: StatusRule = { kind: 'fulfilment-bands', greenFrom: '100', yellowFrom: '80', rounding: 'none', source: 'https://finansiellinfo.se/Vansbro_2019/Maluppfyllelse.html' };
// Enköpings kommun, vård- och omsorgsnämndens effektmål: "Målet är uppnått när …" — uppnått or not.
// https://yh.enkoping.se/kommun-och-politik/namnder/vard--och-omsorgsnamnden/vara-effektmal.html
const enkoping: StatusRule = { kind: 'binary', source: 'https://yh.enkoping.se/kommun-och-politik/namnder/vard--och-omsorgsnamnden/vara-effektmal.html' };

const indicator = (target: string, outcome: string, extra: Partial<Indicator> = {}): Indicator => ({
  key: 'st-x',
  number: '1',
  name: 'Mätetal',
  goal: null,
  measurement: null,
  targets: [{ year: 2016, text: target }],
  actuals: [{ period: '2016', text: outcome }],
  ...extra,
});

describe('status rules from municipalities\' legends', () => {
  it.each([
    // Helsingborg: AMN "Aktiva försörjningsstödstagare" Minst 90 % (utfall 92 %), SN "Minst NKI 75" (79), AMN "Max 31 %".
    ['helsingborg', helsingborg, 'Minst 90 %', '92', 'green', 'Utfall 92 % mot målvärde minst 90 %: uppfyllt, uppfyllelse 102 %'],
    ['helsingborg', helsingborg, 'Minst 90 %', '90', 'green', 'Utfall 90 % mot målvärde minst 90 %: uppfyllt, uppfyllelse 100 %'],
    ['helsingborg', helsingborg, 'Minst 90 %', '82', 'yellow', 'Utfall 82 % mot målvärde minst 90 %: delvis uppfyllt, uppfyllelse 91 %'],
    ['helsingborg', helsingborg, 'Minst 90 %', '81,8', 'red', 'Utfall 81,8 % mot målvärde minst 90 %: inte uppfyllt, uppfyllelse 90 %'],
    ['helsingborg', helsingborg, 'Minst NKI 75', '79', 'green', 'Utfall 79 mot målvärde NKI minst 75: uppfyllt, uppfyllelse 105 %'],
    ['helsingborg', helsingborg, 'Max 31 %', '33', 'yellow', 'Utfall 33 % mot målvärde högst 31 %: delvis uppfyllt, uppfyllelse 93 %'],
    ['helsingborg', helsingborg, 'Max 31 %', '35', 'red', 'Utfall 35 % mot målvärde högst 31 %: inte uppfyllt, uppfyllelse 88 %'],
    ['helsingborg', helsingborg, 'Max 31 %', '31', 'green', 'Utfall 31 % mot målvärde högst 31 %: uppfyllt, uppfyllelse 100 %'],
    // Vansbro: no rounding, 80 % is the yellow edge.
    ['vansbro', vansbro, 'Minst 90 %', '72', 'yellow', 'Utfall 72 % mot målvärde minst 90 %: delvis uppfyllt, uppfyllelse 80 %'],
    ['vansbro', vansbro, 'Minst 90 %', '71,9', 'red', 'Utfall 71,9 % mot målvärde minst 90 %: inte uppfyllt, uppfyllelse 79,89 %'],
    // Enköping: binary, no yellow however close.
    ['enkoping', enkoping, 'Målet är uppnått när de positiva svaren är 90 procent eller högre.', '90', 'green', 'Utfall 90 % mot målvärde minst 90 procent: uppfyllt'],
    ['enkoping', enkoping, 'Målet är uppnått när de positiva svaren är 90 procent eller högre.', '89', 'red', 'Utfall 89 % mot målvärde minst 90 procent: inte uppfyllt, 1 procentenhet under'],
    // Against 0 there is no per cent: met or not (Timrå's "> 0" result under a banded rule).
    ['helsingborg', helsingborg, '> 0', '-3 400', 'red', 'Utfall -3 400 mot målvärde över 0: inte uppfyllt, 3 400 under (uppfyllelse i procent saknas mot målvärdet 0)'],
  ] as const)('%s: %s, outcome %s → %s', (_name, rule, target, outcome, status, explanation) => {
    expect(evaluateIndicator(indicator(target, outcome), '2016', { rule })).toMatchObject({ status, explanation });
  });

  it('judges tuples part by part by the same rule', () => {
    const result = evaluateIndicator(indicator('85, 85, 85 %', '85, 80, 76 %', { direction: 'higher-better' }), '2016', { rule: helsingborg });
    expect(result.parts?.map((part) => part.status)).toEqual(['green', 'yellow', 'red']);
    expect(result.status).toBe('red');
  });

  it('prints each legend as the municipality prints it, with the statuses without a judgement', () => {
    expect(statusLegend(helsingborg, ['not-followed-up']).map((entry) => `${entry.label}: ${entry.text}`)).toEqual([
      'Grön: Uppfyllelse 100 % eller mer. Uppfyllelse är utfallet i procent av målvärdet (när lägre är bättre: målvärdet i procent av utfallet); den avrundas nedåt till hela procent.',
      'Gul: Uppfyllelse 91–99 %.',
      'Röd: Uppfyllelse 90 % eller lägre.',
      'Ej uppföljt: Följdes inte upp under perioden.',
    ]);
    expect(statusLegend(vansbro, []).map((entry) => entry.text)).toEqual([
      'Uppfyllelse 100 % eller mer. Uppfyllelse är utfallet i procent av målvärdet (när lägre är bättre: målvärdet i procent av utfallet); den avrundas inte.',
      'Uppfyllelse från 80 % till under 100 %.',
      'Uppfyllelse under 80 %.',
    ]);
    expect(statusLegend(enkoping, ['no-direction', 'reported']).map((entry) => entry.label)).toEqual(['Grön', 'Röd', 'Riktning saknas', 'Redovisas']);
    expect(statusLegend(undefined).map((entry) => entry.status)).toEqual(['green', 'yellow', 'red', 'no-direction', 'not-measured', 'no-measure', 'not-followed-up', 'reported']);
    expect(describeStatusRule(helsingborg)).toBe('uppfyllelse 100 % eller mer grön, 91–99 % gul, 90 % eller lägre röd');
    expect(describeStatusRule(undefined)).toBe('grön när målvärdet är nått, gul inom toleransen, annars röd');
  });

  it('is the plan\'s: a plan without one keeps the tolerance rule and its file has no such field', () => {
    const plain = PlanFile.parse(aPlan());
    expect(plain.plan.statusRule).toBeUndefined();
    expect(JSON.stringify(plain.plan)).not.toContain('statusRule');
    const banded = PlanFile.parse(aPlan({ plan: { statusRule: helsingborg } }));
    const card = scorecard(banded, { period: '2018' });
    expect(card.statusRule).toEqual(helsingborg);
    // Builder: "Nöjd med hemtjänst" 84 against 90 %: 93 % fulfilment, yellow under Helsingborg's rule, red under the tolerance rule.
    expect(card.indicators[0]).toMatchObject({ status: 'yellow', explanation: 'Utfall 84 % mot målvärde 90 %: delvis uppfyllt, uppfyllelse 93 %' });
    expect(scorecard(plain, { period: '2018' }).indicators[0]!.status).toBe('red');
  });

  it('refuses a yellow edge above the green one', () => {
    const result = PlanFile.safeParse(aPlan({ plan: { statusRule: { kind: 'fulfilment-bands', greenFrom: '90', yellowFrom: '95', rounding: 'none' } } }));
    expect(result.success).toBe(false);
  });
});
