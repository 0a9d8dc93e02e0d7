/**
 * A refused save (412) field by field: one row per field with my version beside the saved one,
 * each differing row marked with a word and a sign (not by colour alone), and the reader's choice
 * ("Behåll mina ändringar" = send mine again on the saved version, or "Använd den sparade
 * versionen"). The heading takes focus when the view appears (the editor holds `headingRef`).
 */
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import '../field-conflict.css';

/** One field in both versions, already as the page shows a value. */
export interface FieldConflictRow {
  field: string;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
  differs: boolean;
}

/** What every conflict view gets from its editor: the choice's handlers and the heading that takes focus. */
export interface ConflictHandlers {
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

interface ChoiceProps extends Omit<ConflictHandlers, 'headingRef'> {
  /** The editor's own wording, when it has one (the indicator editor's "Behåll min version"). */
  keepLabel?: string;
  takeLabel?: string;
}

/** The two choices after a conflict; aria-disabled while a save runs, so focus stays on them. */
export function ConflictChoice({ busy, onKeepMine, onTakeTheirs, keepLabel, takeLabel }: ChoiceProps) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="button" className="button" aria-disabled={busy || undefined} onClick={onKeepMine}>
        {keepLabel ?? t.history.conflict.keepMine}
      </button>
      <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={onTakeTheirs}>
        {takeLabel ?? t.history.conflict.takeTheirs}
      </button>
    </div>
  );
}

interface Props extends ConflictHandlers {
  id: string;
  heading: string;
  text: string;
  /** The saved version's number, named in its column. */
  version: number;
  rows: FieldConflictRow[];
}

export function FieldConflict({ id, heading, text, version, rows, headingRef, ...choice }: Props) {
  const { t } = useI18n();
  const texts = t.history.conflict;
  return (
    <div className="conflict field-conflict" role="group" aria-labelledby={`${id}-conflict`} data-conflict="">
      <h4 id={`${id}-conflict`} ref={headingRef} tabIndex={-1} className="conflict__heading">
        {heading}
      </h4>
      <p>{text}</p>
      <ScrollRegion labelledBy={`${id}-conflict-caption`}>
        <table className="field-conflict__table">
          <caption id={`${id}-conflict-caption`}>{texts.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.field}</th>
              <th scope="col">{texts.mine}</th>
              <th scope="col">{texts.theirs(version)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={row.differs ? 'differs' : undefined} data-field={row.field}>
                <th scope="row">
                  {row.label}
                  {row.differs ? (
                    <span className="field-conflict__mark">
                      <span aria-hidden="true">≠ </span>
                      {texts.differs}
                    </span>
                  ) : (
                    <span className="visually-hidden">{texts.same}</span>
                  )}
                </th>
                <td lang="sv" data-version="mine">
                  {row.mine}
                </td>
                <td lang="sv" data-version="theirs">
                  {row.theirs}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <ConflictChoice {...choice} />
    </div>
  );
}
