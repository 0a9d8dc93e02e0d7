/**
 * The parts of a plan that can be listed, read, created, changed and deleted one by one, with the
 * schema that validates each and who may edit them: content (redaktör) or economy (ekonom).
 */
import type { z } from 'zod';
import { editGroupOf, type EditGroup } from './item-ownership.ts';
import {
  Activity,
  ActivityTable,
  Analysis,
  BudgetTable,
  CapitalBudget,
  Footnote,
  Goal,
  Indicator,
  OfficeHolder,
  Outlook,
  Perspective,
  Section,
  ServiceDeclaration,
  Strategy,
  VolumeTable,
  type PlanFile,
} from './plan.ts';

export type { EditGroup } from './item-ownership.ts';

export interface PlanPart {
  /** URL segment: /api/plans/{plan}/{segment}/{key}. */
  segment: string;
  field: keyof PlanFile & string;
  /** The stored item type (plan_items.item_type); goals are stored in goals/goal_texts instead. */
  itemType: string;
  /** Singular Swedish noun for messages. */
  noun: string;
  schema: z.ZodType;
  keyOf(item: Record<string, unknown>): string;
  editGroup: EditGroup;
}

const byKey = (item: Record<string, unknown>) => String(item.key);

export const planParts: PlanPart[] = [
  { segment: 'perspectives', itemType: 'perspective', field: 'perspectives', noun: 'perspektiv', schema: Perspective, keyOf: (item) => String(item.number), editGroup: editGroupOf('perspectives') },
  { segment: 'goals', itemType: 'goal', field: 'goals', noun: 'mål', schema: Goal, keyOf: byKey, editGroup: editGroupOf('goals') },
  { segment: 'indicators', itemType: 'indicator', field: 'indicators', noun: 'styrtal', schema: Indicator, keyOf: byKey, editGroup: editGroupOf('indicators') },
  { segment: 'strategies', itemType: 'strategy', field: 'strategies', noun: 'strategi', schema: Strategy, keyOf: byKey, editGroup: editGroupOf('strategies') },
  { segment: 'activity-tables', itemType: 'activity-table', field: 'activityTables', noun: 'aktivitetstabell', schema: ActivityTable, keyOf: byKey, editGroup: editGroupOf('activity-tables') },
  { segment: 'activities', itemType: 'activity', field: 'activities', noun: 'aktivitet', schema: Activity, keyOf: byKey, editGroup: editGroupOf('activities') },
  { segment: 'service-declarations', itemType: 'service-declaration', field: 'serviceDeclarations', noun: 'servicedeklaration', schema: ServiceDeclaration, keyOf: byKey, editGroup: editGroupOf('service-declarations') },
  { segment: 'outlooks', itemType: 'outlook', field: 'outlooks', noun: 'verksamhetsbeskrivning', schema: Outlook, keyOf: byKey, editGroup: editGroupOf('outlooks') },
  { segment: 'volume-tables', itemType: 'volume-table', field: 'volumeTables', noun: 'volymtabell', schema: VolumeTable, keyOf: byKey, editGroup: editGroupOf('volume-tables') },
  { segment: 'budget-tables', itemType: 'budget-table', field: 'budgetTables', noun: 'budgettabell', schema: BudgetTable, keyOf: byKey, editGroup: editGroupOf('budget-tables') },
  { segment: 'capital-budgets', itemType: 'capital-budget', field: 'capitalBudgets', noun: 'investeringsbudget', schema: CapitalBudget, keyOf: byKey, editGroup: editGroupOf('capital-budgets') },
  { segment: 'footnotes', itemType: 'footnote', field: 'footnotes', noun: 'fotnot', schema: Footnote, keyOf: byKey, editGroup: editGroupOf('footnotes') },
  { segment: 'sections', itemType: 'section', field: 'sections', noun: 'avsnitt', schema: Section, keyOf: byKey, editGroup: editGroupOf('sections') },
  { segment: 'office-holders', itemType: 'office-holder', field: 'officeHolders', noun: 'befattningshavare', schema: OfficeHolder, keyOf: (item) => `${item.node}:${item.role}`, editGroup: editGroupOf('office-holders') },
  { segment: 'analyses', itemType: 'analysis', field: 'analyses', noun: 'analys', schema: Analysis, keyOf: byKey, editGroup: editGroupOf('analyses') },
];

export function findPlanPart(segment: string): PlanPart | undefined {
  return planParts.find((part) => part.segment === segment);
}

/** The items of one part of a plan. */
export function itemsOf(plan: PlanFile, part: PlanPart): Array<Record<string, unknown>> {
  return plan[part.field] as unknown as Array<Record<string, unknown>>;
}

export { changedFields } from './changed-fields.ts';
