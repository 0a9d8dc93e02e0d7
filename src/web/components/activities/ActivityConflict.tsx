/** Both versions of the activity side by side, field by field, when someone else saved in between (412); the reader chooses. */
import type { Ref } from 'react';
import { comparedFields, fieldDiffers } from '../../activities-draft.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';
import { fieldValueText } from './field-values.ts';
import type { ActivityConflict as Conflict } from './useActivityEditor.ts';

interface Props {
  id: string;
  plan: PlanFile;
  conflict: Conflict;
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ActivityConflict({ id, plan, conflict, busy, headingRef, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useI18n();
  const a = t.activities;
  const label: Record<string, string> = { name: a.name, description: a.description, serviceArea: a.serviceArea, node: a.node, costEstimate: a.costEstimate, investmentExpense: a.investmentExpense, incomeCost: a.incomeCost, phase: a.phase, status: a.formStatus, owner: a.owner, goals: a.columnGoals };
  return (
    <div className="conflict" role="group" aria-labelledby={`${id}-conflict`} data-conflict="">
      <h4 id={`${id}-conflict`} ref={headingRef} tabIndex={-1} className="conflict__heading">
        {a.conflictHeading}
      </h4>
      <p>{a.conflictText}</p>
      <ScrollRegion labelledBy={`${id}-conflict-caption`}>
        <table className="conflict-table">
          <caption id={`${id}-conflict-caption`}>{a.conflictCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.conflictField}</th>
              <th scope="col">{a.mine}</th>
              <th scope="col">{a.theirs(conflict.version)}</th>
            </tr>
          </thead>
          <tbody>
            {comparedFields.map((field) => {
              const differs = fieldDiffers(conflict.mine, conflict.theirs, field);
              return (
                <tr key={field} className={differs ? 'differs' : undefined} data-field={field}>
                  <th scope="row">
                    {label[field]}
                    <span className={differs ? 'conflict-table__flag' : 'visually-hidden'}>{differs ? a.differs : a.same}</span>
                  </th>
                  <td lang="sv" data-version="mine">
                    {fieldValueText(t, plan, field, conflict.mine[field])}
                  </td>
                  <td lang="sv" data-version="theirs">
                    {fieldValueText(t, plan, field, conflict.theirs[field])}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={onKeepMine}>
          {a.keepMine}
        </button>
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={onTakeTheirs}>
          {a.takeTheirs}
        </button>
      </div>
    </div>
  );
}
