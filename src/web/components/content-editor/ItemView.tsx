/** A content item read-only, field by field (for readers, frozen plans, and the two sides of a conflict). */
import { parseRich } from '../../../domain/rich-text-blocks.ts';
import type { PlanFile } from '../../api.ts';
import type { FieldSpec, FieldValue, Item } from '../../content-editor-model.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RichText } from '../RichText.tsx';

/** One field's value as a reader sees it: the chosen option's name, the list of checked ones, the rich text. */
export function FieldValueView({ field, value, plan, item }: { field: FieldSpec; value: FieldValue; plan: PlanFile; item: Item }) {
  const { t } = useI18n();
  const empty = <span className="muted">{t.contentEditor.conflict.empty}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    const options = field.options?.(plan, t.contentEditor, item) ?? [];
    return (
      <ul className="field-value__list" lang="sv">
        {value.map((key) => (
          <li key={key}>{options.find((option) => option.value === key)?.label ?? key}</li>
        ))}
      </ul>
    );
  }
  if (value === '') return empty;
  if (field.kind === 'rich') {
    return (
      <div className="field-value__rich" lang="sv">
        <RichText blocks={parseRich(value)} />
      </div>
    );
  }
  if (field.kind === 'select') {
    const option = field.options?.(plan, t.contentEditor, item).find((candidate) => candidate.value === value);
    return <span lang={option?.lang}>{option?.label ?? value}</span>;
  }
  return <span lang="sv">{value}</span>;
}

export function ItemView({ fields, plan, item }: { fields: FieldSpec[]; plan: PlanFile; item: Item }) {
  const { t } = useI18n();
  return (
    <dl className="item-view">
      {fields.map((field) => (
        <div key={field.name} className="item-view__row" data-field={field.name}>
          <dt>{field.label(t.contentEditor)}</dt>
          <dd>
            <FieldValueView field={field} value={field.read(item)} plan={plan} item={item} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
