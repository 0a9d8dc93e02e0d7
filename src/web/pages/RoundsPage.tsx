/** A plan's follow-up rounds: each with its status and progress, and the form to open a new one. */
import { roundPaths } from '../../domain/rounds/addresses.ts';
import { getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { OpenRoundForm } from '../components/rounds/OpenRoundForm.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { listRounds } from '../rounds-api.ts';
import { formatDate } from '../rounds-view.ts';
import { useSession } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useResource } from '../use-resource.ts';
import '../rounds.css';

function todayHere(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function RoundsPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const planResource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const roundsResource = useResource((signal) => listRounds(planKey, signal), [planKey, user?.username]);
  const plan = planResource.state === 'ready' ? planResource.data.data : null;
  const permissions = usePlanPermissions(plan);

  if (planResource.state === 'failed') return <PlanLoadError error={planResource.error} />;
  if (!plan) {
    return (
      <div className="page">
        <PageHeading title={t.rounds.rounds.title} ready={false} />
        <Loading text={t.common.loadingPlan} />
      </div>
    );
  }
  const rounds = roundsResource.state === 'ready' ? roundsResource.data : null;
  return (
    <div className="page page--rounds">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' }, { label: t.rounds.rounds.crumb }]} />
      <PageHeading title={t.rounds.rounds.heading(plan.plan.title)}>
        {t.rounds.rounds.title}: <span lang="sv">{plan.plan.title}</span>
      </PageHeading>
      {roundsResource.state === 'loading' ? <Loading text={t.rounds.rounds.loading} /> : null}
      {roundsResource.state === 'failed' ? <p className="notice notice--error">{roundsResource.error.message}</p> : null}
      {rounds && rounds.length === 0 ? <p>{t.rounds.rounds.none}</p> : null}
      {rounds && rounds.length > 0 ? (
        <ScrollRegion labelledBy="rounds-caption">
          <table className="round-table" id="rounds">
            <caption id="rounds-caption">{t.rounds.rounds.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.rounds.rounds.round}</th>
                <th scope="col">{t.rounds.rounds.status}</th>
                <th scope="col">{t.rounds.rounds.deadline}</th>
                <th scope="col">{t.rounds.rounds.done}</th>
                <th scope="col">{t.rounds.rounds.late}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.period} data-period={round.period}>
                  <th scope="row">
                    <Link href={roundPaths.round(round.plan, round.period)} lang="sv">
                      {round.title}
                    </Link>
                  </th>
                  <td>{t.rounds.roundStatus[round.status]}</td>
                  <td>{formatDate(round.deadline)}</td>
                  <td>{t.rounds.rounds.doneOf(round.counts.done ?? 0, round.assignments.length)}</td>
                  <td>{round.status === 'open' ? round.overdue : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {user && plan.plan.status === 'adopted' ? permissions.workflow ? <OpenRoundForm planKey={plan.plan.key} today={todayHere()} /> : <p className="meta">{t.rounds.open.notAllowed}</p> : null}
      <p>
        <Link href={paths.plan(plan.plan.key)}>{t.scorecard.backToPlan}</Link>
      </p>
    </div>
  );
}
