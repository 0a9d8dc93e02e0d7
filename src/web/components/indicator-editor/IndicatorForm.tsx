/** The form for an indicator's targets per year (locked in an adopted plan) and outcomes per period. */
import type { FormEvent } from 'react';
import { formatPeriod } from '../../../domain/format.ts';
import type { Indicator, PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { newPeriodProblems, yearsOf, type Draft } from './draft.ts';
import { TargetFeedback } from './TargetFeedback.tsx';

interface Props {
  id: string;
  plan: PlanFile['plan'];
  base: Indicator;
  draft: Draft;
  frozen: boolean;
  busy: boolean;
  onChange: (draft: Draft) => void;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
}

export function IndicatorForm({ id, plan, base, draft, frozen, busy, onChange: setDraft, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const years = yearsOf(plan, base);
  const { invalid: newPeriodInvalid, duplicate: newPeriodDuplicate } = newPeriodProblems(base, draft);
  return (
    <form className="indicator-form" onSubmit={onSubmit} noValidate>
      {frozen ? (
        <p className="notice notice--warning" data-frozen="true">
          {t.editor.frozenNote}
        </p>
      ) : null}
      <fieldset>
        <legend>{t.editor.targets}</legend>
        {frozen ? (
          <dl className="version-list">
            {base.targets.map((target) => (
              <div key={target.year}>
                <dt>{target.year}</dt>
                <dd lang="sv">{target.text}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <>
            <p id={`${id}-target-help`} className="field__help">
              {t.editor.targetHelp}
            </p>
            {years.map((year) => (
              <div className="field" key={year}>
                <label htmlFor={`${id}-target-${year}`}>{t.editor.target(year)}</label>
                <input
                  id={`${id}-target-${year}`}
                  lang="sv"
                  value={draft.targets[year] ?? ''}
                  aria-describedby={`${id}-target-help ${id}-target-${year}-feedback`}
                  onChange={(event) => setDraft({ ...draft, targets: { ...draft.targets, [year]: event.target.value } })}
                />
                <TargetFeedback id={`${id}-target-${year}-feedback`} text={draft.targets[year] ?? ''} />
              </div>
            ))}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.editor.actuals}</legend>
        <p id={`${id}-actual-help`} className="field__help">
          {t.editor.actualHelp}
        </p>
        {base.actuals.map((actual, i) => (
          <div className="field field--inline" key={actual.period}>
            <label htmlFor={`${id}-actual-${i}`}>{t.editor.actualFor(formatPeriod(actual.period))}</label>
            <input
              id={`${id}-actual-${i}`}
              lang="sv"
              value={draft.actuals[i] ?? ''}
              aria-describedby={`${id}-actual-help`}
              onChange={(event) => setDraft({ ...draft, actuals: draft.actuals.map((text, j) => (j === i ? event.target.value : text)) })}
            />
          </div>
        ))}
        <div className="new-actual">
          <div className="field">
            <label htmlFor={`${id}-new-period`}>{t.editor.newPeriod}</label>
            <input
              id={`${id}-new-period`}
              inputMode="numeric"
              value={draft.newPeriod}
              aria-invalid={newPeriodInvalid || newPeriodDuplicate ? true : undefined}
              aria-describedby={newPeriodInvalid || newPeriodDuplicate ? `${id}-new-period-error` : undefined}
              onChange={(event) => setDraft({ ...draft, newPeriod: event.target.value })}
            />
            {newPeriodInvalid || newPeriodDuplicate ? (
              <p id={`${id}-new-period-error`} className="field__error">
                {newPeriodDuplicate ? t.editor.duplicatePeriod : t.editor.badPeriod}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-text`}>{t.editor.newActualValue}</label>
            <input id={`${id}-new-text`} lang="sv" value={draft.newText} onChange={(event) => setDraft({ ...draft, newText: event.target.value })} />
          </div>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t.editor.saving : t.editor.save}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.editor.cancel}
        </button>
      </div>
    </form>
  );
}
