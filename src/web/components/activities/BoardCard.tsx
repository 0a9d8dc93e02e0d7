/** One activity on the status board: name, table, owner and goals, and (for editors) its Status select with Flytta. */
import { useId, useState, type FormEvent } from 'react';
import type { VersionedActivity } from '../../activities-api.ts';
import { goalLabels, slotOf, statusSlots, type StatusSlot } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The drag data of a card: its activity's key. */
export const cardDragType = 'application/x-styrkort-activity';

interface Props {
  entry: VersionedActivity;
  caption: string;
  goals: PlanFile['goals'];
  movable: boolean;
  moving: boolean;
  onMove: (status: StatusSlot) => void;
}

export function BoardCard({ entry, caption, goals, movable, moving, onMove }: Props) {
  const { t } = useI18n();
  const id = useId();
  const { item } = entry;
  const [choice, setChoice] = useState<StatusSlot>(slotOf(item));
  const goalText = goalLabels(item, goals).join(', ');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!moving) onMove(choice);
  };
  return (
    <article
      className="activity-card"
      aria-labelledby={`${id}-name`}
      data-card={item.key}
      // Dragging to another column is a shortcut for the mouse; the Status select does the same from the keyboard.
      draggable={movable && !moving}
      onDragStart={(event) => {
        event.dataTransfer.setData(cardDragType, item.key);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <h4 id={`${id}-name`} className="activity-card__name" lang="sv">
        {item.name}
      </h4>
      <dl className="activity-card__facts">
        <div>
          <dt>{t.activities.cardTable}</dt>
          <dd lang="sv">{caption}</dd>
        </div>
        <div>
          <dt>{t.activities.cardOwner}</dt>
          <dd lang="sv">{item.owner ?? t.activities.noOwner}</dd>
        </div>
        <div>
          <dt>{t.activities.cardGoals}</dt>
          <dd>{goalText || t.activities.noGoals}</dd>
        </div>
      </dl>
      {movable ? (
        <form className="activity-card__move" onSubmit={submit}>
          <label htmlFor={`${id}-status`}>
            {t.activities.cardStatus}
            <span className="visually-hidden" lang="sv">
              {' '}
              {item.name}
            </span>
          </label>
          <select
            id={`${id}-status`}
            value={choice}
            data-move={item.key}
            onChange={(event) => setChoice(event.target.value as StatusSlot)}
            onKeyDown={(event) => {
              // Enter in the select moves the card, as the button does (a select does not submit its form on Enter).
              if (event.key === 'Enter') submit(event);
            }}
          >
            {statusSlots.map((slot) => (
              <option key={slot} value={slot}>
                {t.activities.status[slot]}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary activity-card__button" aria-disabled={moving || undefined}>
            {moving ? t.activities.moving : t.activities.move}
            <span className="visually-hidden" lang="sv">
              {' '}
              {item.name}
            </span>
          </button>
        </form>
      ) : (
        <p className="activity-card__status">
          {t.activities.cardStatus}: {t.activities.status[slotOf(item)]}
        </p>
      )}
    </article>
  );
}
