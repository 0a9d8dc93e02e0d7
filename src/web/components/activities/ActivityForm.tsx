/**
 * The edit form of one activity. On an adopted plan every field but the status is shown
 * read-only under a notice: the status is follow-up, the rest is what was adopted (decision 0004).
 */
import type { FormEvent } from 'react';
import type { ActivityDraft } from '../../activities-draft.ts';
import { activityStatuses, figureFields, type ActivityTable, type FigureField } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RichTextEditor } from '../RichTextEditor.tsx';
import { FieldProblems } from './FieldProblems.tsx';
import { FigureInput } from './FigureInput.tsx';
import { TextField } from './TextField.tsx';

interface Props {
  id: string;
  plan: PlanFile;
  table: ActivityTable | undefined;
  draft: ActivityDraft;
  frozen: boolean;
  busy: boolean;
  isNew: boolean;
  problems: Record<string, string[]>;
  onChange: (draft: ActivityDraft) => void;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  onDelete: () => void;
}

export function ActivityForm({ id, plan, table, draft, frozen, busy, isNew, problems, onChange, onSubmit, onClose, onDelete }: Props) {
  const { t } = useI18n();
  const a = t.activities;
  const set = <K extends keyof ActivityDraft>(field: K) => (value: ActivityDraft[K]) => onChange({ ...draft, [field]: value });
  // A figure field is labelled as its table prints it ("Ev beräknad kostnad"), else by its meaning.
  const figureLabel = (field: FigureField) => table?.columns.find((column) => column.field === field)?.label ?? a[field];
  const toggleGoal = (key: string, on: boolean) => set('goals')(on ? [...draft.goals, key] : draft.goals.filter((goal) => goal !== key));
  return (
    <form className="activity-form" onSubmit={onSubmit} noValidate>
      {frozen ? (
        <p className="notice notice--warning" data-frozen="true">
          {a.frozenForm}
        </p>
      ) : null}
      <TextField id={`${id}-name`} label={a.name} value={draft.name} readOnly={frozen} problems={problems.name} onChange={set('name')} />
      <RichTextEditor id={`${id}-description`} label={a.description} value={draft.description} onChange={set('description')} disabled={frozen} describedBy={problems.description ? `${id}-description-problems` : undefined} />
      <FieldProblems id={`${id}-description-problems`} problems={problems.description} />
      <div className="activity-form__row">
        <TextField id={`${id}-area`} label={a.serviceArea} help={a.serviceAreaHelp} value={draft.serviceArea} readOnly={frozen} problems={problems.serviceArea} onChange={set('serviceArea')} />
        <div className="field">
          <label htmlFor={`${id}-node`}>{a.node}</label>
          <select id={`${id}-node`} value={draft.node} disabled={frozen} aria-invalid={problems.node ? true : undefined} aria-describedby={problems.node ? `${id}-node-problems` : undefined} onChange={(event) => set('node')(event.target.value)}>
            <option value="">{a.noNode}</option>
            {plan.organisation.map((node) => (
              <option key={node.key} value={node.key} lang="sv">
                {node.name}
              </option>
            ))}
          </select>
          <FieldProblems id={`${id}-node-problems`} problems={problems.node} />
        </div>
      </div>
      <fieldset className="activity-form__figures">
        <legend>{a.figures}</legend>
        <p id={`${id}-figure-help`} className="field__help">
          {a.figureHelp}
        </p>
        {figureFields.map((field) => (
          <FigureInput key={field} id={`${id}-${field}`} label={figureLabel(field)} value={draft[field]} readOnly={frozen} helpId={`${id}-figure-help`} problems={problems[field]} onChange={set(field)} />
        ))}
      </fieldset>
      <div className="activity-form__row">
        <TextField id={`${id}-phase`} label={a.phase} value={draft.phase} readOnly={frozen} problems={problems.phase} onChange={set('phase')} />
        <div className="field">
          <label htmlFor={`${id}-status`}>{a.formStatus}</label>
          <select id={`${id}-status`} value={draft.status} onChange={(event) => set('status')(event.target.value as ActivityDraft['status'])}>
            <option value="">{a.status.none}</option>
            {activityStatuses.map((status) => (
              <option key={status} value={status}>
                {a.status[status]}
              </option>
            ))}
          </select>
        </div>
        <TextField id={`${id}-owner`} label={a.owner} help={a.ownerHelp} value={draft.owner} readOnly={frozen} problems={problems.owner} onChange={set('owner')} />
      </div>
      <fieldset className="activity-form__goals" aria-describedby={problems.goals ? `${id}-goals-problems` : undefined}>
        <legend>{a.goals}</legend>
        <FieldProblems id={`${id}-goals-problems`} problems={problems.goals} />
        <ul className="activity-form__goal-list">
          {plan.goals.map((goal) => (
            <li key={goal.key}>
              <input type="checkbox" id={`${id}-goal-${goal.key}`} checked={draft.goals.includes(goal.key)} disabled={frozen} onChange={(event) => toggleGoal(goal.key, event.target.checked)} />
              <label htmlFor={`${id}-goal-${goal.key}`} lang="sv">
                {a.goalLabel(goal.number ?? '', goal.text)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? a.saving : a.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {a.cancel}
        </button>
        {!frozen && !isNew ? (
          <button type="button" className="button button--secondary button--danger" onClick={onDelete}>
            {a.delete}
          </button>
        ) : null}
      </div>
    </form>
  );
}
