/** Someone else saved the item in between (412): the generic FieldConflict, each value shown as the item view shows it. */
import type { SaveConflict } from '../../use-versioned-save.ts';
import type { PlanFile } from '../../api.ts';
import type { FieldSpec, Item } from '../../content-editor-model.ts';
import { conflictRows } from '../../content-editor-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FieldConflict, type ConflictHandlers } from '../FieldConflict.tsx';
import { FieldValueView } from './ItemView.tsx';

/** The saved version now and the reader's changes written onto it: what "keep mine" will save. */
export type Conflict = SaveConflict<Item>;

interface Props extends ConflictHandlers {
  id: string;
  fields: FieldSpec[];
  plan: PlanFile;
  conflict: Conflict;
}

export function ConflictView({ id, fields, plan, conflict, ...rest }: Props) {
  const { t } = useI18n();
  const rows = conflictRows(fields, conflict.mine, conflict.theirs).map((row) => ({
    field: row.field.name,
    label: row.field.label(t.contentEditor),
    mine: <FieldValueView field={row.field} value={row.mine} plan={plan} item={conflict.mine} />,
    theirs: <FieldValueView field={row.field} value={row.theirs} plan={plan} item={conflict.theirs} />,
    differs: row.differs,
  }));
  return <FieldConflict id={id} heading={t.contentEditor.conflict.heading} text={t.contentEditor.conflict.text} version={conflict.version} rows={rows} {...rest} />;
}
