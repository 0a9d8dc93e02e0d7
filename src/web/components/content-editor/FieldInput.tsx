/** One field of a content item's form, by its kind: text, longer text, rich text, a choice, or checkboxes. */
import type { PlanFile } from '../../api.ts';
import type { FieldSpec, FieldValue, Item } from '../../content-editor-model.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RichTextEditor } from '../RichTextEditor.tsx';

interface Props {
  id: string;
  field: FieldSpec;
  plan: PlanFile;
  item: Item;
  value: FieldValue;
  errors: string[];
  disabled: boolean;
  onChange: (value: FieldValue) => void;
}

export const fieldId = (formId: string, name: string) => `${formId}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function FieldInput({ id, field, plan, item, value, errors, disabled, onChange }: Props) {
  const { t } = useI18n();
  const texts = t.contentEditor;
  const label = field.label(texts);
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const text = Array.isArray(value) ? value.join(' ') : value;
  const invalid = errors.length > 0 ? true : undefined;
  const help = field.help ? (
    <p id={helpId} className="field__help">
      {field.help(texts)}
    </p>
  ) : null;
  const errorList =
    errors.length > 0 ? (
      <p id={errorId} className="field__error">
        {errors.join(' ')}
      </p>
    ) : null;

  if (field.kind === 'rich') {
    return (
      <div className="content-field content-field--rich" data-field={field.name}>
        {help}
        {/* Not disabled while a save is under way: its toolbar would vanish and come back on every save. */}
        <RichTextEditor id={id} label={label} value={text} onChange={onChange} describedBy={describedBy} />
        {errorList}
      </div>
    );
  }
  if (field.kind === 'checkboxes') {
    const options = field.options?.(plan, texts, item) ?? [];
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="content-field content-field--checkboxes" data-field={field.name} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {help}
        {options.length === 0 ? <p className="muted">{texts.fields.noIndicators}</p> : null}
        <ul className="checkbox-list">
          {options.map((option) => (
            <li key={option.value}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(option.value)}
                  disabled={disabled}
                  onChange={(event) => {
                    const next = event.target.checked ? [...chosen, option.value] : chosen.filter((key) => key !== option.value);
                    onChange(options.map((o) => o.value).filter((key) => next.includes(key)));
                  }}
                />{' '}
                <span lang={option.lang}>{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
        {errorList}
      </fieldset>
    );
  }
  const common = { id, disabled, 'aria-invalid': invalid, 'aria-describedby': describedBy, 'aria-required': field.required || undefined };
  return (
    <div className={`field content-field content-field--${field.kind}`} data-field={field.name}>
      <label htmlFor={id}>
        {label}
        {field.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {help}
      {field.kind === 'select' ? (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {(field.options?.(plan, texts, item) ?? []).map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      ) : field.kind === 'textarea' ? (
        <textarea {...common} lang="sv" rows={3} value={text} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} lang="sv" type="text" value={text} onChange={(event) => onChange(event.target.value)} />
      )}
      {errorList}
    </div>
  );
}
