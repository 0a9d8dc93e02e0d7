/**
 * What a round asks of each organisation node (uppdrag per nod): the items the node owns, by the
 * round's template. A deviation's analysis belongs to the node of what deviates (a volume or
 * budget table's node; an indicator's goal's node); a goal to its node; an activity or a service
 * declaration to its node; anything without a node to the plan's owner. Free sections go to
 * every node that has something else to write (or to the owner when nobody has).
 */
import { findDeviations, type Deviation } from '../deviations.ts';
import { yearOf } from '../period.ts';
import type { PlanFile } from '../plan.ts';
import { parseTarget } from '../target.ts';
import { asks, type RoundTemplate } from './template.ts';

export const itemKinds = ['analysis', 'indicator', 'goal', 'activity', 'service-declaration', 'section'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** One thing a node is asked to write, e.g. the analysis of a deviation, or "Viktiga händelser". */
export interface AssignmentItem {
  /** "analysis:rr-ifo-vuxna", "goal:ifo-1:2-1", "section:framtid": unique within an assignment. */
  key: string;
  kind: ItemKind;
  /** What it is about: the deviation's subject, the goal, indicator, activity, declaration or section key. */
  subject: string;
  /** As the page and the report name it: "IFO, Vuxna", "1.2.1 Nöjd med hemtjänsten". */
  label: string;
}

export interface NodeItems {
  node: string;
  items: AssignmentItem[];
}

/** The key of an item: its kind and subject. */
export function itemKey(kind: ItemKind, subject: string): string {
  return `${kind}:${subject}`;
}

/** Every node's items for a round of a plan and period, nodes in the organisation's order. */
export function assignmentItems(plan: PlanFile, options: { period: string; template: RoundTemplate }): NodeItems[] {
  const { period, template } = options;
  const owner = plan.plan.ownerNode;
  const goalNode = new Map(plan.goals.map((goal) => [goal.key, goal.node ?? owner]));
  const byNode = new Map<string, AssignmentItem[]>();
  const add = (node: string, kind: ItemKind, subject: string, label: string) => {
    const items = byNode.get(node) ?? [];
    if (!items.some((item) => item.key === itemKey(kind, subject))) items.push({ key: itemKey(kind, subject), kind, subject, label });
    byNode.set(node, items);
  };

  if (asks(template, 'deviation-analyses')) {
    for (const deviation of findDeviations(plan, { period }).deviations) add(deviationNode(plan, deviation, goalNode), 'analysis', deviation.subject, subjectLabel(plan, deviation));
  }
  if (asks(template, 'qualitative-targets')) {
    const year = yearOf(period);
    for (const indicator of plan.indicators) {
      const target = indicator.targets.find((entry) => entry.year === year);
      if (target && parseTarget(target.text).kind === 'qualitative') add(indicator.goal ? (goalNode.get(indicator.goal) ?? owner) : owner, 'indicator', indicator.key, `${indicator.number} ${indicator.name}`);
    }
  }
  if (asks(template, 'goal-assessments')) {
    const measured = new Set(plan.indicators.map((indicator) => indicator.goal));
    for (const goal of plan.goals) {
      // A municipal goal is the council's; the committee assesses it only where its plan measures it.
      if (goal.level === 'municipal' && !goal.node && !measured.has(goal.key)) continue;
      add(goal.node ?? owner, 'goal', goal.key, [goal.number, goal.text].filter(Boolean).join(' '));
    }
  }
  if (asks(template, 'activities')) {
    for (const activity of plan.activities) add(activity.node ?? owner, 'activity', activity.key, activity.name);
  }
  if (asks(template, 'service-declarations')) {
    for (const declaration of plan.serviceDeclarations) add(declaration.node ?? owner, 'service-declaration', declaration.key, `${declaration.label}: ${declaration.name}`);
  }
  if (template.sections.length > 0) {
    const writers = byNode.size > 0 ? [...byNode.keys()] : [owner];
    for (const node of writers) for (const section of template.sections) add(node, 'section', section.key, section.heading);
  }

  const order = new Map(plan.organisation.map((node, index) => [node.key, index]));
  return [...byNode.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER))
    .map(([node, items]) => ({ node, items }));
}

function deviationNode(plan: PlanFile, deviation: Deviation, goalNode: Map<string, string>): string {
  const owner = plan.plan.ownerNode;
  if (deviation.kind === 'budget') return plan.budgetTables.find((table) => table.key === deviation.subject)?.node ?? owner;
  if (deviation.kind === 'volume') return plan.volumeTables.find((table) => table.rows.some((row) => row.key === deviation.subject))?.node ?? owner;
  const goal = plan.indicators.find((indicator) => indicator.key === deviation.subject)?.goal;
  return goal ? (goalNode.get(goal) ?? owner) : owner;
}

/** A deviation's subject as a heading: a budget table by its heading or node, not by one line of it. */
function subjectLabel(plan: PlanFile, deviation: Deviation): string {
  if (deviation.kind === 'budget') {
    const table = plan.budgetTables.find((candidate) => candidate.key === deviation.subject);
    return table?.heading ?? plan.organisation.find((node) => node.key === table?.node)?.name ?? deviation.label;
  }
  if (deviation.kind === 'indicator') {
    const indicator = plan.indicators.find((candidate) => candidate.key === deviation.subject);
    return indicator ? `${indicator.number} ${indicator.name}` : deviation.label;
  }
  return deviation.label;
}
