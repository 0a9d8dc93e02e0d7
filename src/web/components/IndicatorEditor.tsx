/**
 * Editing one indicator (styrtal): its targets per year as Swedish text, read as the reader types
 * (parseTarget/describeTarget, the same rule the server and the documents use), and its outcomes
 * per period. Saves with If-Match; when someone else saved in between (412) both versions are
 * shown side by side and the reader chooses — nothing is overwritten without being asked.
 * An adopted plan takes outcomes only: its targets are shown locked.
 *
 * The parts live in ./indicator-editor/: the draft (draft.ts), loading and saving
 * (useIndicatorEditor.ts), the form, the conflict view and the history disclosure.
 */
import { useId } from 'react';
import type { PlanFile } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { ConflictView } from './indicator-editor/ConflictView.tsx';
import { History } from './indicator-editor/History.tsx';
import { IndicatorForm } from './indicator-editor/IndicatorForm.tsx';
import { useIndicatorEditor } from './indicator-editor/useIndicatorEditor.ts';
import { LiveMessage } from './LiveMessage.tsx';

interface Props {
  plan: PlanFile['plan'];
  indicatorKey: string;
  /** Reloads the plan, so the scorecard recomputes the status. */
  onSaved: () => Promise<void>;
  onClose: () => void;
}

export function IndicatorEditor({ plan, indicatorKey, onSaved, onClose }: Props) {
  const { t } = useI18n();
  const id = useId();
  const { frozen, loaded, loadError, draft, setDraft, busy, message, conflict, saves, headingRef, messageRef, conflictRef, submit, keepMine, takeTheirs } = useIndicatorEditor(plan, indicatorKey, onSaved);

  if (!loaded || !draft) {
    return (
      <section className="indicator-editor" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
          {t.editor.loading}
        </h3>
        <div ref={messageRef} tabIndex={-1} aria-live="polite">
          {loadError ? <p className="notice notice--error">{loadError.code === 'network' ? t.errors.network : loadError.message || t.errors.unexpected}</p> : null}
        </div>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t.editor.cancel}
        </button>
      </section>
    );
  }

  const { base } = loaded;
  return (
    <section
      className="indicator-editor"
      aria-labelledby={`${id}-heading`}
      data-editor={indicatorKey}
      onKeyDown={(event) => {
        // Escape closes the editor (focus returns to its button) unless a conflict waits for a choice.
        if (event.key === 'Escape' && !conflict && !busy) onClose();
      }}
    >
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t.editor.heading}{' '}
        <span lang="sv">
          {base.number} {base.name}
        </span>
      </h3>
      {conflict ? (
        <ConflictView id={id} conflict={conflict} busy={busy} headingRef={conflictRef} onKeepMine={keepMine} onTakeTheirs={() => void takeTheirs()} />
      ) : (
        <IndicatorForm id={id} plan={plan} base={base} draft={draft} frozen={frozen} busy={busy} onChange={setDraft} onSubmit={submit} onClose={onClose} />
      )}
      <LiveMessage message={message} messageRef={messageRef} tagged />
      <History planKey={plan.key} indicatorKey={indicatorKey} refresh={saves} />
    </section>
  );
}
