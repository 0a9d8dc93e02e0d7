/** Who may edit which demo plan: the same rule as the server, with the demo accounts and the demo plans' organisation. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/access.ts';
import { PlanFile } from '../domain/plan.ts';
import { demoUsers } from '../services/demo.ts';
import { planPermissions, type PlanPermissions } from './permissions.ts';

const demoPlan = (key: string) => PlanFile.parse(JSON.parse(readFileSync(new URL(`../../demo/${key}.json`, import.meta.url), 'utf8')));
const plans = { ifo: demoPlan('timra-ifo-2018-2020'), sn: demoPlan('timra-sn-2020-2022') }; // owner nodes ifo and sn
const sn = plans.sn;
const account = (username: string): Actor => {
  const user = demoUsers.find((u) => u.username === username)!;
  return { username: user.username, role: user.role, unitKey: user.unitKey };
};

const none: PlanPermissions = { content: false, economy: false, workflow: false, createPlan: false };

describe('plan permissions (behörigheter) of the demo accounts', () => {
  it.each([
    ['admin', 'ifo', { content: true, economy: true, workflow: true, createPlan: true }],
    ['admin', 'sn', { content: true, economy: true, workflow: true, createPlan: true }],
    ['redaktor', 'ifo', { ...none, content: true }],
    ['redaktor', 'sn', none],
    ['ekonom', 'ifo', { ...none, economy: true }],
    ['ekonom', 'sn', { ...none, economy: true }],
    ['ledning', 'ifo', { ...none, workflow: true, createPlan: true }],
    ['ledning', 'sn', { ...none, workflow: true, createPlan: true }],
    ['lasare', 'ifo', none],
    ['lasare', 'sn', none],
  ] as const)('%s on the %s plan', (username, plan, expected) => {
    expect(planPermissions(account(username), plans[plan])).toEqual(expected);
  });

  it('gives nothing when logged out or while the plan loads', () => {
    expect(planPermissions(null, sn)).toEqual(none);
    expect(planPermissions(account('admin'), null)).toEqual(none);
  });

  it('checks a part owned by another node against that node: redaktör (ifo) may edit an IFO table in the SN plan', () => {
    expect(planPermissions(account('redaktor'), sn, 'ifo').content).toBe(true);
    expect(planPermissions(account('redaktor'), sn, 'svo').content).toBe(false);
  });
});
