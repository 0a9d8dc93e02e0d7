/**
 * Follow-up on the command line, on the demo plans in a fresh data directory: the scorecard,
 * year-end forecasts from the 2017 months, deviations with analyses, and the comparison of the
 * 2018 and 2020 plans. A copy of the 2020 plan with outcomes entered shows statuses computed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-follow-up-'));
const data = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli(['demo', '--data', data])).status).toBe(0);
});

describe('styrkort forecast', () => {
  it('forecasts the 2017 volumes from January–August, beside Plan 2017, the December outcome and "Prognos 2017 aug"', async () => {
    const result = await cli(['forecast', 'timra-ifo-2018-2020', '--as-of', '2017-08', '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Helårsprognos 2017 per aug 2017 för timra-ifo-2018-2020 (90 % intervall inom parentes)');
    expect(lines).toContain('Volym\tHittills\tPlan\ttakt hittills\tsäsong som i fjol\tlinjär trend\tsenaste värdet\tUtfall helår');
    expect(lines).toContain('Antal brukare individstöd (sista dagen i månaden)\t47\t65\t46,6 (43,6–49,7)\t–\t47,3 (42,3–52,2)\t47 (39,2–54,8)\t45');
    expect(lines).toContain('Antal Klienter HVB missbruksvård (årsplaceringar)\t2,6\t5\t4 (3–4,9)\t–\t2,7 (1,4–4)\t3,6 (1,3–5,9)\t5');
    expect(lines).toContain('  (säsong som i fjol: Historik saknas: månadsvärden för 2016 behövs)');
    expect(lines).toContain('  takt hittills\t3,78\t16,1 %\t58,3 %');
    expect(lines).toContain('IFO, Barn o familj nettokostnader\t-35 093 tkr\t-34 722 (Prognos 2017 aug)\t–\t–\t–\t–');
  });

  it('says so when a plan has no months, and refuses a month in the wrong form with exit code 2', async () => {
    const none = await cli(['forecast', 'timra-sn-2020-2022', '--data', data]);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('Planen timra-sn-2020-2022 har inga månadsutfall att göra prognos från.');
    const wrong = await cli(['forecast', 'timra-ifo-2018-2020', '--as-of', '2017', '--data', data]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('Fel: --as-of "2017" är ingen månad; ange ÅÅÅÅ-MM, t.ex. 2017-08\n');
  });
});

describe('styrkort diff', () => {
  it('shows goal 1:2 in the wording of each plan', async () => {
    const result = await cli(['diff', 'timra-ifo-2018-2020', 'timra-sn-2020-2022', '--data', data]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Jämförelse: timra-ifo-2018-2020 (2018–2020) → timra-sn-2020-2022 (2020–2022)');
    expect(lines).toContain('Mål: 2 ändrade, 0 tillagda, 19 borttagna, 15 oförändrade');
    const at = lines.indexOf('  Ändrat: 1:2 (kf-1:2)');
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '    text före:  Våra brukare inom äldreomsorgen och andra behövande känner sig trygga med den omsorg vi ger dem',
      '    text efter: Våra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem',
    ]);
    expect(lines).toContain('Styrtal: 0 ändrade, 19 tillagda, 0 borttagna, 0 oförändrade');
    expect(lines).toContain('  Tillagt: 1.2.1 Nöjd med hemtjänst — målvärden 2018: 90%, 2020: 80%');
    expect(lines).toContain('Volymer: 4 ändrade, 30 tillagda, 3 borttagna, 5 oförändrade');
  });

  it('says which plan does not exist', async () => {
    const result = await cli(['diff', 'timra-ifo-2018-2020', 'finns-inte', '--data', data]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Fel: Planen finns-inte finns inte\n');
  });
});

describe('styrkort status and deviations', () => {
  it('prints the 2020 scorecard of the demo: targets, no outcomes yet', async () => {
    const result = await cli(['status', 'timra-sn-2020-2022', '--period', '2020', '--data', data]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Styrkort för timra-sn-2020-2022, 2020 (mål: sämsta status avgör)');
    expect(lines).toContain('1.2.1\tNöjd med hemtjänst\t80%\t–\tinte mätt\tUtfall saknas för 2020');
    expect(lines).toContain('3.2.1\tDokumenterade processer\t100% på samtliga nivåer för i förväg utvalda processer\t–\tinte mätt\tMålvärdet bedöms för hand; utfall och bedömning saknas för 2020');
    expect(lines).toContain('Styrtal: 0 gröna, 0 gula, 0 röda, 19 inte mätta');
    const wrong = await cli(['status', 'timra-sn-2020-2022', '--period', '2020-13', '--data', data]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--period "2020-13" är ingen period');
  });

  it('computes statuses and deviations once outcomes and an analysis are entered', async () => {
    const exported = await cli(['export', 'timra-sn-2020-2022', '--format', 'json', '--data', data]);
    const plan = JSON.parse(exported.stdout);
    plan.plan = { ...plan.plan, key: 'timra-sn-2020-2022-uppfoljning', status: 'draft' };
    const outcomes: Record<string, string> = { 'st-1.2.1': '84', 'st-1.2.2': '70', 'st-2.3.2': '23/55/22 %' };
    for (const indicator of plan.indicators) if (outcomes[indicator.key]) indicator.actuals = [{ period: '2020', text: outcomes[indicator.key] }];
    // Satisfaction: higher is better, as the committee states it (the targets "80%" do not say; issue 12).
    for (const indicator of plan.indicators) if (indicator.key === 'st-1.2.1' || indicator.key === 'st-1.2.2') indicator.direction = 'higher-better';
    plan.analyses = [{ key: 'analys-st-1.2.2-2020', period: '2020', subject: 'st-1.2.2', text: '<p>Låg svarsfrekvens på två boenden.</p>', author: 'Verksamhetschef' }];
    const file = join(root, 'uppfoljning.json');
    writeFileSync(file, JSON.stringify(plan));
    expect((await cli(['import', file, '--data', data])).status).toBe(0);

    const status = await cli(['status', 'timra-sn-2020-2022-uppfoljning', '--data', data]);
    expect(status.status).toBe(0);
    const lines = status.stdout.split('\n');
    expect(lines).toContain('1.2.1\tNöjd med hemtjänst\t80%\t84\tgrön\tUtfall 84 % mot målvärde 80 %: uppfyllt');
    expect(lines).toContain('1.2.2\tNöjd med vård- och omsorgsboende\t80%\t70\tröd\tUtfall 70 % mot målvärde 80 %: inte uppfyllt, 10 procentenheter under');
    expect(lines).toContain('\t  del 1\t21 %\t23 %\tgul\tDel 1, utfall 23 % mot 21 %: nära målet, 2 procentenheter från målet (tolerans 1,05)');
    expect(lines).toContain('1:2\tVåra brukare/klienter/patienter inom socialförvaltningen ska vara nöjda med de insatser vi ger dem\tröd\tSämsta avgör: 1.2.2 är röd');
    expect(lines).toContain('Styrtal: 1 gröna, 1 gula, 1 röda, 16 inte mätta');

    const deviations = await cli(['deviations', 'timra-sn-2020-2022-uppfoljning', '--period', '2020', '--data', data]);
    expect(deviations.status).toBe(0);
    expect(deviations.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'Avvikelser för timra-sn-2020-2022-uppfoljning, 2020: 2 st',
        'röd\tstyrtal\t1.2.2 Nöjd med vård- och omsorgsboende\tUtfall 70 % mot målvärde 80 %: inte uppfyllt, 10 procentenheter under',
        '  Analys 2020: Låg svarsfrekvens på två boenden.',
        '  Analys 2020: saknas (skrivs som analys-st-2.3.2-2020)',
      ]),
    );
  });

  it('lists the deviations of August 2017 in the 2018 plan, worst first', async () => {
    const result = await cli(['deviations', 'timra-ifo-2018-2020', '--period', '2017-08', '--data', data]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Avvikelser för timra-ifo-2018-2020, aug 2017: 18 st');
    expect(lines[3]).toBe('röd\tvolym\tAntal ensamkommande barn i egen regi\tUtfall aug 2017 5 mot Plan 2017 20: 15 under (75 %)\tAnsvarig: Individ- och familjeomsorgen');
    expect(lines).toContain('röd\tvolym\tAntal brukare individstöd (sista dagen i månaden)\tUtfall aug 2017 47 mot Plan 2017 65: 18 under (27,7 %)\tAnsvarig: Individ- och familjeomsorgen');
  });

  // The database keeps an outcome's period, text and source; status, justification and reference
  // need src/db/plan-mapping.ts to store them too (reported to the lead, not this file's owner).
});
