/**
 * The plan's status rule is stored with the plan on both engines: a plan with Helsingborg's banded
 * legend exports exactly as imported, a plan without one has no such field, and the rule can be
 * changed on the plan head like its other fields.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { PlanFile, type StatusRule } from '../../src/domain/plan.ts';
import { exportPlan, importPlan, planFileText } from '../../src/services/plan-service.ts';
import { updatePlanHead } from '../../src/services/workflow-service.ts';
import { engines, freshDatabase } from '../helpers/databases.ts';
import { aPlan } from '../helpers/plan-builder.ts';

const context = { actor: 'test', source: 'test' };
// Helsingborgs stad, årsredovisning 2016: "Uppfyllelse 100 procent / 91–99 procent / 90 procent eller lägre".
const helsingborg: StatusRule = { kind: 'fulfilment-bands', greenFrom: '100', yellowFrom: '91', rounding: 'whole-down', source: 'https://arsredovisning.helsingborg.se/' };

describe.each(engines)('the status rule stored with the plan on %s', (engine) => {
  let database: Database;
  beforeEach(async () => {
    database = await freshDatabase(engine);
  });
  afterEach(async () => {
    await database.close();
  });

  it('round-trips a plan with a rule byte for byte, and one without leaves the field out', async () => {
    const banded = aPlan({ plan: { key: 'banded', statusRule: helsingborg } });
    await importPlan(database.db, banded, context);
    const exported = await exportPlan(database.db, 'banded');
    expect(exported.plan.statusRule).toEqual(helsingborg);
    expect(planFileText(exported)).toBe(planFileText(PlanFile.parse(banded)));

    await importPlan(database.db, aPlan(), context);
    const plain = planFileText(await exportPlan(database.db, 'test-plan-2020-2022'));
    expect(plain).not.toContain('statusRule');
    expect(plain).toBe(planFileText(PlanFile.parse(aPlan())));
  });

  it('changes the rule on the plan head, and null returns to the tolerance rule', async () => {
    await importPlan(database.db, aPlan({ plan: { status: 'draft' } }), context);
    const version = await updatePlanHead(database.db, { planKey: 'test-plan-2020-2022', body: { statusRule: { kind: 'binary' } }, ifMatch: 1, actor: 'test' });
    expect((await exportPlan(database.db, 'test-plan-2020-2022')).plan.statusRule).toEqual({ kind: 'binary' });
    await updatePlanHead(database.db, { planKey: 'test-plan-2020-2022', body: { statusRule: null }, ifMatch: version, actor: 'test' });
    expect((await exportPlan(database.db, 'test-plan-2020-2022')).plan.statusRule).toBeUndefined();
  });
});
