/** `styrkort check PLAN`: every printed figure that disagrees with what follows from the others. */
import { formatReconciliationReport, reconcilePlan } from '../domain/reconcile.ts';
import { exportPlan } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

export async function checkCommand(planKey: string, options: GlobalOptions & { onlyFindings?: boolean }): Promise<void> {
  const plan = await withDatabase(options, 'styrkort check', ({ db }) => exportPlan(db, planKey));
  const report = reconcilePlan(plan);
  for (const line of formatReconciliationReport(report, { confirmed: !options.onlyFindings })) console.log(line);
}
