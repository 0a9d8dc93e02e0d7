/**
 * Follow-up of a plan for a month: year-end forecasts of every volume measure and budget line
 * (each method's value with its interval, beside the forecast the economist entered and the
 * plan), a chart of a measure's months against plan, and the deviations of the month, largest
 * first, with the responsible's analyses of this and earlier periods.
 */
import { useMemo } from 'react';
import { formatPeriod } from '../../domain/format.ts';
import { getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Chart } from '../components/follow-up/Chart.tsx';
import { Deviations } from '../components/follow-up/Deviations.tsx';
import { Forecasts } from '../components/follow-up/Forecasts.tsx';
import { MonthForm } from '../components/follow-up/MonthForm.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { monthsWithActuals } from '../follow-up-view.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths, useLocation } from '../router.tsx';
import { useResource } from '../use-resource.ts';
import '../charts.css';
import '../follow-up.css';

export function FollowUpPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const resource = useResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const months = useMemo(() => (plan ? monthsWithActuals(plan) : []), [plan]);
  const asked = search.get('period');
  const month = asked && months.includes(asked) ? asked : (months.at(-1) ?? null);

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan) {
    return (
      <div className="page">
        <PageHeading title={t.followUp.title} ready={false} />
        <Loading text={t.common.loadingPlan} />
      </div>
    );
  }
  return (
    <div className="page page--follow-up">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' },
          { label: t.followUp.title },
        ]}
      />
      <PageHeading title={t.followUp.heading(plan.plan.title)}>
        {t.followUp.title}: <span lang="sv">{plan.plan.title}</span>
      </PageHeading>
      <div className="scorecard-tools">
        {month ? <MonthForm key={month} planKey={plan.plan.key} month={month} months={months} /> : null}
        <p>
          <Link href={paths.scorecard(plan.plan.key)}>{t.followUp.toScorecard}</Link>
          {' · '}
          <Link href={paths.plan(plan.plan.key)}>{t.scorecard.backToPlan}</Link>
        </p>
      </div>
      {month ? (
        <>
          {asked && asked !== month ? <p className="notice">{t.followUp.monthMissing(formatPeriod(asked), formatPeriod(month))}</p> : null}
          <Forecasts planKey={plan.plan.key} month={month} />
          <Chart plan={plan} month={month} />
          <Deviations planKey={plan.plan.key} month={month} />
        </>
      ) : (
        <p>{t.followUp.noMonths}</p>
      )}
    </div>
  );
}
