/**
 * The start page's grouping, as a pure function: each municipality, its committees (nämnder) and
 * the plans under each committee (a plan belongs to the committee above its owner node).
 */
import type { OrganisationEntry, PlanSummary } from './api.ts';

export interface CommitteeView {
  key: string;
  name: string;
  plans: PlanSummary[];
}

export interface MunicipalityView {
  code: string;
  name: string;
  committees: CommitteeView[];
  /** Plans whose owner is under no committee (the council, an office). */
  otherPlans: PlanSummary[];
}

const byPeriodThenTitle = (a: PlanSummary, b: PlanSummary) => b.period.start - a.period.start || a.title.localeCompare(b.title, 'sv');

export function groupPlans(plans: PlanSummary[], organisation: OrganisationEntry[]): MunicipalityView[] {
  const nodes = new Map(organisation.map((entry) => [entry.node.key, entry]));
  const committeeOf = (key: string): string | null => {
    const seen = new Set<string>();
    for (let entry = nodes.get(key); entry && !seen.has(entry.node.key); entry = entry.node.parent ? nodes.get(entry.node.parent) : undefined) {
      seen.add(entry.node.key);
      if (entry.node.kind === 'committee') return entry.node.key;
    }
    return null;
  };
  const municipalities = new Map<string, MunicipalityView>();
  const municipality = (code: string, name: string) => {
    let view = municipalities.get(code);
    if (!view) {
      view = { code, name, committees: [], otherPlans: [] };
      municipalities.set(code, view);
    }
    return view;
  };
  for (const plan of plans) municipality(plan.municipality.code, plan.municipality.name);
  for (const entry of organisation) {
    if (entry.node.kind === 'municipality') municipality(entry.municipality, entry.node.name);
  }
  for (const entry of organisation) {
    if (entry.node.kind !== 'committee') continue;
    const view = municipalities.get(entry.municipality);
    view?.committees.push({ key: entry.node.key, name: entry.node.name, plans: [] });
  }
  for (const plan of [...plans].sort(byPeriodThenTitle)) {
    const view = municipality(plan.municipality.code, plan.municipality.name);
    const committee = committeeOf(plan.owner);
    const target = view.committees.find((c) => c.key === committee);
    if (target) target.plans.push(plan);
    else view.otherPlans.push(plan);
  }
  return [...municipalities.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
