/**
 * The `styrkort` command as a user runs it: demo, plans, export, import, usage errors and exit
 * codes, and the embedded database being one process's at a time. Commands run in this process
 * through the command line's own entry point (tests/helpers/cli.ts); help, usage errors, the
 * server and the second process on a data directory run as real processes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, runCli, startServer } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('styrkort command line', () => {
  it('prints help and exits 0; wrong usage exits 2 with a Swedish message', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('serve');
    expect(help.stdout).toContain('check');
    // The exit status as the shell sees it, from the real command in a process of its own.
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Fel: unknown command 'frobnicate'");
    const badFormat = await cli(['export', 'timra-sn-2020-2022', '--format', 'odt', '--data', join(root, 'unused')]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('Okänt format "odt"');
  });

  it('loads the demo once, lists both plans, and exports a plan that imports back identically', async () => {
    const data = join(root, 'demo');
    const first = await cli(['demo', '--data', data]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('Inläst: timra-ifo-2018-2020\nInläst: timra-sn-2020-2022\n');
    const again = await cli(['demo'], { STYRKORT_DATA: data });
    expect(again.stdout).toContain('Finns redan: timra-sn-2020-2022 (inget ändrat)');

    const plans = await cli(['plans', '--data', data]);
    expect(plans.status).toBe(0);
    expect(plans.stdout).toMatch(/^timra-ifo-2018-2020\t2018–2020\tfastställd\tTimrå kommun\t/m);
    expect(plans.stdout).toMatch(/^timra-sn-2020-2022\t2020–2022\tfastställd\tTimrå kommun\tVerksamhetsplan 2020-2022, Socialnämnden$/m);

    const exported = await cli(['export', 'timra-sn-2020-2022', '--format', 'json', '--data', data]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('"194(-9)"');
    expect(exported.stdout).toContain('Maritza Villanueva Contreras');

    const copyDir = join(root, 'copy');
    const file = join(root, 'sn.json');
    writeFileSync(file, exported.stdout);
    expect((await cli(['import', file, '--data', copyDir])).status).toBe(0);
    const out = join(root, 'sn-again.json');
    expect((await cli(['export', 'timra-sn-2020-2022', '--format', 'json', '--out', out, '--data', copyDir])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(exported.stdout);
  });

  it('reconciles the demo plans: the 202 tkr gap and the roundings in 2018, confirmed totals in 2020', async () => {
    const data = join(root, 'demo');
    const ifo = await cli(['check', 'timra-ifo-2018-2020', '--only-findings', '--data', data]);
    expect(ifo.status).toBe(0);
    expect(ifo.stdout).toContain('AVVIKELSE  rr-ifo  Budget 2018  Nettokostnader: delarna summerar till -71 178 tkr, totalen är -70 976 tkr (skillnad 202 tkr)');
    expect(ifo.stdout).toContain('AVRUNDNING  rr-ifo  Redovisat 2016  Nettokostnader: netto -65 594 tkr, intäkter + kostnader ger -65 593 tkr (skillnad 1 tkr)');
    expect(ifo.stdout).toContain('NOTERING  rr-ekb  EKB, Ensamkommande barn: ingår inte i IFO (rr-ifo): (EKB Ingår ej i IFO:s budget)');
    expect(ifo.stdout).not.toContain('STÄMMER');
    const sn = await cli(['check', 'timra-sn-2020-2022', '--data', data]);
    expect(sn.stdout).toContain('STÄMMER  sn-driftbudget  Budget 2020  Nettokostnader: netto -449 380 tkr, intäkter + kostnader ger -449 380 tkr');
    expect(sn.stdout).toContain('STÄMMER  sn-investeringar  Total investering  Summa investeringar: kolumnsummorna ger 19 000 tkr, totalen är 19 000 tkr');
    expect(sn.stdout).toMatch(/timra-sn-2020-2022: 8 kontroller stämmer exakt; 0 avvikelser, 0 avrundningar, 1 notering\n$/);
  });

  it('refuses a broken plan file with each problem and its path, exit 1, nothing written', async () => {
    const data = join(root, 'broken');
    const file = join(root, 'broken.json');
    writeFileSync(file, JSON.stringify({ format: 'styrkort-plan', formatVersion: 1, municipality: { code: '22', name: 'Timrå kommun' } }));
    const result = await cli(['import', file, '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Fel: Planfilen har');
    expect(result.stderr).toContain('$.municipality.code: Kommunkoden har fyra siffror');
    expect(result.stderr).toContain('$.plan: Obligatoriskt fält saknas');
    expect((await cli(['plans', '--data', data])).stdout).toContain('Inga planer');
    writeFileSync(file, '{ "format": ');
    const syntax = await cli(['import', file, '--data', data]);
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toContain('Fel: Filen är inte giltig JSON');
  });

  it('manages accounts: demo accounts exist, add with STYRKORT_PASSWORD, list, change password, clear refusals', async () => {
    const data = join(root, 'demo');
    const added = await cli(['user', 'add', 'anna', '--role', 'redaktör', '--unit', 'ifo', '--data', data], { STYRKORT_PASSWORD: 'ett-långt-lösenord' });
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('Skapade anna (redaktör, ifo)\n');
    const list = (await cli(['user', 'list', '--data', data])).stdout;
    expect(list).toContain('admin\tadmin\thela kommunen\tdemo');
    expect(list).toContain('anna\tredaktör\t2262/ifo\n');
    expect((await cli(['user', 'passwd', 'anna', '--data', data], { STYRKORT_PASSWORD: 'ett-annat-långt-lösenord' })).stdout).toContain('Bytte lösenord för anna');
    const short = await cli(['user', 'add', 'bo', '--role', 'läsare', '--data', data], { STYRKORT_PASSWORD: 'kort' });
    expect(short.status).toBe(1);
    expect(short.stderr).toBe('Fel: Lösenordet måste ha minst 12 tecken\n  $.password: Minst 12 tecken\n');
    const noPassword = await cli(['user', 'add', 'bo', '--role', 'läsare', '--data', data]);
    expect(noPassword.status).toBe(2);
    expect((await cli(['user', 'add', 'bo', '--role', 'kung', '--data', data], { STYRKORT_PASSWORD: 'ett-långt-lösenord' })).stderr).toContain('Okänd roll "kung"');
  });

  it('rolls a plan over into the next period, with a preview first', async () => {
    const data = join(root, 'demo');
    const preview = await cli(['rollover', 'timra-sn-2020-2022', '--to', '2021-2023', '--preview', '--data', data]);
    expect(preview.stdout).toContain('Förhandsvisning: timra-sn-2021-2023 (2021–2023) från timra-sn-2020-2022');
    expect(preview.stdout).toContain('  kopieras: indicators 19');
    expect((await cli(['plans', '--data', data])).stdout).not.toContain('timra-sn-2021-2023');
    const created = await cli(['rollover', 'timra-sn-2020-2022', '--to', '2021-2023', '--data', data]);
    expect(created.status).toBe(0);
    expect((await cli(['plans', '--data', data])).stdout).toMatch(/^timra-sn-2021-2023\t2021–2023\tutkast\t/m);
    expect((await cli(['rollover', 'timra-sn-2020-2022', '--to', '2021', '--data', data])).stderr).toContain('Ange den nya perioden som ÅÅÅÅ-ÅÅÅÅ');
  });

  it('says so when a plan does not exist', async () => {
    const result = await cli(['export', 'finns-inte', '--format', 'json', '--data', join(root, 'demo')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Fel: Planen finns-inte finns inte\n');
  });

  it('serves the demo, and a second process on the same data directory is told and touches nothing', async () => {
    const data = join(root, 'served');
    const server = await startServer(['--port', '0', '--data', data]);
    try {
      expect(server.output()).toContain('Demoplan inläst: timra-sn-2020-2022');
      const blocked = runCli(['import', join(root, 'sn.json'), '--data', data]);
      expect(blocked.status).toBe(1);
      expect(blocked.stderr).toMatch(/Datakatalogen används redan av en annan process \(styrkort serve \(port 0\), pid \d+/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect((await cli(['plans', '--data', data])).status).toBe(0);
  });
});
