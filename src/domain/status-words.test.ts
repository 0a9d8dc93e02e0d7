/**
 * Statuses of the targets other municipalities write in words (issue 12): external series with
 * reference values from the outcome or from a lookup (as Kolada will give them), ranks, ranges,
 * changes, baselines, targets inside goal sentences, reported-only targets, and the statuses
 * without a judgement. Wordings from tests/fixtures/targets/corpus.json and the issue.
 */
import { describe, expect, it } from 'vitest';
import type { ActualEntry, Indicator } from './plan.ts';
import { rollUp } from './status-rollup.ts';
import { evaluateIndicator, type ReferenceLookup } from './status.ts';

const indicator = (targets: Array<[number, string]>, actuals: ActualEntry[], extra: Partial<Indicator> = {}): Indicator => ({
  key: 'st-x',
  number: '1',
  name: 'Mätetal',
  goal: null,
  measurement: null,
  targets: targets.map(([year, text]) => ({ year, text })),
  actuals,
  ...extra,
});
const higher = { direction: 'higher-better' } as const;
const lower = { direction: 'lower-better' } as const;

// Reference values as a lookup would give them: riket and liknande kommuner per year, the edge of the best quarter.
const values: Record<string, string> = {
  'riket|2021': '80',
  'riket|2024': '75',
  'liknande kommuner|2024': '12,5',
  'de 25 % bästa kommunerna|2024': '82',
};
const kolada: ReferenceLookup = ({ series, period }) => values[`${series}|${period}`];

type Case = [name: string, target: string, actuals: ActualEntry[], extra: Partial<Indicator>, status: string, explanation: string];

const cases: Case[] = [
  ['level, outcome reference', 'i nivå med riket', [{ period: '2024', text: '74', reference: '75' }], {}, 'green', 'Utfall 74 mot riket 75 (målvärde i nivå med riket): uppfyllt, 1 från målet'],
  ['level, looked up', 'i nivå med riket', [{ period: '2024', text: '70' }], {}, 'yellow', 'Utfall 70 mot riket 75 (målvärde i nivå med riket): nära målet, 5 från målet (tolerans 3,75)'],
  ['level, better is level too', 'i nivå med riket', [{ period: '2024', text: '80' }], higher, 'green', 'Utfall 80 mot riket 75 (målvärde i nivå med riket): uppfyllt'],
  ['better needs a direction', 'bättre än riket', [{ period: '2024', text: '78' }], {}, 'no-direction', 'Riktning saknas: varken målvärdet "bättre än riket" eller styrtalet säger om högre eller lägre är bättre (utfall 78)'],
  ['better, higher is better', 'bättre än riket', [{ period: '2024', text: '78' }], higher, 'green', 'Utfall 78 mot riket 75 (målvärde bättre än riket): uppfyllt'],
  ['lower than a group', 'lägre än liknande kommuner', [{ period: '2024', text: '13,1' }], {}, 'yellow', 'Utfall 13,1 mot liknande kommuner 12,5 (målvärde lägre än liknande kommuner): nära målet, 0,6 över (tolerans 0,63)'],
  ['no reference', 'bättre än kommungenomsnittet', [{ period: '2024', text: '78' }], higher, 'not-measured', 'Jämförelsevärde saknas: kommungenomsnittet för 2024 behövs'],
  ['rank', 'bland de 25 % bästa kommunerna', [{ period: '2024', text: '84' }], higher, 'green', 'Utfall 84 mot gränsen för de 25 % bästa kommunerna 82 (målvärde bland de 25 % bästa kommunerna): uppfyllt'],
  ['rank, lower is better', 'bland de 25 % bästa kommunerna', [{ period: '2024', text: '84' }], lower, 'yellow', 'Utfall 84 mot gränsen för de 25 % bästa kommunerna 82 (målvärde bland de 25 % bästa kommunerna): nära målet, 2 över (tolerans 4,1)'],
  ['range, inside', '80–85 %', [{ period: '2024', text: '83' }], {}, 'green', 'Utfall 83 % mot målvärde mellan 80 och 85 %: uppfyllt'],
  ['range, above', '80–85 %', [{ period: '2024', text: '87' }], {}, 'yellow', 'Utfall 87 % mot målvärde mellan 80 och 85 %: nära målet, 2 procentenheter över (tolerans 4,25)'],
  ['range, far below', '80–85 %', [{ period: '2024', text: '70' }], {}, 'red', 'Utfall 70 % mot målvärde mellan 80 och 85 %: inte uppfyllt, 10 procentenheter under'],
  [
    'change in procentenheter',
    'öka med 3 procentenheter',
    [{ period: '2023', text: '45' }, { period: '2024', text: '48' }],
    {},
    'green',
    'Utfall 48 mot 45 för 2023, ökning 3 procentenheter (målvärde ökning med 3 procentenheter från föregående år): uppfyllt',
  ],
  [
    'change in per cent',
    'Ska minska med 10 % jämfört med 2022',
    [{ period: '2022', text: '200' }, { period: '2024', text: '186' }],
    {},
    'red',
    'Utfall 186 mot 200 för 2022, minskning 7 % (målvärde minskning med 10 % från 2022): inte uppfyllt, 3 procentenheter under',
  ],
  [
    'not decrease during a year against another',
    'ska inte minska under 2024 jämfört med 2023',
    [{ period: '2023', text: '50' }, { period: '2024', text: '50' }],
    {},
    'green',
    'Utfall 50 mot 50 för 2023 (målvärde inte lägre än 2023): uppfyllt',
  ],
  ['lower than a year', 'Lägre än 2021', [{ period: '2021', text: '12' }, { period: '2024', text: '10' }], {}, 'green', 'Utfall 10 mot 12 för 2021 (målvärde lägre än 2021): uppfyllt'],
  [
    'gap to riket, looked up both years',
    'skillnaden mot riket ska minska jämfört med 2021',
    [{ period: '2021', text: '70' }, { period: '2024', text: '73' }],
    {},
    'green',
    'Skillnad mot riket 2 mot 10 för 2021 (målvärde mindre skillnad mot riket än 2021): uppfyllt',
  ],
  [
    'a target inside a goal sentence (Enköping)',
    'Målet är uppnått när de positiva svaren är 90 procent eller högre.',
    [{ period: '2024', text: '92' }],
    {},
    'green',
    'Utfall 92 % mot målvärde minst 90 procent: uppfyllt',
  ],
  ['a change in a goal sentence (Enköping)', 'Sjukfrånvaron i Enköping ska minska', [{ period: '2023', text: '8,1' }, { period: '2024', text: '7,6' }], {}, 'green', 'Utfall 7,6 mot 8,1 för 2023 (målvärde lägre än föregående år): uppfyllt'],
  ['only reported', 'Redovisas', [{ period: '2024', text: '45' }], {}, 'reported', 'Utfall 45 redovisas; målvärdet har inget värde att nå'],
  ['a ceiling in words (Helsingborg)', 'Max 13,2 %', [{ period: '2024', text: '14' }], {}, 'red', 'Utfall 14 % mot målvärde högst 13,2 %: inte uppfyllt, 0,8 procentenheter över'],
];

describe('statuses of targets in words', () => {
  it.each(cases)('%s: %s', (_name, target, actuals, extra, status, explanation) => {
    const result = evaluateIndicator(indicator([[2024, target]], actuals, extra), '2024', { references: kolada });
    expect({ status: result.status, explanation: result.explanation }).toEqual({ status, explanation });
  });

  it('takes the direction from the words of the indicator\'s other targets, and says so', () => {
    const result = evaluateIndicator(indicator([[2023, 'Minst 80 %'], [2024, '85 %']], [{ period: '2024', text: '84' }]), '2024');
    expect(result).toMatchObject({ status: 'yellow', explanation: 'Utfall 84 % mot målvärde 85 %: nära målet, 1 procentenhet under (tolerans 4,25) (riktning från målvärdet för 2023 ”Minst 80 %”)' });
    // Targets whose words disagree give no direction.
    const mixed = evaluateIndicator(indicator([[2022, 'Minst 80 %'], [2023, 'Högst 90 %'], [2024, '85 %']], [{ period: '2024', text: '84' }]), '2024');
    expect(mixed.status).toBe('no-direction');
  });

  it('keeps the statuses set by hand without a judgement, with their justification', () => {
    const entry = (status: ActualEntry['status']): ActualEntry => ({ period: '2024', text: '', status, justification: 'Enkäten infördes 2025' });
    expect(evaluateIndicator(indicator([[2024, 'Minst 80 %']], [entry('no-measure')]), '2024')).toMatchObject({
      status: 'no-measure',
      manual: true,
      explanation: 'Satt för hand: mått fanns inte: Enkäten infördes 2025',
    });
    expect(evaluateIndicator(indicator([[2024, 'Minst 80 %']], [entry('not-followed-up')]), '2024')).toMatchObject({ status: 'not-followed-up', manual: true });
  });

  it('leaves statuses without a judgement out of a goal\'s roll-up, and names them', () => {
    expect(rollUp('worst', [{ label: '1.1', status: 'green' }, { label: '1.2', status: 'no-direction' }, { label: '1.3', status: 'not-measured' }])).toEqual({
      status: 'green',
      explanation: 'Sämsta avgör: det mätta är gröna (2 av 3 utan bedömning: 1 riktning saknas, 1 inte mätt)',
    });
  });
});
