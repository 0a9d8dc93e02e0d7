/**
 * The status board: one column per status, the activities as cards. A card moves with its own
 * labelled "Status" select and the Flytta button (Enter in the select moves too), so the board
 * works from the keyboard alone; the page keeps focus on the moved card and announces the move.
 */
import { useId, useState, type DragEvent } from 'react';
import type { VersionedActivity } from '../../activities-api.ts';
import { groupByStatus, type ActivityTable, type StatusSlot } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { BoardCard, cardDragType } from './BoardCard.tsx';

interface Props {
  activities: VersionedActivity[];
  tables: ActivityTable[];
  goals: PlanFile['goals'];
  /** Whether a card can be moved (an editor of that activity, on a plan that is not archived). */
  movable: (activity: VersionedActivity['item']) => boolean;
  movingKey: string | null;
  onMove: (entry: VersionedActivity, status: StatusSlot) => void;
}

export function StatusBoard({ activities, tables, goals, movable, movingKey, onMove }: Props) {
  const { t } = useI18n();
  const id = useId();
  const columns = groupByStatus(activities.map((entry) => ({ ...entry, status: entry.item.status })));
  const [dropSlot, setDropSlot] = useState<StatusSlot | null>(null);
  // A card dropped on a column moves as if its Status select had been used.
  const anyMovable = activities.some((entry) => movable(entry.item));
  const dropHandlers = (slot: StatusSlot) =>
    anyMovable
      ? {
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(cardDragType)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropSlot(slot);
          },
          onDragLeave: () => setDropSlot((current) => (current === slot ? null : current)),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setDropSlot(null);
            const entry = activities.find((candidate) => candidate.item.key === event.dataTransfer.getData(cardDragType));
            if (entry && movable(entry.item)) onMove(entry, slot);
          },
        }
      : {};
  return (
    <section className="status-board" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.activities.boardHeading}</h2>
      {anyMovable ? <p className="field__help">{t.activities.boardHelp}</p> : null}
      <div className="status-board__columns">
        {columns.map(({ slot, items }) => (
          <section key={slot} className={dropSlot === slot ? 'status-column status-column--drop' : 'status-column'} aria-labelledby={`${id}-${slot}`} data-column={slot} {...dropHandlers(slot)}>
            <h3 id={`${id}-${slot}`} className="status-column__heading">
              <span className={`status-column__mark status-column__mark--${slot}`} aria-hidden="true" />
              {t.activities.status[slot]} <span className="status-column__count">({t.activities.columnCount(items.length)})</span>
            </h3>
            {items.length === 0 ? (
              <p className="muted status-column__empty">{t.activities.emptyColumn}</p>
            ) : (
              <ul className="status-column__cards">
                {items.map((entry) => (
                  <li key={entry.item.key}>
                    <BoardCard
                      entry={entry}
                      caption={tables.find((table) => table.key === entry.item.table)?.caption ?? ''}
                      goals={goals}
                      movable={movable(entry.item)}
                      moving={movingKey === entry.item.key}
                      onMove={(status) => onMove(entry, status)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
