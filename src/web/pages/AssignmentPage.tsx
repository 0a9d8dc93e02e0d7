/**
 * One node's assignment in a round, written in place: each item beside its figures (the
 * deviation, the chart, the forecast; a goal's status), with what the node wrote last time and
 * the year's earlier rounds; what is still missing; "Markera som klar"; and for a controller
 * "Skicka tillbaka". Read-only for everyone but the responsible.
 */
import { useMemo, useRef, useState } from 'react';
import { findDeviations } from '../../domain/deviations.ts';
import { forecastPlan } from '../../domain/forecast-plan.ts';
import { formatPeriod, lastMonth } from '../../domain/period.ts';
import { roundPaths } from '../../domain/rounds/addresses.ts';
import { scorecard } from '../../domain/status.ts';
import { ApiError, getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { AssignmentStatus } from '../components/rounds/AssignmentStatus.tsx';
import { ItemFigures, type ItemContext } from '../components/rounds/ItemFigures.tsx';
import { ItemForm, Paragraphs } from '../components/rounds/ItemForm.tsx';
import { SendBackForm } from '../components/rounds/SendBackForm.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { getAssignment, markDone, type Assignment, type AssignmentItem } from '../rounds-api.ts';
import { formatDate, formatDateTime, groupItems } from '../rounds-view.ts';
import { useReloadableResource, useResource } from '../use-resource.ts';
import '../charts.css';
import '../follow-up.css';
import '../rounds.css';

const anchorOf = (item: AssignmentItem) => `del-${item.key.replace(/[^a-z0-9-]/gi, '-')}`;

function Carried({ item }: { item: AssignmentItem }) {
  const { t } = useI18n();
  if (!item.previous && item.withinYear.length === 0) return null;
  return (
    <div className="round-item__carried">
      {item.previous ? (
        <details>
          <summary>{t.rounds.assignment.previous(formatPeriod(item.previous.period), item.previous.writtenBy)}</summary>
          <div lang="sv">
            {item.previous.assessment ? <p>{t.rounds.assignment.assessments[item.previous.assessment] ?? item.previous.assessment}</p> : null}
            <Paragraphs text={item.previous.text} />
          </div>
        </details>
      ) : null}
      {item.withinYear.length > 0 ? (
        <details open>
          <summary>{t.rounds.assignment.withinYear}</summary>
          {item.withinYear.map((entry) => (
            <div key={entry.period} lang="sv">
              <p>
                <strong>{formatPeriod(entry.period)}</strong> ({entry.writtenBy})
              </p>
              <Paragraphs text={entry.text} />
            </div>
          ))}
        </details>
      ) : null}
    </div>
  );
}

function Item({ assignment, item, context, onSaved }: { assignment: Assignment; item: AssignmentItem; context: ItemContext; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const headingId = `${anchorOf(item)}-heading`;
  return (
    <article id={anchorOf(item)} className="round-item" aria-labelledby={headingId} data-item={item.key} data-missing={item.missing.length > 0 || undefined}>
      <h3 id={headingId} lang="sv">
        {item.label}
      </h3>
      <ItemFigures item={item} context={context} />
      <Carried item={item} />
      <p className="meta">
        {item.writtenBy && item.writtenAt ? t.rounds.assignment.writtenBy(item.writtenBy, formatDateTime(item.writtenAt)) : t.rounds.assignment.notWritten}
        {item.missing.length > 0 ? <span className="round-item__missing"> · {t.rounds.assignment.missing}: {item.missing.join(', ').toLowerCase()}</span> : null}
      </p>
      {assignment.may.write && assignment.status !== 'done' ? (
        <ItemForm key={item.key} planKey={assignment.plan} period={assignment.period} node={assignment.node} item={item} onSaved={onSaved} />
      ) : (
        <div lang="sv" className="round-item__text">
          {item.assessment ? <p>{t.rounds.assignment.assessments[item.assessment] ?? item.assessment}</p> : null}
          <Paragraphs text={item.text} />
        </div>
      )}
    </article>
  );
}

function DoneButton({ assignment, etag, onChanged }: { assignment: Assignment; etag: string | null; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const mark = async () => {
    if (busy || !etag) return;
    setBusy(true);
    try {
      await markDone(assignment.plan, assignment.period, assignment.node, etag);
      await onChanged();
      setMessage({ kind: 'done', text: (t) => t.rounds.assignment.markedDone, problems: [] });
    } catch (error) {
      const text = error instanceof ApiError && error.code !== 'network' ? error.message : null;
      setMessage({ kind: 'error', text: (t) => `${t.rounds.assignment.doneFailed}: ${text ?? t.errors.network}`, problems: error instanceof ApiError ? error.problems.map((p) => p.message) : [] });
    } finally {
      setBusy(false);
      messageRef.current?.focus();
    }
  };
  return (
    <div className="round-done">
      {assignment.may.write && assignment.status !== 'done' ? (
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void mark()}>
          {busy ? t.rounds.assignment.marking : t.rounds.assignment.markDone}
        </button>
      ) : null}
      <LiveMessage message={message} messageRef={messageRef} tagged />
    </div>
  );
}

export function AssignmentPage({ planKey, period, node }: { planKey: string; period: string; node: string }) {
  const { t } = useI18n();
  const planResource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const [resource, reload] = useReloadableResource((signal) => getAssignment(planKey, period, node, signal), [planKey, period, node]);
  const plan = planResource.state === 'ready' ? planResource.data.data : null;
  const [reviewMessage, setReviewMessage] = useState<Message | null>(null);
  const reviewRef = useRef<HTMLDivElement>(null);
  const context = useMemo<ItemContext | null>(() => (plan ? { plan, period, deviations: findDeviations(plan, { period }), card: scorecard(plan, { period }), forecast: forecastPlan(plan, { asOf: lastMonth(period) }) } : null), [plan, period]);

  if (planResource.state === 'failed') return <PlanLoadError error={planResource.error} />;
  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan || !context || resource.state !== 'ready') {
    return (
      <div className="page">
        <PageHeading title={t.rounds.assignment.loading} ready={false} />
        <Loading text={t.rounds.assignment.loading} />
      </div>
    );
  }
  const assignment = resource.data.data;
  const missing = assignment.items.filter((item) => item.missing.length > 0);
  return (
    <div className="page page--rounds page--assignment">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' },
          { label: t.rounds.rounds.crumb, href: roundPaths.rounds(plan.plan.key) },
          { label: formatPeriod(period), href: roundPaths.round(plan.plan.key, period) },
          { label: assignment.nodeName, lang: 'sv' },
        ]}
      />
      <PageHeading title={t.rounds.assignment.heading(assignment.nodeName, assignment.title)}>
        <span lang="sv">
          {assignment.nodeName}: {assignment.title}
        </span>
      </PageHeading>
      <ul className="plan-header__facts round-facts">
        <li>
          <AssignmentStatus status={assignment.status} overdue={assignment.overdue} />
        </li>
        <li>{t.rounds.assignment.deadline(formatDate(assignment.deadline))}</li>
        <li lang="sv">{t.rounds.assignment.responsible(assignment.responsibleName ?? t.rounds.round.noResponsible)}</li>
      </ul>
      {assignment.sentBack ? (
        <div className="notice notice--error" role="note">
          <p lang="sv">{t.rounds.assignment.sentBack(assignment.sentBack.by, assignment.sentBack.comment)}</p>
        </div>
      ) : null}
      {assignment.roundStatus !== 'open' ? <p className="notice">{t.rounds.assignment.closed}</p> : !assignment.may.write ? <p className="notice">{t.rounds.assignment.readOnly}</p> : null}
      {assignment.status === 'done' ? <p className="notice">{t.rounds.assignment.isDone}</p> : null}
      <p data-left="">{t.rounds.assignment.left(missing.length, assignment.items.length)}</p>
      {missing.length > 0 && assignment.may.write ? (
        <ul className="round-missing">
          {missing.map((item) => (
            <li key={item.key}>
              <a href={`#${anchorOf(item)}`} lang="sv">
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {groupItems(assignment.items).map((group) => (
        <section key={group.kind} aria-labelledby={`grupp-${group.kind}`} className="round-group">
          <h2 id={`grupp-${group.kind}`}>{t.rounds.assignment.groups[group.kind]}</h2>
          {group.items.map((item) => (
            <Item key={item.key} assignment={assignment} item={item} context={context} onSaved={reload} />
          ))}
        </section>
      ))}
      <DoneButton assignment={assignment} etag={resource.data.etag} onChanged={reload} />
      {assignment.may.review && assignment.status === 'done' ? (
        <SendBackForm
          planKey={assignment.plan}
          period={assignment.period}
          node={assignment.node}
          nodeName={assignment.nodeName}
          etag={`"${assignment.version}"`}
          onSent={async (nodeName) => {
            await reload();
            setReviewMessage({ kind: 'done', text: (t) => t.rounds.sendBack.done(nodeName), problems: [] });
            reviewRef.current?.focus();
          }}
        />
      ) : null}
      <LiveMessage message={reviewMessage} messageRef={reviewRef} tagged />
      <p>
        <Link href={roundPaths.round(plan.plan.key, period)}>{t.rounds.assignment.backToRound}</Link>
        {' · '}
        <Link href={roundPaths.mine()}>{t.rounds.assignment.backToMine}</Link>
      </p>
    </div>
  );
}
