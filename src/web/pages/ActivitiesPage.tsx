/**
 * A plan's activities, for everyone who may read the plan: as the plan's tables (with status, owner
 * and goals) or as a status board (?vy=tavla), filtered by status, organisation node and service
 * area. Editors (admin, redaktör) edit, add and delete activities and move them on the board; on an
 * adopted plan only the status changes, as follow-up (decision 0004). Every save sends If-Match.
 */
import { useRef, useState } from 'react';
import { mayChangeContent, mayChangeFollowUp } from '../../domain/plan-lifecycle.ts';
import '../activities.css';
import { loadActivities, type VersionedActivity } from '../activities-api.ts';
import { newActivity } from '../activities-draft.ts';
import { filterActivities, filterOptions, nextActivityKey, noFilters, type Filters } from '../activities-view.ts';
import { ActivityEditor } from '../components/activities/ActivityEditor.tsx';
import { ActivityFilters } from '../components/activities/ActivityFilters.tsx';
import { ActivityTableSection } from '../components/activities/ActivityTableSection.tsx';
import { StatusBoard } from '../components/activities/StatusBoard.tsx';
import { useFocusRequest } from '../components/activities/useFocusRequest.ts';
import { useStatusMove } from '../components/activities/useStatusMove.ts';
import { ViewSwitch, viewOf, type ActivitiesView } from '../components/activities/ViewSwitch.tsx';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate, paths, useLocation } from '../router.tsx';
import { mayEditItem, planPermissions } from '../permissions.ts';
import { useSession } from '../session.tsx';
import { useReloadableResource } from '../use-resource.ts';

/** The open form: an activity being edited, or a new one being added to a table. */
type Editing = { kind: 'edit'; key: string } | { kind: 'new'; table: string; key: string };

const editButton = (key: string) => `[data-edit="${key}"]`;
const addButton = (table: string) => `[data-add="${table}"]`;

export function ActivitiesPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const view = viewOf(useLocation().search);
  const [resource, reload] = useReloadableResource((signal) => loadActivities(planKey, signal), [planKey]);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const requestFocus = useFocusRequest();
  const activities = resource.state === 'ready' ? resource.data.activities : [];
  const mover = useStatusMove({ planKey, activities, reload, announce: setMessage, focusCard: (key) => requestFocus(`[data-card="${key}"] select`) });

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (resource.state === 'loading') {
    return (
      <div className="page">
        <PageHeading title={t.activities.loading} ready={false} />
        <Loading text={t.activities.loading} />
      </div>
    );
  }

  const { plan } = resource.data;
  const status = plan.plan.status;
  // On an adopted plan only an activity's status is follow-up; an archived plan takes nothing.
  const frozen = !mayChangeContent(status);
  // Role and organisation scope as the server decides them: an activity's own node, else the plan owner's.
  const mayEdit = planPermissions(user ?? null, plan).content && mayChangeFollowUp(status);
  const mayEditActivity = (activity: { node?: string }) => mayChangeFollowUp(status) && mayEditItem(user ?? null, plan, 'content', activity);
  const shownKeys = new Set(filterActivities(activities.map((entry) => entry.item), filters).map((activity) => activity.key));
  const shown = activities.filter((entry) => shownKeys.has(entry.item.key));

  const setView = (next: ActivitiesView) => {
    setEditing(null);
    navigate(paths.activities(planKey) + (next === 'board' ? '?vy=tavla' : ''), { replace: true });
  };
  const close = () => {
    if (editing) requestFocus(editing.kind === 'new' ? addButton(editing.table) : editButton(editing.key));
    setEditing(null);
  };
  const deleted = async (name: string) => {
    setEditing(null);
    await reload();
    // The form is gone: focus goes to the message that says so.
    setMessage({ kind: 'done', text: (t) => t.activities.deleted(name), problems: [] });
    messageRef.current?.focus();
  };
  const editorFor = (table: string) => {
    if (!editing) return null;
    const entry: VersionedActivity | undefined = editing.kind === 'edit' ? activities.find((candidate) => candidate.item.key === editing.key) : undefined;
    const tableKey = editing.kind === 'new' ? editing.table : entry?.item.table;
    if (tableKey !== table) return null;
    const initial = entry ?? { item: newActivity(editing.key, table), etag: null };
    return (
      <ActivityEditor
        key={editing.key}
        plan={plan}
        table={plan.activityTables.find((candidate) => candidate.key === table)}
        initial={initial}
        frozen={frozen}
        onSaved={reload}
        onClose={close}
        onDeleted={(name) => void deleted(name)}
      />
    );
  };

  return (
    <div className="page page--activities">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(planKey), lang: 'sv' }, { label: t.activities.title }]} />
      <PageHeading title={t.activities.heading(plan.plan.title)}>
        {t.activities.title}: <span lang="sv">{[plan.plan.title, plan.plan.subtitle].filter(Boolean).join(', ')}</span>
      </PageHeading>
      <p className="lead">{t.activities.intro}</p>
      {frozen ? <p className="notice notice--warning">{t.activities.frozenNote}</p> : null}
      {!mayChangeFollowUp(status) ? <p className="notice">{t.activities.archivedNote}</p> : null}
      <div className="activities-tools">
        <ViewSwitch view={view} onChange={setView} />
        <ActivityFilters filters={filters} options={filterOptions(activities.map((entry) => entry.item), plan.organisation)} shown={shown.length} total={activities.length} onChange={setFilters} />
      </div>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      {activities.length === 0 && plan.activityTables.length === 0 ? <p>{t.activities.noActivities}</p> : null}
      {view === 'board' ? (
        <StatusBoard activities={shown} tables={plan.activityTables} goals={plan.goals} movable={mayEditActivity} movingKey={mover.movingKey} onMove={(entry, slot) => void mover.move(entry, slot)} />
      ) : (
        plan.activityTables.map((table) => (
          <ActivityTableSection
            key={table.key}
            table={table}
            footnote={plan.footnotes.find((note) => note.mark === table.captionFootnote)?.text ?? null}
            goals={plan.goals}
            indicators={plan.indicators}
            rows={shown.filter((entry) => entry.item.table === table.key)}
            editable={mayEditActivity}
            mayAdd={mayEdit && !frozen}
            editingKey={editing?.kind === 'edit' ? editing.key : null}
            onEdit={(key) => setEditing(editing?.kind === 'edit' && editing.key === key ? null : { kind: 'edit', key })}
            onAdd={() => setEditing({ kind: 'new', table: table.key, key: nextActivityKey(table.key, activities.map((entry) => entry.item.key)) })}
            editor={editorFor(table.key)}
          />
        ))
      )}
    </div>
  );
}
