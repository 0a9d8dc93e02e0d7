/**
 * The plan page's adopted follow-ups (fastställda uppföljningar): every adopted round's report
 * with its decision and documents, built from its frozen snapshot; public like the plan. Logged-in
 * accounts also get the way to the plan's rounds.
 */
import { describeDecision } from '../../../domain/rounds/report-content.ts';
import { roundPaths } from '../../../domain/rounds/addresses.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { listRounds } from '../../rounds-api.ts';
import { useSession } from '../../session.tsx';
import { useResource } from '../../use-resource.ts';
import { RoundDocuments } from './RoundReport.tsx';

export function PublishedRounds({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const resource = useResource((signal) => listRounds(planKey, signal), [planKey, user?.username]);
  const adopted = resource.state === 'ready' ? resource.data.filter((round) => round.status === 'adopted') : [];
  const toRounds = user ? (
    <p>
      <Link href={roundPaths.rounds(planKey)}>{t.rounds.rounds.link}</Link>
    </p>
  ) : null;
  if (adopted.length === 0) return toRounds ? <div className="plan-tools">{toRounds}</div> : null;
  return (
    <section className="plan-tools published-rounds" aria-labelledby="published-rounds-heading">
      <h2 id="published-rounds-heading" className="plan-tools__heading">
        {t.rounds.published.heading}
      </h2>
      {adopted.map((round) => (
        <div key={round.period} className="published-round" data-period={round.period}>
          <h3 lang="sv">{round.title}</h3>
          {round.decision ? (
            <p className="meta" lang="sv">
              {describeDecision(round.decision)}
            </p>
          ) : null}
          <RoundDocuments round={round} />
        </div>
      ))}
      {toRounds}
    </section>
  );
}
