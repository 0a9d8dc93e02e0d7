/** `styrkort plans`: one line per plan. */
import { listPlans } from '../services/plan-service.ts';
import { withDatabase, type GlobalOptions } from './context.ts';

const statusNames: Record<string, string> = { draft: 'utkast', submitted: 'inlämnad', adopted: 'fastställd', archived: 'arkiverad' };

export async function plansCommand(options: GlobalOptions): Promise<void> {
  const plans = await withDatabase(options, 'styrkort plans', ({ db }) => listPlans(db));
  if (plans.length === 0) {
    console.log('Inga planer. Läs in demoplanerna med "styrkort demo" eller en planfil med "styrkort import FIL".');
    return;
  }
  for (const plan of plans) {
    const title = plan.subtitle ? `${plan.title}, ${plan.subtitle}` : plan.title;
    console.log(`${plan.key}\t${plan.periodStart}–${plan.periodEnd}\t${statusNames[plan.status] ?? plan.status}\t${plan.municipalityName}\t${title}`);
  }
}
