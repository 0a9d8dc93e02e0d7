/**
 * Imports through the API (issue 14, points 1–4 and 6): a file as the raw body, a dry run, the
 * import, the same file again, the history, undo and its refusal, the provenance of a cell, the
 * ledger with a mapping stored through the API, and every kind of bad input refused with its
 * report (row, column, value, reason) and nothing written.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api, type Client } from '../api/harness.ts';
import { upload } from './upload.ts';

const planKey = 'timra-ifo-2018-2020';
const url = `/api/plans/${planKey}/imports/actuals`;
const demo = (name: string) => readFileSync(new URL(`../../demo/${name}`, import.meta.url));
const volumes = demo('timra-ifo-2017-volymer.csv');

describe('POST /api/plans/{plan}/imports/actuals', () => {
  let api: Api;
  let redaktor: Client;
  const planText = async () => (await api.anonymous.get(`/api/plans/${planKey}`)).body;
  const importCount = async () => (await redaktor.get('/api/imports')).json().imports.length;

  beforeAll(async () => {
    api = await startApi('pglite');
    redaktor = await api.as('redaktor-ifo');
  });
  afterAll(() => api.close());

  it('previews, imports, sees the same file again, lists, shows the source on a cell and undoes', async () => {
    const before = await planText();
    const file = Buffer.from(volumes.toString('utf8').replace('individstod-brukare;2017-08;47', 'individstod-brukare;2017-08;46') + 'individstod-brukare;2018-01;44\n');
    const preview = await upload(redaktor, `${url}?dryRun=true`, file, 'volymer 2017.csv');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ status: 'dry-run', fileName: 'volymer 2017.csv', rows: 145, import: null, counts: { written: 2, confirmed: 143 }, cellCount: 145 });
    expect(preview.json().cells).toContainEqual({ itemType: 'volume-table', itemKey: 'ifo-matt-2017', rowKey: 'individstod-brukare', columnKey: 'utfall-2018-01', period: '2018-01', before: null, after: '44', effect: 'written' });
    expect(await planText()).toBe(before);

    const done = await upload(redaktor, url, file, 'volymer 2017.csv', { 'x-import-token': 'prov-token-1' });
    expect(done.statusCode).toBe(201);
    const record = done.json().import;
    expect(record).toMatchObject({ plan: planKey, kind: 'actuals', fileName: 'volymer 2017.csv', rows: 145, sourceSystem: 'verksamhetssystemet', status: 'imported', importedBy: 'redaktor-ifo', periods: expect.arrayContaining(['2017-01', '2018-01']) });
    expect(record.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await redaktor.get('/api/imports/progress/prov-token-1')).json()).toMatchObject({ phase: 'done', bytes: file.length, rows: 145 });

    const again = await upload(redaktor, url, file, 'samma.csv');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'already-imported', import: { id: record.id } });

    const list = (await redaktor.get(`/api/imports?plan=${planKey}`)).json();
    expect(list.imports.map((entry: { id: number }) => entry.id)).toEqual([record.id]);
    const detail = (await redaktor.get(`/api/imports/${record.id}`)).json();
    expect(detail.cells).toContainEqual({ itemType: 'volume-table', itemKey: 'ifo-matt-2017', rowKey: 'individstod-brukare', columnKey: 'utfall-2017-08', period: '2017-08', before: '47', after: '46' });

    const sources = (await redaktor.get(`/api/plans/${planKey}/figure-sources?item=volume-table`)).json().figures;
    expect(sources).toContainEqual(expect.objectContaining({ itemKey: 'ifo-matt-2017', rowKey: 'individstod-brukare', columnKey: 'utfall-2017-08', source: 'verksamhetssystemet', recordedBy: 'redaktor-ifo', importId: record.id, fileName: 'volymer 2017.csv' }));
    // A cell the import did not write keeps where it came from (the plan file the harness loaded).
    expect(sources).toContainEqual(expect.objectContaining({ columnKey: 'bokslut-2015', source: expect.stringContaining('timra-ifo-2018-2020'), recordedBy: 'test', importId: null }));
    const publicSources = (await api.anonymous.get(`/api/plans/${planKey}/figure-sources?item=volume-table`)).json().figures;
    expect(publicSources.find((s: { columnKey: string; rowKey: string }) => s.columnKey === 'utfall-2017-08' && s.rowKey === 'individstod-brukare')).toMatchObject({ recordedBy: null, importId: record.id });

    const undone = await redaktor.request({ method: 'POST', url: `/api/imports/${record.id}/undo`, headers: { 'x-reason': encodeURIComponent('Fel fil') } });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ id: record.id, status: 'undone', undoneBy: 'redaktor-ifo' });
    expect(await planText()).toBe(before);
    const twice = await redaktor.request({ method: 'POST', url: `/api/imports/${record.id}/undo` });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses an undo over a later change with the changed cells', async () => {
    const file = 'mått;period;värde\nindividstod-brukare;2018-02;41\n';
    const record = (await upload(redaktor, url, file, 'feb.csv')).json().import;
    const tableUrl = `/api/plans/${planKey}/volume-tables/ifo-matt-2017`;
    const etag = String((await redaktor.get(tableUrl)).headers.etag);
    const paste = await redaktor.request({ method: 'PATCH', url: `${tableUrl}/cells`, payload: { cells: [{ row: 'individstod-brukare', column: 'utfall-2018-02', text: '40' }] }, headers: { 'if-match': etag } });
    expect(paste.statusCode).toBe(200);
    const refused = await redaktor.request({ method: 'POST', url: `/api/imports/${record.id}/undo` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('kan inte ångras: 1 cell har ändrats efter importen'),
      problems: [{ path: 'volymtabellen ifo-matt-2017, raden individstod-brukare, feb 2018', message: 'Cellen har ändrats efter importen av redaktor-ifo (nu "40", importen skrev "41").', code: 'changed-later' }],
    });
  });

  it('lets only editors of the table’s part of the organisation import', async () => {
    const file = 'mått;period;värde\nindividstod-brukare;2017-08;47\n';
    expect((await upload(api.anonymous, `${url}?dryRun=1`, file)).statusCode).toBe(401);
    expect((await upload(await api.as('ekonom-sn'), `${url}?dryRun=1`, file)).statusCode).toBe(403);
    const sn = await upload(redaktor, '/api/plans/timra-sn-2020-2022/imports/actuals?dryRun=1', 'mått;period;värde\nst-2.3.1;2020;18 100\n');
    expect(sn.statusCode).toBe(403);
    expect(sn.json().message).toContain('inom din egen del av organisationen');
  });

  describe('bad input: the report, and nothing written', () => {
    async function refused(body: Buffer | string, options: { query?: string; fileName?: string; plan?: string } = {}) {
      const target = options.plan === undefined ? url : `/api/plans/${options.plan}/imports/actuals`;
      const before = await planText();
      const count = await importCount();
      const response = await upload(redaktor, `${target}${options.query ?? ''}`, body, options.fileName ?? 'fel.csv');
      expect(response.statusCode).toBe(400);
      expect(await planText()).toBe(before);
      expect(await importCount()).toBe(count);
      const error = response.json();
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/kunde inte läsas in: \d+ fel.*Ingenting har lästs in\./);
      return error.details as { problems: Array<{ line: number | null; column: string | null; value: string | null; reason: string }>; count: number };
    }

    it('a missing column', async () => {
      const report = await refused('mått;period;antal\nindividstod-brukare;2017-08;47\n', { query: '?layout=long' });
      expect(report.problems).toEqual([{ line: 1, column: 'värde', value: null, reason: 'Kolumnen "värde" finns inte i rubrikraden. Filens kolumner: mått, period, antal.' }]);
    });

    it('an unreadable value and an unreadable period, each with its row and column', async () => {
      const report = await refused('mått;period;värde\nindividstod-brukare;2017-08;sju\nindividstod-brukare;2017-13;7\n');
      expect(report.problems.map((p) => [p.line, p.column, p.value])).toEqual([
        [2, 'värde', 'sju'],
        [3, 'period', '2017-13'],
      ]);
      expect(report.count).toBe(2);
    });

    it('an unknown encoding', async () => {
      const report = await refused(volumes, { query: '?encoding=ebcdic' });
      expect(report.problems).toEqual([{ line: null, column: 'teckenkodning', value: 'ebcdic', reason: expect.stringContaining('Okänd teckenkodning "ebcdic"') }]);
    });

    it('a binary file, and a truncated one', async () => {
      const binary = await refused(Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x10, 0x41, 0x0a]));
      expect(binary.problems[0]!.reason).toBe('Filen innehåller binära data (nolltecken) och är ingen textfil.');
      const truncated = await refused('mått;period;värde\nindividstod-brukare;2017-08;"47');
      expect(truncated.problems[0]!.reason).toContain('filen är avkortad');
    });

    it('an .xlsx that is not one, and a workbook cut short', async () => {
      const notOne = await refused('mått;period;värde\nindividstod-brukare;2017-08;47\n', { fileName: 'volymer.xlsx' });
      expect(notOne.problems[0]!.reason).toContain('är ingen Excel-fil (.xlsx)');
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Volymer').addRows([['mått', 'period', 'värde'], ['individstod-brukare', '2017-08', 47]]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const cut = await refused(bytes.subarray(0, Math.floor(bytes.length / 2)), { fileName: 'volymer.xlsx' });
      expect(cut.problems[0]!.reason).toContain('är skadad eller avkortad');
    });

    it('a period outside the plan, and more than a hundred faults counted', async () => {
      const outside = await refused('mått;period;värde\nindividstod-brukare;2025-08;47\n');
      expect(outside.problems).toEqual([{ line: 2, column: 'period', value: '2025-08', reason: expect.stringContaining('Perioden aug 2025 ligger utanför planen timra-ifo-2018-2020 (2018–2020)') }]);
      const many = ['mått;period;värde', ...Array.from({ length: 150 }, (_, i) => `individstod-brukare;2017-08;x${i}`)].join('\n');
      const report = await refused(many);
      expect(report.count).toBe(150);
      expect(report.problems).toHaveLength(100);
    });
  });

  describe('the ledger', () => {
    const ledgerUrl = `/api/imports/ledger?mapping=timra-ifo&plan=${planKey}`;
    let ekonom: Client;

    beforeAll(async () => {
      ekonom = await api.as('ekonom-sn');
      const mapping = JSON.parse(demo('timra-ifo-mappning.json').toString('utf8'));
      const saved = await ekonom.request({ method: 'PUT', url: '/api/ledger-mappings/timra-ifo', payload: mapping });
      expect(saved.statusCode).toBe(201);
      expect(saved.headers.etag).toBe('"1"');
    });

    it('keeps the mapping as a file with a version: a change needs If-Match, a bad one is refused with its paths', async () => {
      const read = await ekonom.get('/api/ledger-mappings/timra-ifo');
      expect(read.json()).toMatchObject({ key: 'timra-ifo', municipality: '2262', rules: expect.any(Array) });
      const body = { ...read.json(), name: 'Timrå, IFO (ändrad)' };
      expect((await ekonom.request({ method: 'PUT', url: '/api/ledger-mappings/timra-ifo', payload: body })).statusCode).toBe(428);
      const changed = await ekonom.request({ method: 'PUT', url: '/api/ledger-mappings/timra-ifo', payload: body, headers: { 'if-match': '"1"' } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect((await ekonom.request({ method: 'PUT', url: '/api/ledger-mappings/timra-ifo', payload: body, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
      const bad = await ekonom.request({ method: 'PUT', url: '/api/ledger-mappings/timra-ifo', payload: { ...body, rules: [{ match: { responsibility: '72*1' }, target: { node: 'ifo-vuxna' } }] }, headers: { 'if-match': '"2"' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().problems[0].path).toContain('rules');
      expect((await ekonom.get('/api/ledger-mappings')).json().mappings).toEqual([expect.objectContaining({ key: 'timra-ifo', version: 2 })]);
    });

    it('previews the table per unit and month with what fell outside it, then imports and undoes', async () => {
      const before = await planText();
      const preview = await upload(ekonom, `${ledgerUrl}&dryRun=true`, demo('timra-ifo-2017-huvudbok.se'), 'huvudbok.se');
      expect(preview.statusCode).toBe(200);
      const ledger = preview.json().ledger;
      expect(ledger.units.map((unit: { label: string; table: string }) => [unit.label, unit.table])).toEqual([
        ['IFO, Barn o familj', 'rr-ifo-barn-o-familj'],
        ['IFO, Vuxna', 'rr-ifo-vuxna'],
        ['Försörjningsstöd, utbetaln', 'rr-forsorjningsstod-utbetaln'],
        ['EKB, Ensamkommande barn', 'rr-ekb'],
      ]);
      expect(ledger.units[0].months).toHaveLength(12);
      expect(ledger.outside.map((entry: { account: string }) => entry.account)).toEqual(['1510', '1930', '2540', '2910']);
      expect(ledger.booked).toBe('0');
      expect(await planText()).toBe(before);

      const done = await upload(ekonom, ledgerUrl, demo('timra-ifo-2017-huvudbok.se'), 'huvudbok.se');
      expect(done.statusCode).toBe(201);
      expect(done.json().import).toMatchObject({ kind: 'ledger', mapping: 'timra-ifo', sourceSystem: 'ekonomisystemet', importedBy: 'ekonom-sn' });
      const sources = (await ekonom.get(`/api/plans/${planKey}/figure-sources?item=budget-table`)).json().figures;
      expect(sources).toContainEqual(expect.objectContaining({ itemKey: 'rr-ifo-vuxna', rowKey: 'costs', columnKey: 'utfall-2017-08', source: 'ekonomisystemet', fileName: 'huvudbok.se' }));
      // A redaktör may not undo the economy's import; the ekonom may.
      expect((await redaktor.request({ method: 'POST', url: `/api/imports/${done.json().import.id}/undo` })).statusCode).toBe(403);
      expect((await ekonom.request({ method: 'POST', url: `/api/imports/${done.json().import.id}/undo` })).statusCode).toBe(200);
      expect(await planText()).toBe(before);
    });

    it('lists unmapped codes with their sums, and refuses a broken #TRANS with nothing written', async () => {
      const csv = 'Period;Ansvar;Verksamhet;Konto;Belopp\n2017-03;72100;5710;4610;1 000,00\n2017-03;99999;5710;4610;250,50\n2017-03;99999;5710;3590;-50,00\n';
      const preview = (await upload(ekonom, `${ledgerUrl}&dryRun=1`, csv, 'liten.csv')).json().ledger;
      expect(preview.unmapped).toEqual([{ codes: { responsibility: '99999', activity: '5710' }, income: '50', costs: '-250.5', entries: 2, firstLine: 3, accounts: ['3590', '4610'] }]);
      const before = await planText();
      const broken = await upload(ekonom, ledgerUrl, '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20170101 20171231\n#VER A 1 20170105 "Faktura"\n{\n#TRANS 4010 {1 "72100"} tolv\n#TRANS 2440 {} -12.00\n}\n', 'trasig.se');
      expect(broken.statusCode).toBe(400);
      expect(broken.json().details.problems[0]).toMatchObject({ line: 6, record: '#TRANS', column: 'belopp', value: 'tolv' });
      expect(await planText()).toBe(before);
    });
  });
});
