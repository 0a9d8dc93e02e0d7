/** "Min uppföljning": the assignments the account answers for, with what is missing, and its notices. */
import { roundPaths } from '../../domain/rounds/addresses.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { AssignmentStatus } from '../components/rounds/AssignmentStatus.tsx';
import { NoticeList } from '../components/rounds/NoticeList.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { getMyAssignments } from '../rounds-api.ts';
import { formatDate } from '../rounds-view.ts';
import { useSession } from '../session.tsx';
import { useResource } from '../use-resource.ts';
import '../rounds.css';

function Assignments() {
  const { t } = useI18n();
  const resource = useResource((signal) => getMyAssignments(signal), []);
  if (resource.state === 'loading') return <Loading text={t.rounds.mine.loading} />;
  if (resource.state === 'failed') return <p className="notice notice--error">{resource.error.message}</p>;
  if (resource.data.length === 0) return <p>{t.rounds.mine.none}</p>;
  return (
    <ScrollRegion labelledBy="my-assignments-caption">
      <table className="round-table" id="my-assignments">
        <caption id="my-assignments-caption">{t.rounds.mine.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.rounds.mine.unit}</th>
            <th scope="col">{t.rounds.mine.round}</th>
            <th scope="col">{t.rounds.mine.deadline}</th>
            <th scope="col">{t.rounds.mine.status}</th>
            <th scope="col">{t.rounds.mine.left}</th>
          </tr>
        </thead>
        <tbody>
          {resource.data.map((assignment) => (
            <tr key={`${assignment.plan}/${assignment.period}/${assignment.node}`} data-node={assignment.node} data-overdue={assignment.overdue || undefined}>
              <th scope="row">
                <Link href={roundPaths.assignment(assignment.plan, assignment.period, assignment.node)} aria-label={t.rounds.mine.open(assignment.nodeName)} lang="sv">
                  {assignment.nodeName}
                </Link>
              </th>
              <td lang="sv">
                {assignment.title}
                <span className="meta"> · {assignment.planTitle}</span>
              </td>
              <td>{formatDate(assignment.deadline)}</td>
              <td>
                <AssignmentStatus status={assignment.status} overdue={assignment.overdue} />
              </td>
              <td>{t.rounds.missing(assignment.missing, assignment.items)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function MyFollowUpPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div className="page page--rounds">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: t.rounds.mine.title }]} />
      <PageHeading title={t.rounds.mine.title} ready={user !== undefined} />
      {user === undefined ? <Loading text={t.common.loading} /> : null}
      {user === null ? (
        <p>
          <Link href={paths.login(roundPaths.mine())}>{t.rounds.mine.logIn}</Link>
        </p>
      ) : null}
      {user ? (
        <>
          <p className="lead">{t.rounds.mine.intro}</p>
          <Assignments />
          <NoticeList />
        </>
      ) : null}
    </div>
  );
}
