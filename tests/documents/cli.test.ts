/**
 * Documents from the command line, as a user makes them: every format of both demo plans, the
 * follow-up report for the 2017 monthly data of the 2018–2020 plan, and clear refusals.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-dokument-'));
const data = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('styrkort export and report', () => {
  beforeAll(async () => {
    expect((await cli(['demo', '--data', data])).status).toBe(0);
  });

  // Each command opens the embedded database (seconds): one format per plan here; every format of
  // both plans is rendered through the service in the other document tests.
  it.each([
    ['timra-ifo-2018-2020', 'pdf', '%PDF-'],
    ['timra-sn-2020-2022', 'docx', 'PK'],
  ])('exports %s as %s', async (plan, format, magic) => {
    const out = join(root, `${plan}.${format}`);
    const result = await cli(['export', plan, '--format', format, '--out', out, '--data', data]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Skrev ${out}`);
    expect(statSync(out).size).toBeGreaterThan(10_000);
    expect(readFileSync(out).subarray(0, magic.length).toString()).toBe(magic);
  });

  it('writes the 2017-08 follow-up of the 2018–2020 plan, to standard output when it is piped', async () => {
    // Standard output is not a terminal here, as when it is piped (tests/helpers/cli.ts).
    const result = await cli(['report', 'timra-ifo-2018-2020', '--period', '2017-08', '--format', 'html', '--data', data]);
    expect(result.status, result.stderr).toBe(0);
    const html = result.stdout;
    expect(html).toContain('<h1>Delårsrapport januari–augusti 2017</h1>');
    expect(html).toMatch(/<th scope="row"[^>]*>IFO, Vuxna nettokostnader<\/th><td class="num">-34 201<\/td>/);
  });

  it('refuses an unknown format or period with exit code 2, before opening the database', async () => {
    const format = await cli(['report', 'timra-ifo-2018-2020', '--period', '2017-08', '--format', 'odt', '--data', data]);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Okänt format "odt". Tillgängliga format: pdf, docx, xlsx, html');
    const period = await cli(['report', 'timra-ifo-2018-2020', '--period', 'augusti', '--format', 'pdf', '--data', data]);
    expect(period.status).toBe(2);
    expect(period.stderr).toContain('Perioden "augusti" anges som ÅÅÅÅ');
  });
});
