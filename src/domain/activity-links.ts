/**
 * What an activity's own fields print as in an activity table: its letter or number, its
 * responsible, and the indicators and goals it serves by the numbers the plan gives them
 * ("1.2.1, 1.2.2"; an unnumbered goal by its text). The documents and the web page print the same.
 */
import type { PlanFile } from './plan.ts';

type Activity = PlanFile['activities'][number];
type Lookup = Pick<PlanFile, 'indicators' | 'goals'>;

/** The activity fields that print as plain text beside the activity's name. */
export const activityTextFields = ['serviceArea', 'number', 'owner', 'indicators', 'goals'] as const;
export type ActivityTextField = (typeof activityTextFields)[number];

export function isActivityTextField(field: string): field is ActivityTextField {
  return (activityTextFields as readonly string[]).includes(field);
}

/** The printed text of a text field of an activity. */
export function activityFieldText(activity: Activity, field: ActivityTextField, plan: Lookup): string {
  switch (field) {
    case 'serviceArea':
      return activity.serviceArea ?? '';
    case 'number':
      return activity.number ?? '';
    case 'owner':
      return activity.owner ?? '';
    case 'indicators':
      return (activity.indicators ?? []).map((key) => labelOf(plan.indicators.find((indicator) => indicator.key === key)) ?? key).join(', ');
    case 'goals':
      return activity.goals
        .map((key) => {
          const goal = plan.goals.find((candidate) => candidate.key === key);
          return goal ? (goal.number ?? goal.text) : key;
        })
        .join(', ');
  }
}

/** An indicator by its number; one the plan does not number, by its name. */
function labelOf(indicator: Lookup['indicators'][number] | undefined): string | undefined {
  return indicator ? indicator.number || indicator.name : undefined;
}
