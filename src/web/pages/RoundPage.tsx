/**
 * One round's overview: per node its responsible, status (not started, in progress, done, sent
 * back) and whether it is late — in words and icon, red when overdue — what is still missing, a
 * controller's "Skicka tillbaka"; then the report with its documents, submit and adopt.
 */
import { useRef, useState } from 'react';
import { formatPeriod } from '../../domain/period.ts';
import { roundPaths } from '../../domain/rounds/addresses.ts';
import { getPlan, type PlanFile } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { LiveMessage, type Message } from '../components/LiveMessage.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { AssignmentStatus } from '../components/rounds/AssignmentStatus.tsx';
import { RoundReport } from '../components/rounds/RoundReport.tsx';
import { SendBackForm } from '../components/rounds/SendBackForm.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { getRound, type Round } from '../rounds-api.ts';
import { formatDate, mayReview } from '../rounds-view.ts';
import { useSession, type User } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useReloadableResource, useResource } from '../use-resource.ts';
import '../rounds.css';

function Overview({ round, plan, user, onChanged }: { round: Round; plan: PlanFile; user: User | null; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const onSent = async (nodeName: string) => {
    await onChanged();
    setMessage({ kind: 'done', text: (t) => t.rounds.sendBack.done(nodeName), problems: [] });
    messageRef.current?.focus();
  };
  const reviewing = round.status === 'open' && round.assignments.some((assignment) => assignment.status === 'done' && mayReview(user, plan, assignment.node));
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t.rounds.round.overviewHeading}</h2>
      <p data-progress="">{t.rounds.round.progress(round.counts.done ?? 0, round.assignments.length, round.overdue)}</p>
      <LiveMessage message={message} messageRef={messageRef} tagged />
      <ScrollRegion labelledBy="overview-caption">
        <table className="round-table" id="round-overview">
          <caption id="overview-caption">{t.rounds.round.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rounds.round.unit}</th>
              <th scope="col">{t.rounds.round.responsible}</th>
              <th scope="col">{t.rounds.round.status}</th>
              <th scope="col">{t.rounds.round.missing}</th>
              {reviewing ? <th scope="col">{t.rounds.round.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {round.assignments.map((assignment) => (
              <tr key={assignment.node} data-node={assignment.node} data-status={assignment.status} className={assignment.overdue ? 'round-table__row--overdue' : undefined}>
                <th scope="row">
                  <Link href={roundPaths.assignment(round.plan, round.period, assignment.node)} lang="sv">
                    {assignment.nodeName}
                  </Link>
                </th>
                <td lang="sv">{assignment.responsibleName ?? <span className="muted">{t.rounds.round.noResponsible}</span>}</td>
                <td>
                  <AssignmentStatus status={assignment.status} overdue={assignment.overdue} />
                  {assignment.sentBack ? (
                    <p className="meta" lang="sv">
                      {t.rounds.round.sentBackBy(assignment.sentBack.by, assignment.sentBack.comment)}
                    </p>
                  ) : null}
                </td>
                <td>{t.rounds.missing(assignment.missing, assignment.items)}</td>
                {reviewing ? (
                  <td>
                    {assignment.status === 'done' && mayReview(user, plan, assignment.node) ? (
                      <SendBackForm planKey={round.plan} period={round.period} node={assignment.node} nodeName={assignment.nodeName} etag={`"${assignment.version}"`} onSent={onSent} />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export function RoundPage({ planKey, period }: { planKey: string; period: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const planResource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const [resource, reload] = useReloadableResource((signal) => getRound(planKey, period, signal), [planKey, period, user?.username]);
  const plan = planResource.state === 'ready' ? planResource.data.data : null;
  const permissions = usePlanPermissions(plan);

  if (planResource.state === 'failed') return <PlanLoadError error={planResource.error} />;
  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan || resource.state !== 'ready') {
    return (
      <div className="page">
        <PageHeading title={t.rounds.round.loading} ready={false} />
        <Loading text={t.rounds.round.loading} />
      </div>
    );
  }
  const round = resource.data.data;
  return (
    <div className="page page--rounds">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' },
          { label: t.rounds.rounds.crumb, href: roundPaths.rounds(plan.plan.key) },
          { label: formatPeriod(round.period) },
        ]}
      />
      <PageHeading title={t.rounds.round.heading(round.title, plan.plan.title)}>
        <span lang="sv">{round.title}</span>
      </PageHeading>
      <ul className="plan-header__facts round-facts">
        <li lang="sv">{plan.plan.title}</li>
        <li>{t.rounds.roundStatus[round.status]}</li>
        <li>{t.rounds.round.facts(formatDate(round.deadline), formatDate(round.today))}</li>
        <li>{t.rounds.round.owner(round.owner)}</li>
      </ul>
      <Overview round={round} plan={plan} user={user ?? null} onChanged={reload} />
      <RoundReport round={round} etag={resource.data.etag} mayManage={permissions.workflow} onChanged={reload} />
    </div>
  );
}
