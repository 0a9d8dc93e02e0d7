/**
 * Accounts by Kommun-Bas, with real account numbers of municipal charts of accounts:
 * - Heby kommun, Kommun-Bas 13 konteringshandbok (classes 3–8):
 *   https://docplayer.se/amp/49741431-Handbok-h-for-kontering-fran.html
 * - a municipality's chart of accounts 2022 (class 3 with five-digit sub-accounts such as 30106):
 *   https://handlingar.se/en/request/2049/response/3652/attach/html/2/BAS%2021%20reviderad%202022%2004%2029.pdf.html
 * - another's (class 5, e.g. 5021 Löner visstidsanställda):
 *   https://handlingar.se/en/request/2039/response/3821/attach/html/6/Kontodel%20A%20Slag%205%20Kostnader%20f%20r%20arbetskraft%202022.pdf.html
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, patternProblem } from './code-pattern.ts';
import { accountClassifier, kommunBasClass } from './kommun-bas.ts';

describe('kommunBasClass', () => {
  it.each([
    ['1110', 'balance'], // byggnader
    ['2540', 'balance'], // leverantörsskulder
    ['30106', 'income'], // försäljningsintäkter 6 %
    ['3111', 'income'], // byggnadslovsavgifter
    ['4610', 'cost'], // köp av huvudverksamhet
    ['5021', 'cost'], // löner visstidsanställda
    ['6110', 'cost'], // lokalhyror
    ['7310', 'cost'], // övriga verksamhetskostnader
    ['8010', 'financial'], // skatteintäkter
    ['8410', 'financial'], // räntekostnader
    ['9990', 'other'], // interna kalkylkonton
    ['0123', 'other'],
    ['DIFF', 'other'], // a real SIE file's differences account
  ] as const)('%s is %s', (account, expected) => {
    expect(kommunBasClass(account)).toBe(expected);
  });
});

describe('accountClassifier: the mapping overrides Kommun-Bas, first match first', () => {
  const classify = accountClassifier([
    { accounts: '3500-3599', class: 'cost' }, // a municipality that books reductions of cost on class 3
    { accounts: '8450', class: 'cost' },
    { accounts: '35*', class: 'excluded' }, // never reached for 35xx: the range above matches first
    { accounts: '9*', class: 'cost' },
  ]);

  it.each([
    ['3510', 'cost'],
    ['35101', 'cost'],
    ['3499', 'income'],
    ['8450', 'cost'],
    ['84501', 'financial'],
    ['9100', 'cost'],
    ['4610', 'cost'],
  ] as const)('%s is %s', (account, expected) => {
    expect(classify(account)).toBe(expected);
  });
});

describe('code patterns', () => {
  it.each([
    ['*', '5310', true],
    ['*', '', true],
    ['5310', '5310', true],
    ['5310', '53101', false],
    ['0123', '123', false],
    ['53*', '5310', true],
    ['53*', '5410', false],
    ['5300-5399', '5310', true],
    ['5300-5399', '53101', true],
    ['5300-5399', '531', false],
    ['5300-5399', '5400', false],
    ['3000-3099', '30106', true],
    ['A-1', 'A-1', true],
  ] as const)('%s matches %s: %s', (pattern, code, expected) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(compilePattern(pattern)(code)).toBe(expected);
  });

  it.each([
    ['5300-539', 'Intervallets gränser ska ha lika många siffror, t.ex. 5300-5399.'],
    ['5399-5300', 'Intervallet börjar efter att det slutar.'],
    ['53 10', expect.stringContaining('Ogiltigt mönster')],
    ['5*3', expect.stringContaining('Ogiltigt mönster')],
    ['', expect.stringContaining('Ogiltigt mönster')],
  ])('refuses %j', (pattern, message) => {
    expect(patternProblem(pattern)).toEqual(message);
  });
});
