/**
 * The SIE 4 reader, record by record and fault by fault. The files are excerpts of real SIE files
 * (a few lines each, with their source) and files of our own where a fault is needed:
 * - Övningsbolaget AB, exported by Avendo 5.20 (SIE-gruppen's example company), as kept in
 *   https://github.com/idstam/jsisie/blob/master/sie_test_files/transaktioner_ovnbolag.se and
 *   …/objektsaldo_ovnbolag.se (MIT licence)
 * - BL Administration 2011.2 with #PBUDGET, #RTRANS and #BTRANS:
 *   https://github.com/idstam/jsisie/blob/master/sie_test_files/BL0001_typ4.SE
 * - Visma Administration 2000 with #UNDERDIM:
 *   https://github.com/idstam/jsisie/blob/master/sie_test_files/SIE4_Exempelfil_med_underdim.SE
 * - PayEx's SIE 4I example (#KONTO 3710 "Nedskrivningar av intäkter" in CP437):
 *   https://developer.payex.com/xwiki/wiki/developer/view/Main/Invoicing/invoice-service/Implementation%20guide/Technical%20reference/SIE4/
 */
import { oreToKronor } from '../../domain/ledger/ore.ts';
import { describe, expect, it } from 'vitest';
import { collect, encode, failure, stream } from '../../../tests/fixtures/ledger/streams.ts';
import type { SieRecord } from './records.ts';
import { readSie } from './read-sie.ts';

const AVENDO_HEAD = [
  '#FLAGGA 0',
  '#FORMAT PC8',
  '#SIETYP 4',
  '#PROGRAM "Avendo" 5.20',
  '#GEN 20110531',
  '#FNAMN "Övningsbolaget AB (Ekonomi 60)"',
  '#ORGNR "5555555555"',
  '#ADRESS "Box 1" "123 45" "STORSTAD" "012-34 56 78"',
  '#RAR 0 20110101 20111231',
  '#KPTYP EUBAS97',
  '#VALUTA SEK',
  '#RAR -1 20100101 20101231',
  '#DIM 1 "Resultatenheter"',
  '#OBJEKT 1 "Nord" "Kontor Nord"',
  '#OBJEKT 1 "Syd" "Kontor Syd"',
  '#KONTO 1010 "Balanserade utgifter"',
  '#KTYP 1010 T',
  '#SRU 1010 7201',
  '#IB 0 1221 518057.53',
  '#UB 0 1221 532017.53',
];

const AVENDO_VOUCHER = [
  '#VER B 1 20110107 "Övriga personalkostnader"',
  '{',
  '\t#TRANS  1910 {} -128.00',
  '\t#TRANS  7690 {} 100.00',
  '\t#TRANS  2641 {} 28.00',
  '}',
];

function sie(lines: string[], encoding: 'cp437' | 'utf-8' = 'cp437'): Buffer {
  return encode(`${lines.join('\r\n')}\r\n`, encoding);
}

async function records(lines: string[]): Promise<SieRecord[]> {
  return collect(readSie(stream(sie(lines))));
}

function only<K extends SieRecord['kind']>(list: SieRecord[], kind: K): Array<Extract<SieRecord, { kind: K }>> {
  return list.filter((record): record is Extract<SieRecord, { kind: K }> => record.kind === kind);
}

describe('readSie: one record kind at a time (Övningsbolaget, Avendo 5.20)', () => {
  it('reads the head of the file', async () => {
    const read = await records([...AVENDO_HEAD, ...AVENDO_VOUCHER]);
    expect(read.slice(0, 7)).toEqual([
      { kind: 'flag', value: 0, line: 1 },
      { kind: 'format', value: 'PC8', line: 2 },
      { kind: 'sie-type', value: 4, line: 3 },
      { kind: 'program', name: 'Avendo', version: '5.20', line: 4 },
      { kind: 'generated', date: '2011-05-31', signature: null, line: 5 },
      { kind: 'company-name', name: 'Övningsbolaget AB (Ekonomi 60)', line: 6 },
      { kind: 'org-number', value: '5555555555', line: 7 },
    ]);
  });

  it('reads fiscal years, dimensions, objects, accounts and account types', async () => {
    const read = await records(AVENDO_HEAD);
    expect(only(read, 'fiscal-year')).toEqual([
      { kind: 'fiscal-year', index: 0, start: '2011-01-01', end: '2011-12-31', line: 9 },
      { kind: 'fiscal-year', index: -1, start: '2010-01-01', end: '2010-12-31', line: 12 },
    ]);
    expect(only(read, 'dimension')).toEqual([{ kind: 'dimension', dimension: '1', name: 'Resultatenheter', line: 13 }]);
    expect(only(read, 'object').map((o) => [o.dimension, o.code, o.name])).toEqual([
      ['1', 'Nord', 'Kontor Nord'],
      ['1', 'Syd', 'Kontor Syd'],
    ]);
    expect(only(read, 'account')).toEqual([{ kind: 'account', account: '1010', name: 'Balanserade utgifter', line: 16 }]);
    expect(only(read, 'account-type')).toEqual([{ kind: 'account-type', account: '1010', type: 'T', line: 17 }]);
  });

  it('reads #IB, #UB and #RES as exact amounts in öre', async () => {
    const read = await records([...AVENDO_HEAD, '#RES 0 3041 -1690380.20']);
    expect(only(read, 'balance').map((b) => [b.type, b.yearIndex, b.account, b.amount])).toEqual([
      ['IB', 0, '1221', 51805753],
      ['UB', 0, '1221', 53201753],
      ['RES', 0, '3041', -169038020],
    ]);
  });

  it('keeps records it does not interpret (#ADRESS, #KPTYP, #SRU) as they were read', async () => {
    const other = only(await records(AVENDO_HEAD), 'other');
    expect(other.map((o) => [o.label, o.fields])).toEqual([
      ['#ADRESS', ['Box 1', '123 45', 'STORSTAD', '012-34 56 78']],
      ['#KPTYP', ['EUBAS97']],
      ['#VALUTA', ['SEK']],
      ['#SRU', ['1010', '7201']],
    ]);
  });

  it('reads a voucher and its rows, indented with tabs; a row without transdat has the voucher date', async () => {
    const read = await records([...AVENDO_HEAD, ...AVENDO_VOUCHER]);
    const [voucher] = only(read, 'voucher');
    expect(voucher).toEqual({
      kind: 'voucher', series: 'B', number: '1', date: '2011-01-07', text: 'Övriga personalkostnader',
      registered: null, signature: null, line: 21,
    });
    const rows = only(read, 'transaction');
    expect(rows.map((r) => [r.type, r.account, r.amount, r.date, r.voucher.number])).toEqual([
      ['TRANS', '1910', -12800, '2011-01-07', '1'],
      ['TRANS', '7690', 10000, '2011-01-07', '1'],
      ['TRANS', '2641', 2800, '2011-01-07', '1'],
    ]);
  });

  it('reads #PSALDO per object list, pairs of dimension and object (objektsaldo_ovnbolag.se)', async () => {
    const read = await records([
      ...AVENDO_HEAD,
      '#DIM 7 "Medarbetare"',
      '#PSALDO 0 201102 1221 {} 13960.00',
      '#PSALDO 0 201101 1460 {"7" "1"} -283908.00',
      '#PSALDO 0 201101 1460 {"1" "Nord" "7" "1"} 8550.00',
    ]);
    expect(only(read, 'period-balance').map((p) => [p.type, p.period, p.account, p.objects, p.amount])).toEqual([
      ['PSALDO', '2011-02', '1221', [], 1396000],
      ['PSALDO', '2011-01', '1460', [{ dimension: '7', code: '1' }], -28390800],
      ['PSALDO', '2011-01', '1460', [{ dimension: '1', code: 'Nord' }, { dimension: '7', code: '1' }], 855000],
    ]);
  });

  it('reads #PBUDGET, #RTRANS and #BTRANS (BL Administration); a voucher balances on its #TRANS rows', async () => {
    const read = await records([
      '#FLAGGA 0',
      '#PROGRAM "BL Administration" "2011.2.102"',
      '#FORMAT PC8',
      '#GEN 20111101 1',
      '#SIETYP 4',
      '#RAR 0 20090701 20100630',
      '#PBUDGET 0 200907 3010 {} -100000',
      '#VER A 8 20091210 "Varor/material" 20091214 "2 Christer Bengtsson"',
      '{',
      '#BTRANS 1930  {} -1000 20101007 "" "" "2 Christer Bengtsson"',
      '#RTRANS 1930  {} 0 20101007 "" "" "2 Christer Bengtsson"',
      '#TRANS 1930  {} 0 20091210 "" ',
      '#BTRANS 4010  {} 800 20101007 "" "" "2 Christer Bengtsson"',
      '}',
      '#VER A 9 20100122 "Internfaktura 33993"  ""',
      '{',
      '#TRANS 9999  { "1" "1010"} -4675 20100122 "" ',
      '#TRANS 9999  { "1" "1100" "6" "1118"} 4675 20100122 "" ',
      '}',
    ]);
    expect(only(read, 'generated')[0]).toMatchObject({ date: '2011-11-01', signature: '1' });
    expect(only(read, 'period-balance')[0]).toMatchObject({ type: 'PBUDGET', period: '2009-07', account: '3010' });
    expect(only(read, 'voucher').map((v) => [v.number, v.registered, v.signature])).toEqual([
      ['8', '2009-12-14', '2 Christer Bengtsson'],
      ['9', null, null],
    ]);
    const rows = only(read, 'transaction');
    expect(rows.map((r) => [r.type, r.account, r.amount, r.date, r.signature])).toEqual([
      ['BTRANS', '1930', -100000, '2010-10-07', '2 Christer Bengtsson'],
      ['RTRANS', '1930', 0, '2010-10-07', '2 Christer Bengtsson'],
      ['TRANS', '1930', 0, '2009-12-10', null],
      ['BTRANS', '4010', 80000, '2010-10-07', '2 Christer Bengtsson'],
      ['TRANS', '9999', -467500, '2010-01-22', null],
      ['TRANS', '9999', 467500, '2010-01-22', null],
    ]);
    expect(rows[5]!.objects).toEqual([{ dimension: '1', code: '1100' }, { dimension: '6', code: '1118' }]);
  });

  it('reads #UNDERDIM and objects of a sub-dimension (Visma Administration 2000)', async () => {
    const read = await records([
      '#FLAGGA 1',
      '#FORMAT PC8',
      '#SIETYP 4',
      '#PROGRAM "Visma Administration 2000 med Visma Integration" 2022.2',
      '#DIM 6 Projekt',
      '#UNDERDIM 61 "Kubernetesdrift" 6',
      '#OBJEKT 61 0036 "Konfiguration av kubernetes"',
    ]);
    expect(only(read, 'flag')[0]!.value).toBe(1);
    expect(only(read, 'sub-dimension')).toEqual([{ kind: 'sub-dimension', dimension: '61', name: 'Kubernetesdrift', parent: '6', line: 6 }]);
    expect(only(read, 'object')[0]).toMatchObject({ dimension: '61', code: '0036', name: 'Konfiguration av kubernetes' });
  });

  it('reads a quoted field with an escaped quote and a backslash kept as written', async () => {
    const read = await records(['#FLAGGA 0', '#FNAMN "Bolaget \\"Norr\\" AB"', '#VER A 1 20170105 "Faktura 1820\\A012"', '{', '#TRANS 4010 {} 10', '#TRANS 2440 {} -10', '}']);
    expect(only(read, 'company-name')[0]!.name).toBe('Bolaget "Norr" AB');
    expect(only(read, 'voucher')[0]!.text).toBe('Faktura 1820\\A012');
  });

  it('fills in what it learnt about the file', async () => {
    const reading = readSie(stream(sie([...AVENDO_HEAD, ...AVENDO_VOUCHER])));
    await collect(reading);
    expect(reading.info).toMatchObject({
      format: 'PC8', sieType: 4, program: 'Avendo', companyName: 'Övningsbolaget AB (Ekonomi 60)',
      vouchers: 1, transactions: 3, lines: 26, checksum: false,
    });
    expect(reading.info.decode.encoding).toBe('cp437');
  });
});

describe('readSie: encodings', () => {
  const payex = ['#FLAGGA 0', '#FORMAT PC8', '#SIETYP 4', '#KONTO 3710 "Nedskrivningar av intäkter"', '#KONTO 1930 "Företagskonto Åre"'];

  it.each([1, 2, 3, 7, 4096])('reads CP437 (PC8) as the standard says, in chunks of %i bytes', async (size) => {
    const reading = readSie(stream(sie(payex, 'cp437'), size));
    const names = only(await collect(reading), 'account').map((a) => a.name);
    expect(names).toEqual(['Nedskrivningar av intäkter', 'Företagskonto Åre']);
    expect(reading.info.decode.encoding).toBe('cp437');
  });

  it.each([1, 2, 3, 4096])('reads a UTF-8 file by the rule (first non-ASCII character is UTF-8), in chunks of %i bytes', async (size) => {
    const reading = readSie(stream(sie(payex, 'utf-8'), size));
    expect(only(await collect(reading), 'account').map((a) => a.name)).toEqual(['Nedskrivningar av intäkter', 'Företagskonto Åre']);
    expect(reading.info.decode.encoding).toBe('utf-8');
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sie(payex, 'utf-8')]);
    const reading = readSie(stream(bytes));
    expect(only(await collect(reading), 'account')[0]!.name).toBe('Nedskrivningar av intäkter');
    expect(reading.info.decode).toMatchObject({ encoding: 'utf-8', byteOrderMark: true });
  });

  it('accepts #FORMAT PC8 in any case and refuses an unknown encoding', async () => {
    expect(only(await records(['#FLAGGA 0', '#FORMAT pc8']), 'format')[0]!.value).toBe('pc8');
    const report = await failure(readSie(stream(sie(['#FLAGGA 0', '#FORMAT LATIN2', '#SIETYP 4']))));
    expect(report.problems).toEqual([
      { line: 2, record: '#FORMAT', column: 'PC8', value: 'LATIN2', reason: expect.stringContaining('Okänd teckenkodning') },
    ]);
  });

  it('stops at a UTF-8 file that turns into another encoding, with the line', async () => {
    const bytes = Buffer.concat([sie(['#FLAGGA 0', '#FNAMN "Åre AB"'], 'utf-8'), sie(['#KONTO 3710 "Intäkter"'], 'cp437')]);
    const report = await failure(readSie(stream(bytes)));
    expect(report.problems).toEqual([{ line: 3, column: null, value: null, reason: expect.stringContaining('blandar teckenkodningar') }]);
  });

  it('reads a named encoding as named', async () => {
    const bytes = encode('#FLAGGA 0\n#FNAMN "Östra Göinge"\n', 'windows-1252');
    const read = await collect(readSie(stream(bytes), { encoding: 'windows-1252' }));
    expect(only(read, 'company-name')[0]!.name).toBe('Östra Göinge');
  });
});

describe('readSie: malformed lines give a located report in Swedish and nothing else', () => {
  const head = ['#FLAGGA 0', '#FORMAT PC8', '#SIETYP 4', '#RAR 0 20170101 20171231'];

  it.each([
    ['a bad amount', '#TRANS 4010 {} 12,50', { column: 'belopp', value: '12,50', reason: expect.stringContaining('punkt som decimaltecken') }],
    ['an amount with three decimals', '#TRANS 4010 {} 12.505', { column: 'belopp', value: '12.505', reason: 'Ett belopp har högst två decimaler (öre).' }],
    ['an amount that is words', '#TRANS 4010 {} tolv', { column: 'belopp', value: 'tolv', reason: expect.stringContaining('Inte ett belopp') }],
    ['a missing object list', '#TRANS 4010 12.50', { column: 'objektlista', value: '12.50', reason: expect.stringContaining('objektlista') }],
    ['an odd object list', '#TRANS 4010 {1} 12.50', { column: 'objektlista', value: '{1}', reason: expect.stringContaining('par') }],
    ['a bad transaction date', '#TRANS 4010 {} 12.50 20170231', { column: 'transdat', value: '20170231', reason: expect.stringContaining('ÅÅÅÅMMDD') }],
    ['a missing account', '#TRANS', { column: 'kontonr', value: null, reason: 'Fältet kontonr saknas.' }],
  ])('a broken #TRANS: %s', async (_, row, problem) => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 "Faktura"', '{', row, '#TRANS 2440 {} -12.50', '}']))));
    expect(report.problems[0]).toEqual({ line: 7, record: '#TRANS', ...problem });
    expect(report.message).toMatch(/^SIE-filen kunde inte läsas in: \d+ fel\. Ingenting har lästs in\.$/);
  });

  it('a quote that is not closed', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 "Faktura', '{', '#TRANS 4010 {} 1', '}']))));
    expect(report.problems).toEqual([{ line: 5, record: '#VER', column: null, value: '#VER A 1 20170105 "Faktura', reason: 'Ett citattecken (") avslutas inte på raden.' }]);
  });

  it('an object list without its closing brace', async () => {
    const report = await failure(readSie(stream(sie([...head, '#PSALDO 0 201708 4010 {1 "5310" 12.00']))));
    expect(report.problems[0]).toMatchObject({ line: 5, record: '#PSALDO', reason: 'Objektlistan avslutas inte med }.' });
  });

  it('a voucher without its opening brace', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 "Faktura"', '#TRANS 4010 {} 10', '#TRANS 2440 {} -10', '}']))));
    expect(report.problems).toEqual([
      { line: 6, record: '#VER', column: null, value: null, reason: 'Verifikation A 1 (rad 5) följs inte av {.' },
    ]);
  });

  it('a voucher without its closing brace, before the next voucher', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 ""', '{', '#TRANS 4010 {} 10', '#TRANS 2440 {} -10', '#VER A 2 20170106 ""', '{', '#TRANS 4010 {} 5', '#TRANS 2440 {} -5', '}']))));
    expect(report.problems).toEqual([
      { line: 9, record: '#VER', column: null, value: null, reason: 'Verifikation A 1 (rad 5) avslutas inte med } före nästa #VER.' },
    ]);
  });

  it('a voucher that does not balance', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER B 1 20170107 "Fika"', '{', '#TRANS 1910 {} -128.00', '#TRANS 7690 {} 100.00', '}']))));
    expect(report.problems).toEqual([
      { line: 5, record: '#VER', column: 'belopp', value: '-28.00', reason: expect.stringContaining('balanserar inte') },
    ]);
  });

  it('a bad voucher date, and a voucher outside the fiscal year', async () => {
    const report = await failure(readSie(stream(sie([
      ...head,
      '#VER A 1 2017-01-05 ""', '{', '#TRANS 4010 {} 1', '#TRANS 2440 {} -1', '}',
      '#VER A 2 20180105 ""', '{', '#TRANS 4010 {} 1', '#TRANS 2440 {} -1', '}',
    ]))));
    expect(report.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [5, 'verdatum', '2017-01-05'],
      [10, 'verdatum', '2018-01-05'],
    ]);
    expect(report.problems[1]!.reason).toContain('utanför räkenskapsåret');
  });

  it('a bad period of #PSALDO', async () => {
    const report = await failure(readSie(stream(sie([...head, '#PSALDO 0 201713 4010 {} 1.00']))));
    expect(report.problems[0]).toMatchObject({ line: 5, record: '#PSALDO', column: 'period', value: '201713' });
  });

  it('a truncated file: it ends inside a voucher', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 "Lön januari"', '{', '#TRANS 5110 {1 "5310"} 250000.00']))));
    expect(report.problems).toEqual([
      { line: 5, record: '#VER', column: null, value: null, reason: 'Filen slutar mitt i verifikation A 1 (rad 5): avslutande } saknas. Filen är troligen avkortad.' },
    ]);
  });

  it('a truncated file: it began with #KSUMMA and lacks the closing one', async () => {
    const report = await failure(readSie(stream(sie(['#FLAGGA 0', '#KSUMMA', '#SIETYP 4']))));
    expect(report.problems[0]!.reason).toContain('avslutande #KSUMMA');
    const complete = await records(['#FLAGGA 0', '#KSUMMA', '#SIETYP 4', '#KSUMMA 1234567']);
    expect(complete.map((r) => r.kind)).toEqual(['flag', 'sie-type']);
  });

  it('a truncated file: it ends inside a UTF-8 character', async () => {
    const bytes = sie(['#FLAGGA 0', '#FNAMN "Åre"'], 'utf-8');
    const cut = Buffer.concat([bytes, Buffer.from('#KONTO 1 "Ä', 'utf8').subarray(0, -1)]);
    const report = await failure(readSie(stream(cut, 5)));
    expect(report.problems[0]).toMatchObject({ line: 3, reason: expect.stringContaining('avkortad') });
  });

  it('binary garbage: NUL bytes stop the reading at once, with the line', async () => {
    const bytes = Buffer.concat([sie(head), Buffer.from([0x00, 0x01, 0xff, 0x13, 0x37])]);
    const report = await failure(readSie(stream(bytes)));
    expect(report.problems).toEqual([{ line: 5, column: null, value: null, reason: expect.stringContaining('binära data') }]);
  });

  it('binary garbage: bytes that are no SIE records at all', async () => {
    const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => ((i * 97 + 13) % 254) + 1));
    const report = await failure(readSie(stream(garbage)));
    expect(report.count).toBe(1);
    expect(report.problems[0]!.reason).toContain('ingen SIE-fil');
  });

  it('an Excel file given as SIE', async () => {
    const report = await failure(readSie(stream(Buffer.from('PK\u0003\u0004\u0014\u0000rest of a zip', 'latin1'))));
    expect(report.problems[0]!.reason).toBe('SIE-filen är en zip-fil (till exempel en Excel-fil, .xlsx), inte en textfil.');
  });

  it('an empty file', async () => {
    const report = await failure(readSie(stream(Buffer.alloc(0))));
    expect(report.problems[0]!.reason).toContain('tom');
  });

  it('#TRANS outside a voucher, and braces without one', async () => {
    const report = await failure(readSie(stream(sie([...head, '#TRANS 4010 {} 1', '}', '{']))));
    expect(report.problems.map((p) => p.reason)).toEqual([
      '#TRANS står utanför en verifikation (#VER … { … }).',
      '} utan en öppen verifikation.',
      '{ utan föregående #VER.',
    ]);
  });

  it('lists the first 100 problems and counts them all', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `#PSALDO 0 2017${String((i % 12) + 1).padStart(2, '0')} 4010 {} 1,00`);
    const report = await failure(readSie(stream(sie([...head, ...rows]))));
    expect(report.count).toBe(250);
    expect(report.problems).toHaveLength(100);
    expect(report.message).toBe('SIE-filen kunde inte läsas in: 250 fel; de första 100 visas. Ingenting har lästs in.');
  });

  it('a record that does not belong inside a voucher', async () => {
    const report = await failure(readSie(stream(sie([...head, '#VER A 1 20170105 ""', '{', '#KONTO 4010 "Material"', '#TRANS 4010 {} 1', '#TRANS 2440 {} -1', '}']))));
    expect(report.problems[0]).toMatchObject({ line: 7, record: '#KONTO', reason: expect.stringContaining('hör inte hemma inuti') });
  });
});

describe('readSie: amounts stay exact', () => {
  it('sums ten times 0.10 to exactly 1 krona (whole öre, no binary rounding)', async () => {
    const rows = Array.from({ length: 10 }, () => '#TRANS 4010 {} 0.10');
    const read = await records(['#FLAGGA 0', '#VER A 1 20170105 ""', '{', ...rows, '#TRANS 2440 {} -1.00', '}']);
    const sum = only(read, 'transaction').slice(0, 10).reduce((total, row) => total + row.amount, 0);
    expect(oreToKronor(sum).toFixed()).toBe('1');
  });
});
