/**
 * Editing one activity (or adding one to a table): the form, the conflict view when someone saved
 * in between, the delete confirmation, the outcome in a polite live region, and the history.
 * Escape closes it (focus goes back to the button that opened it) unless a choice is waiting.
 */
import { useId } from 'react';
import type { ActivityTable, Activity } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LiveMessage } from '../LiveMessage.tsx';
import { ActivityConflict } from './ActivityConflict.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { ItemHistory } from '../ItemHistory.tsx';
import { shortFieldValueText } from './field-values.ts';
import { useActivityEditor } from './useActivityEditor.ts';

interface Props {
  plan: PlanFile;
  table: ActivityTable | undefined;
  initial: { item: Activity; etag: string | null };
  frozen: boolean;
  onSaved: () => Promise<void>;
  onClose: () => void;
  onDeleted: (name: string) => void;
}

export function ActivityEditor({ plan, table, initial, frozen, onSaved, onClose, onDeleted }: Props) {
  const { t } = useI18n();
  const a = t.activities;
  const id = useId();
  const editor = useActivityEditor({ planKey: plan.plan.key, initial, frozen, onSaved, onDeleted });
  const { base, draft, busy, conflict, confirming } = editor;
  const isNew = base.etag === null;
  return (
    <section
      className="indicator-editor activity-editor"
      aria-labelledby={`${id}-heading`}
      data-editor={base.item.key}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !conflict && !confirming && !busy) onClose();
      }}
    >
      <h3 id={`${id}-heading`} ref={editor.headingRef} tabIndex={-1}>
        {isNew ? (
          a.newHeading(table?.caption ?? '')
        ) : (
          <>
            {a.editHeading} <span lang="sv">{base.item.name}</span>
          </>
        )}
      </h3>
      {conflict ? (
        <ActivityConflict id={id} plan={plan} conflict={conflict} busy={busy} headingRef={editor.conflictRef} onKeepMine={editor.keepMine} onTakeTheirs={() => void editor.takeTheirs()} />
      ) : confirming ? (
        <div className="notice notice--warning activity-editor__confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} ref={editor.confirmRef} tabIndex={-1}>
            {a.confirmDelete(base.item.name)}
          </p>
          <div className="button-row">
            <button type="button" className="button button--danger-solid" aria-disabled={busy || undefined} onClick={() => void editor.remove()}>
              {a.confirmYes}
            </button>
            <button type="button" className="button button--secondary" onClick={() => { editor.setConfirming(false); requestAnimationFrame(() => editor.headingRef.current?.focus()); }}>
              {a.confirmNo}
            </button>
          </div>
        </div>
      ) : (
        <ActivityForm
          id={id}
          plan={plan}
          table={table}
          draft={draft}
          frozen={frozen}
          busy={busy}
          isNew={isNew}
          problems={editor.fieldProblems}
          onChange={editor.setDraft}
          onSubmit={editor.submit}
          onClose={onClose}
          onDelete={() => editor.setConfirming(true)}
        />
      )}
      <LiveMessage message={editor.message} messageRef={editor.messageRef} tagged />
      {isNew ? null : (
        <ItemHistory
          planKey={plan.plan.key}
          entityType="activity"
          entityKey={base.item.key}
          refresh={editor.saves}
          fieldLabel={(field) => t.activities.fieldNames[field] ?? field}
          valueText={(field, raw) => shortFieldValueText(t, plan, field, raw)}
        />
      )}
    </section>
  );
}
