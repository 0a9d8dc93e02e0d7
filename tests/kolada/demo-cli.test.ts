/**
 * `styrkort demo` with Kolada, as a fresh clone's user gets it: the demo plans, the real files in
 * demo/kolada and the demo's links; then `styrkort kolada links` prints Timrå's N31807 for 2022
 * against "Liknande kommuner ekonomiskt bistånd" and the country, and a second `demo` changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-kolada-demo-'));
const data = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('styrkort demo with Kolada', () => {
  it('loads the Kolada demo once and prints the linked comparisons of a plan', async () => {
    const first = await cli(['demo', '--data', data], { STYRKORT_DEMO_KOLADA: '' });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Kolada: 25323 värden inlästa från demo/kolada (Källa: Kolada)');
    expect(first.stdout).toContain('Kolada: 3 volymmått kopplade till nyckeltal');
    const again = await cli(['demo', '--data', data], { STYRKORT_DEMO_KOLADA: '' });
    expect(again.stdout).not.toContain('Kolada:');

    const links = await cli(['kolada', 'links', 'timra-sn-2020-2022', '--year', '2022', '--data', data]);
    expect(links.stderr).toBe('');
    const lines = links.stdout.split('\n');
    expect(lines[0]).toBe('Mått\tNyckeltal\tÅr\tKommunen\tGruppens medelvärde (ovägt)\tJämförelsegrupp\tRiket\tKälla');
    expect(lines).toContain(
      'Antal hushåll med försörjningsstöd (volym hushall-forsorjningsstod)\tN31807 Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.\t2022\t2,900755\t3,338674\tLiknande kommuner ekonomiskt bistånd, Timrå, 2022\t2,850348\tKälla: Kolada, publicerad 2025-02-22',
    );
    expect(lines.find((line) => line.startsWith('Antal HVB-placeringar barn och unga (årsplaceringar)'))).toContain('(kvinnor)\t2022\t3,528226\t3,799002\tLiknande kommuner IFO, Timrå, 2022\t2,40294');
  }, 300_000);
});
