/**
 * `styrkort kolada …` as a user runs it, in a fresh data directory: import of demo/kolada (and a
 * second import that changes nothing), compare printed in Swedish with sv-SE figures (the answer
 * the issue asks for: Timrå, N31807, 2022), sync against the local Kolada server through
 * STYRKORT_KOLADA_URL, and usage errors with exit code 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { FakeKolada } from './fake-kolada.ts';
import { sharedKoladaDir } from './shared-files.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-kolada-'));
const data = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('styrkort kolada', () => {
  beforeAll(async () => {
    const result = await cli(['kolada', 'import', sharedKoladaDir, '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('ddf-raw-n31807-by-geo-year.csv: värden 9037');
    expect(result.stdout).toContain('värden: 25323 nya, 0 ändrade, 0 oförändrade');
  });

  it('imports the same files again without changing anything', async () => {
    const again = await cli(['kolada', 'import', sharedKoladaDir, '--data', data]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('värden: 0 nya, 0 ändrade, 25323 oförändrade');
  });

  it('prints Timrå against "Liknande kommuner IFO" and the country for N31807 in 2022', async () => {
    const result = await cli(['kolada', 'compare', 'N31807', '--year', '2022', '--municipality', '2262', '--group', 'Liknande kommuner IFO', '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('N31807 Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef., 2022');
    expect(lines[1]).toBe('Timrå (2262) jämförd med Liknande kommuner IFO, Timrå, 2022 (G36671; 7 kommuner) och riket');
    expect(lines[2]).toBe('Källa: Kolada (nyckeltalet publicerat 2025-02-22). Medelvärde, kvartiler och plats är beräknade av Styrkort ur Koladas värden.');
    expect(lines.slice(4, 15)).toEqual([
      'Mått\tKön\tVärde',
      'Timrå\ttotalt\t2,900755',
      'Gruppens medelvärde (ovägt)\ttotalt\t2,783284',
      'Gruppens minsta\ttotalt\t1,997933',
      'Nedre kvartil\ttotalt\t2,238621',
      'Median\ttotalt\t2,562987',
      'Övre kvartil\ttotalt\t2,906804',
      'Gruppens största\ttotalt\t4,631218',
      'Timrås plats i gruppen\ttotalt\t6 av 8',
      'Kommuner med värde\ttotalt\t7 av 7',
      'Riket\ttotalt\t2,850348',
    ]);
    expect(lines).toContain('Plats: lägst värde = plats 1; lika värden delar plats. Kvartiler med linjär interpolation (som KVARTIL.INK).');
    expect(lines).toContain('6\tTimrå (2262) ◀\t2,900755');
  });

  it('prints a KPI split by gender per gender, with thousands separated (N30101 is kr per inhabitant)', async () => {
    const byGender = await cli(['kolada', 'compare', 'N33816', '--year', '2019', '--municipality', 'Timrå', '--group', 'IFO', '--data', data]);
    expect(byGender.status).toBe(0);
    expect(byGender.stdout).toContain('Timrå\tkvinnor\t4,882813');
    expect(byGender.stdout).toContain('Kommuner med värde\tkvinnor\t4 av 7 (saknas: Gnesta, Simrishamn, Mora)');
    expect(byGender.stdout).toContain('Timrå\tmän\t8,873114');
    expect(byGender.stdout).toContain('Inga värden 2019 för: totalt');
    const cost = await cli(['kolada', 'compare', 'N30101', '--year', '2022', '--municipality', '2262', '--data', data]);
    expect(cost.stdout).toContain('Timrå\ttotalt\t6 277,458601');
  });

  it('refuses wrong usage with exit code 2 and a broken file with its line, exit code 1', async () => {
    expect((await cli(['kolada', 'compare', 'N31807', '--year', '22', '--data', data])).status).toBe(2);
    expect((await cli(['kolada', 'compare', 'N31807', '--year', '2022', '--gender', 'X', '--municipality', '2262', '--data', data])).status).toBe(2);
    expect((await cli(['kolada', 'sync', '--since', 'igår', '--data', data])).status).toBe(2);
    const noMunicipality = await cli(['kolada', 'compare', 'N31807', '--year', '2022', '--data', data]);
    expect(noMunicipality.status).toBe(2);
    expect(noMunicipality.stderr).toContain('Ange kommunen med --municipality');
    const file = join(root, 'trasig.csv');
    writeFileSync(file, 'geo,year,n31807\n2262,2023,3.1\n2262,2023,tre\n');
    const broken = await cli(['kolada', 'import', file, '--data', data]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('Fel: Kolada-filerna har 1 fel; ingenting har sparats');
    expect(broken.stderr).toContain(`${file}:3: värdet för N31807 ska vara ett tal med punkt som decimaltecken, eller tomt; fick "tre"`);
  });

  it('syncs from the Kolada address in STYRKORT_KOLADA_URL', async () => {
    const kolada = await new FakeKolada(5000).start();
    try {
      const syncData = join(root, 'sync-data');
      const done = await cli(['kolada', 'sync', '--kpi', 'N31807', '--municipality', '2262', '--data', syncData], { STYRKORT_KOLADA_URL: kolada.url });
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      expect(done.stdout).toContain(`Hämtar från ${kolada.url} …`);
      expect(done.stdout).toMatch(/Klar: 1 nyckeltal för \d+ kommuner; värden \d+ nya/);
      const compare = await cli(['kolada', 'compare', 'N31807', '--year', '2022', '--municipality', '2262', '--group', 'IFO', '--data', syncData]);
      expect(compare.stdout).toContain('Gruppens medelvärde (ovägt)\ttotalt\t2,783284');
    } finally {
      await kolada.stop();
    }
  });
});
