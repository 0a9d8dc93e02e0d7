import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { describeTarget, isMachineReadable, parseTarget, printTarget, relationOf, statedDirection, unitKind, type Target } from './target.ts';

/** The target with every Decimal as its string, so expectations read like the printed plan. */
function plain(value: unknown): unknown {
  if (value instanceof Decimal) return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

// Every target text of the 2020–2022 plan (styrtal 1.2.1 … 5:4.1), then the words other
// municipalities use (DOMAIN.md, "Targets in words"), with the fields that carry the meaning.
const seedTargets: Array<[text: string, expected: Record<string, unknown>]> = [
  ['90%', { kind: 'value', amount: { value: '90', unit: '%', unitSpace: '' } }],
  ['80%', { kind: 'value', amount: { value: '80', unit: '%' } }],
  ['77%', { kind: 'value', amount: { value: '77', unit: '%' } }],
  ['79%', { kind: 'value', amount: { value: '79', unit: '%' } }],
  [
    '2 gröna blommor. Blad: > 17 gröna < 15 röda',
    {
      kind: 'qualitative',
      text: '2 gröna blommor. Blad: > 17 gröna < 15 röda',
      comparisons: [
        { operator: '>', amount: { value: '17', unit: 'gröna' } },
        { operator: '<', amount: { value: '15', unit: 'röda' } },
      ],
    },
  ],
  [
    '4 gröna blommor. Blad: > 22 gröna < 10 röda',
    { kind: 'qualitative', comparisons: [{ amount: { value: '22' } }, { amount: { value: '10' } }] },
  ],
  ['18 100', { kind: 'value', amount: { value: '18100', unit: '', style: { thousands: 'space' } } }],
  ['18 200', { kind: 'value', amount: { value: '18200', unit: '' } }],
  ['21/57/22 %', { kind: 'tuple', tuples: [{ parts: [['21'], ['57'], ['22']].map(numbers), unit: '%', unitSpace: ' ' }] }],
  ['> 8 per förvaltning', { kind: 'comparison', operator: '>', operatorSpace: ' ', amount: { value: '8', unit: 'per förvaltning', unitSpace: ' ' } }],
  ['> 16 per förvaltning', { kind: 'comparison', operator: '>', amount: { value: '16', unit: 'per förvaltning' } }],
  ['>95 %', { kind: 'comparison', operator: '>', operatorSpace: '', amount: { value: '95', unit: '%', unitSpace: ' ' } }],
  ['>97 %', { kind: 'comparison', operator: '>', amount: { value: '97', unit: '%' } }],
  ['100% på samtliga nivåer för i förväg utvalda processer', { kind: 'qualitative', comparisons: [] }],
  ['>föregående år', { kind: 'relative-to-last-year', direction: 'increase', wording: { form: 'sign', operatorSpace: '' } }],
  ['> föregående år', { kind: 'relative-to-last-year', direction: 'increase', wording: { form: 'sign', operatorSpace: ' ' } }],
  [
    '85, 85, 85/85, 85, 90/90, 90, 85 %',
    { kind: 'tuple', tuples: [{ parts: [['85', '85', '85'], ['85', '85', '90'], ['90', '90', '85']].map(numbers), unit: '%' }] },
  ],
  [
    '85, 90, 90/90, 90, 90/90, 90, 90 %',
    { kind: 'tuple', tuples: [{ parts: [['85', '90', '90'], ['90', '90', '90'], ['90', '90', '90']].map(numbers), unit: '%' }] },
  ],
  [
    '79/21 respektive 8/50/42',
    { kind: 'tuple', tuples: [{ parts: [['79'], ['21']].map(numbers), unit: '' }, { parts: [['8'], ['50'], ['42']].map(numbers), unit: '' }] },
  ],
  ['77/23 respektive 8/52/40', { kind: 'tuple', tuples: [{ parts: [['77'], ['23']].map(numbers) }, { parts: [['8'], ['52'], ['40']].map(numbers) }] }],
  ['70%', { kind: 'value', amount: { value: '70', unit: '%' } }],
  ['75%', { kind: 'value', amount: { value: '75', unit: '%' } }],
  ['50%', { kind: 'value', amount: { value: '50', unit: '%' } }],
  ['> 0', { kind: 'comparison', operator: '>', operatorSpace: ' ', amount: { value: '0', unit: '' } }],
  ['40%', { kind: 'value', amount: { value: '40', unit: '%' } }],
  [
    'Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter',
    {
      kind: 'relative-to-peer-group',
      metric: 'Soliditet',
      peerGroup: 'Norrlands kommuner',
      operator: '<',
      gap: { value: '4', unit: '%-enheter', unitSpace: '' },
    },
  ],
  [
    '>1 % av skatter och generella statsbidrag',
    { kind: 'relative-to-quantity', operator: '>', share: { value: '1', unit: '%', unitSpace: ' ' }, base: 'skatter och generella statsbidrag' },
  ],
  ['>100%', { kind: 'comparison', operator: '>', operatorSpace: '', amount: { value: '100', unit: '%', unitSpace: '' } }],
  ['Minst 60 %', { kind: 'value', qualifier: { bound: 'at-least', capitalized: true }, amount: { value: '60', unit: '%' } }],
  ['Minst NKI 75', { kind: 'survey-index', index: 'NKI', qualifier: { bound: 'at-least' }, level: { value: '75' } }],
  ['ska öka', { kind: 'relative-to-last-year', direction: 'increase', wording: { form: 'words', capitalized: false } }],
  ['ska inte minska jämfört med 2023', { kind: 'relative-to-last-year', direction: 'not-decrease', baselineYear: 2023 }],
  [
    'skillnaden mot riket ska minska jämfört med 2022',
    { kind: 'gap-to-external-series', series: 'riket', direction: 'decrease', baselineYear: 2022 },
  ],
  ['95 % år 2020', { kind: 'value', year: 2020, amount: { value: '95', unit: '%', unitSpace: ' ' } }],
  ['< 15', { kind: 'comparison', operator: '<', amount: { value: '15', unit: '' } }],
];

function numbers(part: string[]): Array<{ value: string }> {
  return part.map((value) => ({ value }));
}

describe('parseTarget and printTarget on the seed targets', () => {
  it.each(seedTargets)('%s', (text, expected) => {
    const target = parseTarget(text);
    expect(plain(target)).toMatchObject(expected);
    expect(printTarget(target)).toBe(text);
  });

  it('keeps values exact, as decimals', () => {
    const target = parseTarget('18 100');
    expect(target.kind === 'value' && target.amount.value).toBeInstanceOf(Decimal);
  });
});

// Spellings not in the seeds that real plans may use: each must print back unchanged, whatever
// kind it lands in, and nothing may throw.
const otherSpellings: Array<[text: string, kind: Target['kind']]> = [
  ['≥ 95 %', 'comparison'],
  ['>= 95 %', 'comparison'],
  ['≤5,0 %', 'comparison'],
  ['< 5 per 1 000 invånare', 'comparison'],
  ['Högst 5 %', 'value'],
  ['minst 60 %', 'value'],
  ['1000', 'value'],
  ['1 000', 'value'],
  ['18\u00a0100 kr', 'value'],
  ['−2,5 %', 'value'],
  ['5,30 %', 'value'],
  ['Ska öka', 'relative-to-last-year'],
  ['ska minska', 'relative-to-last-year'],
  ['ska inte öka jämfört med föregående år', 'relative-to-last-year'],
  ['≥föregående år', 'relative-to-last-year'],
  ['> 2023 års nivå', 'relative-to-last-year'],
  ['Skillnaden mot länet ska inte öka', 'gap-to-external-series'],
  ['2 % av nettokostnaden', 'relative-to-quantity'],
  ['NKI 75', 'survey-index'],
  ['70 respektive 80 %', 'tuple'],
  ['18 100, 18 200', 'tuple'],
  ['', 'qualitative'],
  [' 90%', 'qualitative'],
  ['90% ', 'qualitative'],
  ['90 %%', 'qualitative'],
  ['ca 90 %', 'qualitative'],
  ['007', 'qualitative'],
  ['+5 %', 'qualitative'],
  ['5,', 'qualitative'],
  ['> ', 'qualitative'],
  ['21//22 %', 'qualitative'],
  ['ska öka kraftigt', 'qualitative'],
  ['Soliditet i förhållande till Norrlands kommuner', 'qualitative'],
];

describe('parseTarget on other spellings', () => {
  it.each(otherSpellings)('%j is %s and prints back unchanged', (text, kind) => {
    const target = parseTarget(text);
    expect(target.kind).toBe(kind);
    expect(printTarget(target)).toBe(text);
  });

  it('reads the sign of a not-strict comparison as at least', () => {
    const target = parseTarget('≥föregående år');
    expect(target).toMatchObject({ direction: 'not-decrease', wording: { form: 'sign', mathSigns: true } });
  });
});

// The words other municipalities use (issue 12, DOMAIN.md "Beyond Timrå"): the forms the issue
// names, and real texts from tests/fixtures/targets/corpus.json (Helsingborg, Enköping, Klippan).
const otherMunicipalities: Array<[text: string, expected: Record<string, unknown>]> = [
  ['Minst 75 %', { kind: 'value', qualifier: { bound: 'at-least', word: 'minst', capitalized: true, position: 'before' }, amount: { value: '75', unit: '%' } }],
  ['Högst 8', { kind: 'value', qualifier: { bound: 'at-most', word: 'högst', capitalized: true }, amount: { value: '8', unit: '' } }],
  ['Max 13,2 %', { kind: 'value', qualifier: { bound: 'at-most', word: 'max' }, amount: { value: '13.2', unit: '%' } }],
  ['Minst 25 st', { kind: 'value', qualifier: { bound: 'at-least' }, amount: { value: '25', unit: 'st' } }],
  ['Lägre än 20', { kind: 'value', qualifier: { bound: 'below', word: 'lägre än' }, amount: { value: '20' } }],
  ['Lägre än 2021', { kind: 'relative-to-last-year', direction: 'decrease', baselineYear: 2021, wording: { form: 'comparative', word: 'lägre', negated: false, capitalized: true } }],
  ['Högre än föregående år', { kind: 'relative-to-last-year', direction: 'increase', wording: { form: 'comparative', word: 'högre' } }],
  ['Inte lägre än 2023 års nivå', { kind: 'relative-to-last-year', direction: 'not-decrease', baselineYear: 2023, wording: { negated: true, yearLevel: true } }],
  ['ska minska', { kind: 'relative-to-last-year', direction: 'decrease', wording: { form: 'words' } }],
  [
    'ska inte minska under 2025 jämfört med 2024',
    { kind: 'relative-to-last-year', direction: 'not-decrease', baselineYear: 2024, wording: { form: 'words', during: 2025 } },
  ],
  ['öka med 3 procentenheter', { kind: 'relative-to-last-year', direction: 'increase', by: { value: '3', unit: 'procentenheter' }, wording: { modal: false } }],
  ['Ska minska med 10 % jämfört med 2022', { kind: 'relative-to-last-year', direction: 'decrease', baselineYear: 2022, by: { value: '10', unit: '%' } }],
  ['Ökning', { kind: 'relative-to-last-year', direction: 'increase', wording: { form: 'noun', capitalized: true } }],
  ['Minskning jämfört med 2021', { kind: 'relative-to-last-year', direction: 'decrease', baselineYear: 2021, wording: { form: 'noun' } }],
  ['i nivå med riket', { kind: 'relative-to-external-series', relation: 'level', phrase: 'i nivå med', series: 'riket', capitalized: false }],
  ['Bättre än riket', { kind: 'relative-to-external-series', relation: 'better', series: 'riket', capitalized: true }],
  ['bättre än kommungenomsnittet', { kind: 'relative-to-external-series', relation: 'better', series: 'kommungenomsnittet' }],
  ['I nivå med liknande kommuner', { kind: 'relative-to-external-series', relation: 'level', series: 'liknande kommuner' }],
  ['lägre än riket', { kind: 'relative-to-external-series', relation: 'below', series: 'riket' }],
  ['skillnaden mot riket ska minska jämfört med 2021', { kind: 'gap-to-external-series', series: 'riket', direction: 'decrease', baselineYear: 2021 }],
  ['Skillnaden mot riket ska minska', { kind: 'gap-to-external-series', series: 'riket', direction: 'decrease' }],
  ['bland de 25 % bästa kommunerna', { kind: 'rank', share: { value: '25', unit: '%' }, group: 'kommunerna', capitalized: false }],
  ['80–85 %', { kind: 'range', low: { value: '80' }, high: { value: '85' }, separator: '–', unit: '%', unitSpace: ' ' }],
  ['3 - 5 dagar', { kind: 'range', low: { value: '3' }, high: { value: '5' }, separator: ' - ', unit: 'dagar' }],
  ['Minst index 41', { kind: 'survey-index', index: 'index', qualifier: { bound: 'at-least' }, level: { value: '41' } }],
  ['Redovisas', { kind: 'reported', text: 'Redovisas' }],
  ['Följs upp årligen', { kind: 'reported' }],
  [
    'Målet är uppnått när de positiva svaren är 90 procent eller högre.',
    {
      kind: 'in-sentence',
      before: 'Målet är uppnått när de positiva svaren är ',
      target: { kind: 'value', qualifier: { bound: 'at-least', word: 'eller högre', position: 'after' }, amount: { value: '90', unit: 'procent' } },
      after: '.',
    },
  ],
  ['Sjukfrånvaron i Enköping ska minska', { kind: 'in-sentence', before: 'Sjukfrånvaron i Enköping ', target: { kind: 'relative-to-last-year', direction: 'decrease' }, after: '' }],
  ['Kommunens personalomsättning är mindre än 10 procent', { kind: 'in-sentence', target: { qualifier: { bound: 'below' }, amount: { value: '10', unit: 'procent' } } }],
  [
    'Klippans kommuns befolkning ökar till 19 500 personer år 2026',
    { kind: 'in-sentence', before: 'Klippans kommuns befolkning ', target: { qualifier: { word: 'ökar till', bound: 'at-least' }, amount: { value: '19500', unit: 'personer' }, year: 2026 } },
  ],
  ['Andelen ska vara 95 % år 2020', { kind: 'in-sentence', target: { kind: 'value', year: 2020, amount: { value: '95', unit: '%' } } }],
  // Issue 12 (goals): Skinnskatteberg's changes from one level to another, Vårgårda's labelled earlier targets.
  [
    'ÄO-index ökar från 67 till 77 % under 2018',
    {
      kind: 'in-sentence',
      before: 'ÄO-index ',
      target: { kind: 'value', qualifier: { word: 'ökar till', bound: 'at-least' }, from: { value: '67', unit: '' }, amount: { value: '77', unit: '%' }, year: 2018, yearWord: 'under' },
      after: '',
    },
  ],
  [
    'Arbetslösheten ska minska från 7,2 % till 6,2 % under 2018',
    { kind: 'in-sentence', before: 'Arbetslösheten ', target: { qualifier: { word: 'ska minska till', bound: 'at-most' }, from: { value: '7.2', unit: '%' }, amount: { value: '6.2' } } },
  ],
  ['Mål 135', { kind: 'in-sentence', before: 'Mål ', target: { kind: 'value', amount: { value: '135' } }, after: '' }],
  ['Mål >65', { kind: 'in-sentence', before: 'Mål ', target: { kind: 'comparison', operator: '>', amount: { value: '65' } } }],
  // "under 2018" is the year a change is for, never a ceiling of 2 018.
  ['under 2018', { kind: 'qualitative' }],
  ['Under 20', { kind: 'value', qualifier: { bound: 'below' }, amount: { value: '20' } }],
  // Left for a person: two candidate targets, a change with more words after it, a level in words.
  ['ska öka med minst 5 %', { kind: 'qualitative' }],
  ['Antalet ska minska kraftigt', { kind: 'qualitative' }],
  ['Skattesatsen ska under mandatperioden vara oförändrad 21,56 kronor.', { kind: 'qualitative' }],
  ['Bättre än', { kind: 'qualitative' }],
];

describe('parseTarget and printTarget on other municipalities\' wordings', () => {
  it.each(otherMunicipalities)('%s', (text, expected) => {
    const target = parseTarget(text);
    expect(plain(target)).toMatchObject(expected);
    expect(printTarget(target)).toBe(text);
  });

  it.each([
    ['Minst 75 %', 'higher-better'],
    ['Högst 8', 'lower-better'],
    ['Lägre än 2021', 'lower-better'],
    ['ska inte minska jämfört med 2024', 'higher-better'],
    ['Kommunens personalomsättning är mindre än 10 procent', 'lower-better'],
    ['Arbetslösheten ska minska från 7,2 % till 6,2 % under 2018', 'lower-better'],
    ['Mål >65', 'higher-better'],
    ['lägre än riket', 'lower-better'],
    ['80%', null],
    ['bättre än riket', null],
    ['i nivå med riket', null],
    ['21/57/22 %', null],
  ] as const)('%s states the direction %s', (text, direction) => {
    expect(statedDirection(parseTarget(text))).toBe(direction);
  });
});

describe('isMachineReadable', () => {
  it.each([
    ['90%', true],
    ['> 8 per förvaltning', true],
    ['>föregående år', true],
    ['Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter', true],
    ['>1 % av skatter och generella statsbidrag', true],
    ['21/57/22 %', true],
    ['Minst NKI 75', true],
    ['2 gröna blommor. Blad: > 17 gröna < 15 röda', false],
    ['Redovisas', false],
    ['i nivå med riket', true],
    ['100% på samtliga nivåer för i förväg utvalda processer', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(isMachineReadable(parseTarget(text))).toBe(expected);
  });
});

describe('describeTarget', () => {
  it.each([
    ['90%', 'Målvärde 90 %'],
    ['18 100', 'Målvärde 18 100'],
    ['Minst 60 %', 'Minst 60 %'],
    ['95 % år 2020', 'Målvärde 95 % år 2020'],
    ['>95 %', 'Över 95 %'],
    ['>100%', 'Över 100 %'],
    ['> 8 per förvaltning', 'Över 8 per förvaltning'],
    ['< 15', 'Under 15'],
    ['>föregående år', 'Högre än föregående år'],
    ['ska öka', 'Högre än föregående år'],
    ['ska inte minska jämfört med 2023', 'Inte lägre än 2023'],
    ['skillnaden mot riket ska minska jämfört med 2022', 'Mindre skillnad mot riket än 2022'],
    ['21/57/22 %', 'Andelar 21/57/22 %'],
    ['79/21 respektive 8/50/42', 'Andelar 79/21 respektive 8/50/42'],
    ['85, 85, 85/85, 85, 90/90, 90, 85 %', 'Målvärden 85, 85, 85/85, 85, 90/90, 90, 85 %'],
    [
      'Soliditet i förhållande till Norrlands kommuner, differens < 4%-enheter',
      'Soliditet: differens mot Norrlands kommuner under 4 procentenheter',
    ],
    ['>1 % av skatter och generella statsbidrag', 'Över 1 % av skatter och generella statsbidrag'],
    ['Minst NKI 75', 'NKI minst 75'],
    ['2 gröna blommor. Blad: > 17 gröna < 15 röda', 'Bedöms manuellt'],
    ['Max 13,2 %', 'Högst 13,2 %'],
    ['öka med 3 procentenheter', 'Ökning med 3 procentenheter från föregående år'],
    ['Lägre än 2021', 'Lägre än 2021'],
    ['i nivå med riket', 'I nivå med riket'],
    ['bland de 25 % bästa kommunerna', 'Bland de 25 % bästa kommunerna'],
    ['80–85 %', 'Mellan 80 och 85 %'],
    ['Redovisas', 'Redovisas utan målvärde'],
    ['Målet är uppnått när de positiva svaren är 90 procent eller högre.', 'Minst 90 procent'],
  ])('%s → %s', (text, expected) => {
    expect(describeTarget(parseTarget(text))).toBe(expected);
  });
});

describe('relationOf and unitKind', () => {
  it.each([
    ['>', 'above'],
    ['>=', 'at-least'],
    ['≥', 'at-least'],
    ['<', 'below'],
    ['<=', 'at-most'],
    ['≤', 'at-most'],
  ] as const)('%s means %s', (operator, relation) => {
    expect(relationOf(operator)).toBe(relation);
  });

  it.each([
    ['%', 'percent'],
    ['%-enheter', 'percentage-points'],
    ['procentenheter', 'percentage-points'],
    ['', 'none'],
    ['per förvaltning', 'other'],
  ] as const)('%j is %s', (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });
});
