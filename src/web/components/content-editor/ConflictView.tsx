/**
 * Someone else saved the item in between (412): both versions side by side, field by field, each
 * differing field marked with a word and an icon (not colour alone), and the reader's choice.
 */
import type { Ref } from 'react';
import type { PlanFile } from '../../api.ts';
import type { FieldSpec, Item } from '../../content-editor-model.ts';
import { conflictRows } from '../../content-editor-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldValueView } from './ItemView.tsx';

export interface Conflict {
  /** The saved version now, and its version number (the ETag for "keep mine"). */
  theirs: Item;
  version: number;
  /** The reader's changes written onto the saved version: what "keep mine" will save. */
  mine: Item;
}

interface Props {
  id: string;
  fields: FieldSpec[];
  plan: PlanFile;
  conflict: Conflict;
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

function Side({ id, title, which, rows, plan, item }: { id: string; title: string; which: 'mine' | 'theirs'; rows: ReturnType<typeof conflictRows>; plan: PlanFile; item: Item }) {
  const { t } = useI18n();
  return (
    <section className="conflict__version" aria-labelledby={id} data-version={which}>
      <h4 id={id}>{title}</h4>
      <dl className="version-list conflict-fields">
        {rows.map((row) => (
          <div key={row.field.name} className={row.differs ? 'differs' : undefined} data-field={row.field.name}>
            <dt>
              {row.field.label(t.contentEditor)}
              {row.differs ? (
                <span className="conflict-fields__mark">
                  <span aria-hidden="true">≠ </span>
                  {t.contentEditor.conflict.differs}
                </span>
              ) : null}
            </dt>
            <dd>
              <FieldValueView field={row.field} value={row[which]} plan={plan} item={item} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ConflictView({ id, fields, plan, conflict, busy, headingRef, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useI18n();
  const texts = t.contentEditor.conflict;
  const rows = conflictRows(fields, conflict.mine, conflict.theirs);
  return (
    <div className="conflict content-conflict" role="group" aria-labelledby={`${id}-conflict`}>
      <h4 id={`${id}-conflict`} ref={headingRef} tabIndex={-1} className="conflict__heading">
        {texts.heading}
      </h4>
      <p>{texts.text}</p>
      <div className="conflict__versions">
        <Side id={`${id}-mine`} title={texts.mine} which="mine" rows={rows} plan={plan} item={conflict.mine} />
        <Side id={`${id}-theirs`} title={texts.theirs(conflict.version)} which="theirs" rows={rows} plan={plan} item={conflict.theirs} />
      </div>
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={onKeepMine}>
          {texts.keepMine}
        </button>
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={onTakeTheirs}>
          {texts.takeTheirs}
        </button>
      </div>
    </div>
  );
}
