/**
 * `styrkort round open` and `styrkort round status` on the demo plans in a fresh data directory,
 * with the clock set by STYRKORT_NOW: the IFO delårsrapport 2017-08 opened with its assignments,
 * its status before and after the deadline, and bad input refused in Swedish with nothing opened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'styrkort-round-cli-'));
const data = join(root, 'data');
const at = (time: string) => ({ STYRKORT_NOW: time });
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli(['demo', '--data', data])).status).toBe(0);
});

describe('styrkort round', () => {
  it('refuses a deadline in the past, a period outside the plan and a period in the wrong form, opening nothing', async () => {
    const past = await cli(['round', 'open', 'timra-ifo-2018-2020', '--period', '2017-08', '--deadline', '2017-08-31', '--data', data], at('2017-09-01T09:00:00+02:00'));
    expect(past.status).toBe(1);
    expect(past.stderr).toContain('Fel: Omgången kan inte öppnas (1 fel); ingenting har sparats');
    expect(past.stderr).toContain('$.deadline: Sista dag 31 augusti 2017 har redan passerat (i dag är det 1 september 2017)');
    const outside = await cli(['round', 'open', 'timra-ifo-2018-2020', '--period', '2030-T1', '--deadline', '2030-05-15', '--data', data]);
    expect(outside.status).toBe(1);
    expect(outside.stderr).toContain('$.period: Perioden 2030-T1 ligger utanför planen timra-ifo-2018-2020, som följer upp 2015–2020');
    const wrong = await cli(['round', 'open', 'timra-ifo-2018-2020', '--period', 'augusti', '--deadline', '2017-09-15', '--data', data]);
    expect(wrong.status).toBe(2);
    const none = await cli(['round', 'status', 'timra-ifo-2018-2020', '--period', '2017-08', '--data', data]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe('Fel: Planen timra-ifo-2018-2020 har ingen uppföljningsomgång för aug 2017\n');
  });

  it('opens the delårsrapport 2017-08 with an assignment per node and its responsible', async () => {
    const result = await cli(['round', 'open', 'timra-ifo-2018-2020', '--period', '2017-08', '--deadline', '2017-09-15', '--owner', 'ledning', '--data', data], at('2017-09-01T09:00:00+02:00'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'Omgången är öppnad: Delårsrapport januari–augusti 2017, sista dag 15 september 2017, 5 uppdrag.',
      'Nod\tAnsvarig\tStatus\tSaknas',
      'Individ- och familjeomsorgen\tDemo: redaktör IFO\tInte påbörjad\t41 av 41',
      'IFO, Barn o familj\tDemo: enhetschef IFO Barn o familj\tInte påbörjad\t3 av 3',
      'IFO, Vuxna\tDemo: enhetschef IFO Vuxna\tInte påbörjad\t3 av 3',
      'Försörjningsstöd, utbetaln\tDemo: redaktör IFO\tInte påbörjad\t3 av 3',
      'EKB, Ensamkommande barn\tDemo: redaktör IFO\tInte påbörjad\t3 av 3',
      '',
    ]);
  });

  it('prints where each node stands, late ones marked once the deadline has passed', async () => {
    const before = await cli(['round', 'status', 'timra-ifo-2018-2020', '--period', '2017-08', '--data', data], at('2017-09-10T09:00:00+02:00'));
    expect(before.stdout.split('\n')[0]).toBe('Delårsrapport januari–augusti 2017 – timra-ifo-2018-2020: öppen, sista dag 15 september 2017 (i dag 10 september 2017); 0 av 5 klara');
    const after = await cli(['round', 'status', 'timra-ifo-2018-2020', '--period', '2017-08', '--data', data], at('2017-09-16T09:00:00+02:00'));
    expect(after.stdout.split('\n')[0]).toContain('0 av 5 klara, 5 försenade');
    expect(after.stdout).toContain('IFO, Vuxna\tDemo: enhetschef IFO Vuxna\tInte påbörjad – FÖRSENAD\t3 av 3');
  });
});
