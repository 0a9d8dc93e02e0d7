/** The public start page: each municipality, its committees and their adopted plans. */
import { formatYearRange } from '../../domain/format.ts';
import { getOrganisation, listPlans, type PlanSummary } from '../api.ts';
import { LoadError, Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { groupPlans } from '../start-view.ts';
import { useResource } from '../use-resource.ts';

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const title = plan.subtitle ? `${plan.title}, ${plan.subtitle}` : plan.title;
  const headingId = `plan-${plan.key}`;
  return (
    <li className="plan-card" data-plan={plan.key}>
      <article aria-labelledby={headingId}>
        <h4 id={headingId} lang="sv">
          <Link href={paths.plan(plan.key)}>{plan.title}</Link>
          {plan.subtitle ? <span className="plan-card__subtitle">{plan.subtitle}</span> : null}
        </h4>
        <dl className="plan-card__facts">
          <div>
            <dt>{t.start.period}</dt>
            <dd>{formatYearRange(plan.period.start, plan.period.end)}</dd>
          </div>
          <div>
            <dt>{t.start.status}</dt>
            <dd>{t.planStatus[plan.status]}</dd>
          </div>
        </dl>
        <p className="plan-card__links">
          <Link href={paths.scorecard(plan.key)} aria-label={t.start.scorecardLabel(title)}>
            {t.start.scorecard}
          </Link>
        </p>
      </article>
    </li>
  );
}

export function StartPage() {
  const { t } = useI18n();
  const resource = useResource(async (signal) => {
    // The organisation only places plans under committees: without it the plans are still listed.
    const [plans, organisation] = await Promise.all([listPlans(signal), getOrganisation(signal).catch(() => [])]);
    return groupPlans(plans, organisation);
  }, []);
  return (
    <div className="page page--start">
      <PageHeading title={t.start.title} />
      <p className="lead">{t.start.intro}</p>
      {resource.state === 'loading' ? <Loading /> : null}
      {resource.state === 'failed' ? <LoadError error={resource.error} /> : null}
      {resource.state === 'ready' && resource.data.length === 0 ? <p>{t.start.noPlans}</p> : null}
      {resource.state === 'ready'
        ? resource.data.map((municipality) => (
            <section key={municipality.code} className="municipality" aria-labelledby={`municipality-${municipality.code}`}>
              <h2 id={`municipality-${municipality.code}`} lang="sv">
                {municipality.name}
              </h2>
              <p className="meta">{t.start.municipalityCode(municipality.code)}</p>
              {municipality.committees.length > 0 ? (
                <>
                  {municipality.committees.map((committee) => (
                    <section key={committee.key} className="committee" aria-labelledby={`committee-${committee.key}`}>
                      <h3 id={`committee-${committee.key}`} lang="sv">
                        {committee.name}
                      </h3>
                      {committee.plans.length > 0 ? (
                        <ul className="plan-list">
                          {committee.plans.map((plan) => (
                            <PlanCard key={plan.key} plan={plan} />
                          ))}
                        </ul>
                      ) : (
                        <p className="muted">{t.start.committeeNoPlans}</p>
                      )}
                    </section>
                  ))}
                </>
              ) : null}
              {municipality.otherPlans.length > 0 ? (
                <section className="committee" aria-labelledby={`other-${municipality.code}`}>
                  <h3 id={`other-${municipality.code}`}>{t.start.otherPlans}</h3>
                  <ul className="plan-list">
                    {municipality.otherPlans.map((plan) => (
                      <PlanCard key={plan.key} plan={plan} />
                    ))}
                  </ul>
                </section>
              ) : null}
            </section>
          ))
        : null}
    </div>
  );
}
