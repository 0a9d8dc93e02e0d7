/** Both versions of the activity field by field when someone else saved in between (412): the generic FieldConflict with the activity's fields in words. */
import { comparedFields, fieldDiffers } from '../../activities-draft.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldConflict, type ConflictHandlers } from '../FieldConflict.tsx';
import { fieldValueText } from './field-values.ts';
import type { ActivityConflict as Conflict } from './useActivityEditor.ts';

interface Props extends ConflictHandlers {
  id: string;
  plan: PlanFile;
  conflict: Conflict;
}

export function ActivityConflict({ id, plan, conflict, ...rest }: Props) {
  const { t } = useI18n();
  const a = t.activities;
  const label: Record<string, string> = { name: a.name, description: a.description, serviceArea: a.serviceArea, node: a.node, costEstimate: a.costEstimate, investmentExpense: a.investmentExpense, incomeCost: a.incomeCost, phase: a.phase, status: a.formStatus, owner: a.owner, goals: a.columnGoals };
  const rows = comparedFields.map((field) => ({
    field,
    label: label[field] ?? field,
    mine: fieldValueText(t, plan, field, conflict.mine[field]),
    theirs: fieldValueText(t, plan, field, conflict.theirs[field]),
    differs: fieldDiffers(conflict.mine, conflict.theirs, field),
  }));
  return <FieldConflict id={id} heading={a.conflictHeading} text={a.conflictText} version={conflict.version} rows={rows} {...rest} />;
}
