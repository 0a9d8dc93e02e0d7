/**
 * One content item opened for editing (or a new one): its form, the conflict view when someone
 * else saved in between, the delete step with its confirmation, the outcome message and the
 * item's change history.
 */
import { useEffect, useId, useRef } from 'react';
import { newKey, itemsOf, partInfo, applyDraft, titleOf } from '../../content-editor-model.ts';
import { auditFieldLabel } from '../../content-editor-view.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LiveMessage } from '../LiveMessage.tsx';
import { ConflictView } from './ConflictView.tsx';
import { FieldInput, fieldId } from './FieldInput.tsx';
import { ItemHistory } from '../ItemHistory.tsx';
import { useItemEditor, type ItemEditorOptions } from './useItemEditor.ts';

interface Props extends ItemEditorOptions {
  onClose: () => void;
  onDirty: (dirty: boolean) => void;
}

export function ItemEditor(props: Props) {
  const { plan, part, itemKey, onClose, onDirty } = props;
  const { t } = useI18n();
  const texts = t.contentEditor;
  const id = useId().replace(/:/g, '');
  const editor = useItemEditor(props);
  const { fields, loaded, loadError, draft, setDraft, busy, message, fieldErrors, conflict, saves, confirmingDelete, setConfirmingDelete, messageRef, conflictRef, submit, keepMine, takeTheirs, remove } = editor;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isNew = itemKey === null;

  const dirty = !!loaded && !!draft && JSON.stringify(draft) !== JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, f.read(loaded.base)])));
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const ready = loaded !== null && draft !== null;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  if (!loaded || !draft) {
    return (
      <section className="item-editor" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} tabIndex={-1}>
          {texts.itemLoading}
        </h3>
        {loadError ? <p className="notice notice--error">{loadError.code === 'network' ? t.errors.network : loadError.message || t.errors.unexpected}</p> : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          {texts.cancel}
        </button>
      </section>
    );
  }

  const { base } = loaded;
  const title = isNew ? texts.newHeading[part] : titleOf(part, base);
  const proposedKey = isNew ? newKey(part, applyDraft(fields, base, draft), itemsOf(part, plan).map((item) => item.key)) : null;
  const groups = { measurement: texts.fields.measurement, comments: texts.fields.comments };
  const renderField = (name: string) => {
    const field = fields.find((candidate) => candidate.name === name)!;
    return (
      <FieldInput
        key={field.name}
        id={fieldId(id, field.name)}
        field={field}
        plan={plan}
        item={base}
        value={draft[field.name] ?? ''}
        errors={(fieldErrors[field.name] ?? []).filter(Boolean)}
        disabled={busy}
        onChange={(value) => setDraft((current) => (current ? { ...current, [field.name]: value } : current))}
      />
    );
  };
  // Fields in order; a run of fields of one group goes into one fieldset.
  const blocks: Array<{ group?: 'measurement' | 'comments'; names: string[] }> = [];
  for (const field of fields) {
    const last = blocks.at(-1);
    if (field.group && last?.group === field.group) last.names.push(field.name);
    else blocks.push({ group: field.group, names: [field.name] });
  }

  return (
    <section
      className="item-editor"
      aria-labelledby={`${id}-heading`}
      data-editor={base.key || 'new'}
      onKeyDown={(event) => {
        // Escape closes an unchanged editor (focus returns to its button); a changed one stays open.
        if (event.key === 'Escape' && !dirty && !conflict && !busy && !event.defaultPrevented) onClose();
      }}
    >
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {isNew ? title : `${texts.editing} `}
        {isNew ? null : <span lang="sv">{title}</span>}
      </h3>
      {conflict ? (
        <ConflictView id={id} fields={fields} plan={plan} conflict={conflict} busy={busy} headingRef={conflictRef} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      ) : (
        <form className="item-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
          {proposedKey ? <p className="field__help">{texts.newKey(proposedKey)}</p> : null}
          {blocks.map((block) =>
            block.group ? (
              <fieldset key={block.names[0]} className={`item-form__group item-form__group--${block.group}`}>
                <legend>{groups[block.group]}</legend>
                {block.names.map(renderField)}
              </fieldset>
            ) : (
              block.names.map(renderField)
            ),
          )}
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy ? texts.saving : isNew ? texts.create : texts.save}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {texts.cancel}
            </button>
            {!isNew && !confirmingDelete ? (
              <button type="button" className="button button--secondary button--danger" aria-label={texts.deleteLabel(title)} onClick={() => setConfirmingDelete(true)}>
                {texts.delete}
              </button>
            ) : null}
          </div>
          {confirmingDelete ? <DeleteConfirmation title={title} busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirmingDelete(false)} /> : null}
        </form>
      )}
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {!isNew ? <ItemHistory planKey={plan.plan.key} entityType={partInfo[part].entityType} entityKey={base.key} refresh={saves} fieldLabel={auditFieldLabel(part, plan, texts)} /> : null}
    </section>
  );
}

/** The second step of deleting: a question with "Ja, ta bort" and "Avbryt"; focus goes to the question. */
function DeleteConfirmation({ title, busy, onConfirm, onCancel }: { title: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="notice notice--warning delete-confirmation" role="group" aria-label={t.contentEditor.delete}>
      <p ref={ref} tabIndex={-1}>
        {t.contentEditor.deleteConfirm(title)}
      </p>
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={onConfirm}>
          {t.contentEditor.deleteYes}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t.contentEditor.cancel}
        </button>
      </div>
    </div>
  );
}
