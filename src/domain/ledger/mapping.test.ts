/** The mapping file: valid files are read, faulty ones refused with every problem in Swedish. */
import { describe, expect, it } from 'vitest';
import { isStyrkortError } from '../errors.ts';
import { parseLedgerMapping, targetKey, type LedgerMappingInput } from './mapping.ts';
import { ruleResolver } from './resolve.ts';

const mapping: LedgerMappingInput = {
  format: 'styrkort-ledger-mapping',
  formatVersion: 1,
  key: 'timra-ifo',
  name: 'Timrå IFO, ekonomisystemet',
  municipality: '2262',
  sie: { responsibility: '1', activity: '2' },
  columns: { period: 'Period', account: 'Konto', amount: 'Belopp', responsibility: 'Ansvar', activity: 'Verksamhet' },
  accounts: [{ accounts: '3500-3599', class: 'cost', note: 'Kostnadsreduktioner' }],
  rules: [
    { match: { responsibility: '5360' }, target: { exclude: true, reason: 'Socialnämndens kansli ingår inte i IFO:s plan' } },
    { match: { responsibility: '5310', activity: '5750' }, target: { node: 'forsorjningsstod-utbetaln' } },
    { match: { responsibility: '5310' }, target: { node: 'ifo-vuxna' } },
    { match: { responsibility: '532*' }, target: { node: 'ifo-barn-o-familj' } },
    { match: { responsibility: '5340-5349', account: '46*' }, target: { table: 'rr-ifo', row: 'kop-av-verksamhet' } },
  ],
};

function problemsOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseLedgerMapping(input);
  } catch (error) {
    if (isStyrkortError(error)) return error.problems.map(({ path, message }) => ({ path, message }));
    throw error;
  }
  throw new Error('Mappningen skulle ha underkänts.');
}

describe('parseLedgerMapping', () => {
  it('reads a whole mapping and fills in the defaults', () => {
    const parsed = parseLedgerMapping(mapping);
    expect(parsed.rules).toHaveLength(5);
    expect(parsed.amountSign).toBe('debit-positive');
    expect(parsed.rules.map((rule) => targetKey(rule.target))).toEqual([
      'exclude',
      'node:forsorjningsstod-utbetaln',
      'node:ifo-vuxna',
      'node:ifo-barn-o-familj',
      'row:rr-ifo/kop-av-verksamhet',
    ]);
  });

  it('refuses every fault at once, each with its path and a Swedish message', () => {
    const problems = problemsOf({
      ...mapping,
      municipality: 'Timrå',
      sie: { responsibility: 'ansvar' },
      accounts: [{ accounts: '3599-3500', class: 'kostnad' }],
      rules: [
        { match: {}, target: { node: 'ifo' } },
        { match: { responsibility: '53 10' }, target: { node: 'IFO Vuxna' } },
        { match: { responsibility: '5310' }, target: { exclude: true } },
      ],
      extra: 1,
    });
    expect(problems).toEqual([
      { path: '$.municipality', message: 'Kommunkoden är fyra siffror, t.ex. "2262"' },
      { path: '$.sie.responsibility', message: 'Ett SIE-dimensionsnummer består av siffror, t.ex. "1"' },
      { path: '$.accounts[0].accounts', message: 'Intervallet börjar efter att det slutar.' },
      { path: '$.accounts[0].class', message: expect.stringContaining('Ogiltigt värde; tillåtna värden är "income", "cost"') },
      { path: '$.rules[0].match', message: 'En regel behöver minst ett villkor, t.ex. { "responsibility": "5310" }' },
      { path: '$.rules[1].match.responsibility', message: expect.stringContaining('Ogiltigt mönster') },
      { path: '$.rules[1].target.node', message: 'Nyckeln får bara innehålla a–z, 0–9 och . _ : -' },
      { path: '$.rules[2].target', message: expect.stringContaining('Målet ska vara') },
      { path: '$', message: expect.stringContaining('Okänt fält: "extra"') },
    ]);
  });

  it('refuses a file of another format', () => {
    expect(problemsOf({ ...mapping, format: 'styrkort-plan' })).toEqual([{ path: '$.format', message: 'Formatet ska vara "styrkort-ledger-mapping"' }]);
  });
});

describe('ruleResolver: the first rule that matches decides', () => {
  const resolve = ruleResolver(parseLedgerMapping(mapping).rules);

  it.each([
    [{ responsibility: '5360', activity: '5750' }, '4610', 0], // excluded before anything else
    [{ responsibility: '5310', activity: '5750' }, '4510', 1], // försörjningsstöd: both codes
    [{ responsibility: '5310', activity: '5710' }, '5110', 2], // the rest of 5310
    [{ responsibility: '5310' }, '5110', 2], // no activity code: the empty code
    [{ responsibility: '5321', activity: '5720' }, '4610', 3],
    [{ responsibility: '5345' }, '4620', 4], // responsibility range and account prefix
    [{ responsibility: '5345' }, '5110', -1], // the account does not match: unmapped
    [{ activity: '5750' }, '4510', -1], // no responsibility code at all
  ])('%j on %s → rule %i', (codes, account, expected) => {
    expect(resolve({ account, codes })).toBe(expected);
    expect(resolve({ account, codes })).toBe(expected); // and from the cache
  });
});
