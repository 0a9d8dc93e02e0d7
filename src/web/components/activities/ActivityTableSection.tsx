/**
 * One activity table as the plan prints it — the table's own caption and columns, figures as
 * printed and right-aligned — plus status, owner and goals; an edit button per row and an add
 * button for those who may edit, and the open edit form right under the table.
 */
import { useId, type ReactNode } from 'react';
import { parseRich } from '../../../domain/rich-text-blocks.ts';
import type { VersionedActivity } from '../../activities-api.ts';
import { goalLabels, isFigureField, printedCell, slotOf, type Activity, type ActivityTable } from '../../activities-view.ts';
import type { PlanFile } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { RichText } from '../RichText.tsx';
import { ScrollRegion } from '../ScrollRegion.tsx';

interface Props {
  table: ActivityTable;
  /** The text of the caption's footnote, when the plan has one. */
  footnote: string | null;
  goals: PlanFile['goals'];
  /** The plan's indicators, to print the ones an activity serves by their numbers. */
  indicators?: PlanFile['indicators'];
  rows: VersionedActivity[];
  /** Whether an activity's edit button shows (it opens the form; the form itself knows what is frozen). */
  editable: (activity: Activity) => boolean;
  mayAdd: boolean;
  editingKey: string | null;
  onEdit: (key: string) => void;
  onAdd: () => void;
  /** The open edit form, when it belongs to this table. */
  editor: ReactNode;
}

function Cell({ activity, field, plan }: { activity: Activity; field: ActivityTable['columns'][number]['field']; plan: Pick<PlanFile, 'goals' | 'indicators'> }) {
  const cell = printedCell(activity, field, plan);
  if (cell.kind === 'rich') {
    return (
      <td className="prose" lang="sv">
        <RichText blocks={parseRich(cell.html)} />
      </td>
    );
  }
  return (
    <td className={cell.kind === 'figure' ? 'num' : 'words'} lang="sv">
      {cell.text}
    </td>
  );
}

/** One activity: its name as the row header, the table's own columns as printed, then status, owner, goals and the edit button. */
function ActivityRow({ activity, table, goals, indicators, editable, showEditColumn, expanded, onEdit }: { activity: Activity; table: ActivityTable; goals: PlanFile['goals']; indicators: PlanFile['indicators']; editable: boolean; showEditColumn: boolean; expanded: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const goalText = goalLabels(activity, goals).join(', ');
  return (
    <tr data-activity={activity.key}>
      <th scope="row" lang="sv">
        {activity.name}
      </th>
      {table.columns.map((column) => (
        <Cell key={column.field} activity={activity} field={column.field} plan={{ goals, indicators }} />
      ))}
      <td className="activities-table__status" data-status={slotOf(activity)}>
        {t.activities.status[slotOf(activity)]}
      </td>
      <td lang="sv">{activity.owner ?? '–'}</td>
      <td className="activities-table__goals">{goalText || t.activities.noGoals}</td>
      {editable ? (
        <td>
          <button type="button" className="edit-button" data-edit={activity.key} aria-expanded={expanded} aria-label={t.activities.editLabel(activity.name)} onClick={onEdit}>
            {t.activities.edit}
          </button>
        </td>
      ) : showEditColumn ? (
        <td />
      ) : null}
    </tr>
  );
}

export function ActivityTableSection({ table, footnote, goals, indicators = [], rows, editable, mayAdd, editingKey, onEdit, onAdd, editor }: Props) {
  const { t } = useI18n();
  const id = useId();
  const intro = parseRich(table.intro);
  return (
    <section className="activity-table" aria-labelledby={`${id}-heading`} data-table={table.key}>
      <h2 id={`${id}-heading`} lang="sv">
        {table.caption}
      </h2>
      {intro.length > 0 ? (
        <div className="activity-table__intro" lang="sv">
          <RichText blocks={intro} />
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t.activities.noneInTable}</p>
      ) : (
        <div className="doc-table">
          <ScrollRegion labelledBy={`${id}-caption`}>
            <table className="activities-table">
              <caption id={`${id}-caption`} lang="sv" className="visually-hidden">
                {table.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col" lang="sv">
                    {table.caption}
                    {table.captionFootnote ? <sup className="footnote-mark">{table.captionFootnote}</sup> : null}
                  </th>
                  {table.columns.map((column) => (
                    <th key={column.field} scope="col" lang="sv" className={isFigureField(column.field) ? 'num' : undefined}>
                      {column.label}
                    </th>
                  ))}
                  <th scope="col">{t.activities.columnStatus}</th>
                  <th scope="col">{t.activities.columnOwner}</th>
                  <th scope="col">{t.activities.columnGoals}</th>
                  {rows.some(({ item }) => editable(item)) ? (
                    <th scope="col">
                      <span className="visually-hidden">{t.activities.columnEdit}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ item }) => (
                  <ActivityRow key={item.key} activity={item} table={table} goals={goals} indicators={indicators} editable={editable(item)} expanded={editingKey === item.key} showEditColumn={rows.some((row) => editable(row.item))} onEdit={() => onEdit(item.key)} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {table.captionFootnote && footnote ? (
            <p className="doc-table__notes footnote" lang="sv">
              <sup>{table.captionFootnote}</sup> {footnote}
            </p>
          ) : null}
        </div>
      )}
      {mayAdd ? (
        <p className="table-action">
          <button type="button" className="button button--secondary" data-add={table.key} onClick={onAdd}>
            {t.activities.add(table.caption)}
          </button>
        </p>
      ) : null}
      {editor}
    </section>
  );
}
