/**
 * The scorecard (styrkort) of a plan for a period: goals by perspective, each with its indicators'
 * target, latest outcome, status light and trend, and the committee goals beneath them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatPeriod } from '../../domain/format.ts';
import { isPeriod } from '../../domain/period.ts';
import { mayChangeFollowUp } from '../../domain/plan-lifecycle.ts';
import type { PlanFile } from '../../domain/plan.ts';
import { allStatuses, type Status } from '../../domain/status-band.ts';
import type { LegendEntry } from '../../domain/status-rule.ts';
import { getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PeriodSelectForm } from '../components/PeriodSelectForm.tsx';
import { IndicatorEditor } from '../components/IndicatorEditor.tsx';
import { GoalAssessmentEditor } from '../components/GoalAssessmentEditor.tsx';
import { assessmentKey, editButtonId, IndicatorEditingContext, IndicatorTable, PerspectiveSection, type IndicatorEditing } from '../components/ScorecardGoals.tsx';
import { OrganisationFilter } from '../components/insights/OrganisationFilter.tsx';
import { StatusLight } from '../components/StatusLight.tsx';
import '../charts.css';
import '../insights.css';
import { useI18n } from '../i18n/index.tsx';
import { Link, navigate, paths, useLocation } from '../router.tsx';
import { buildScorecardView, defaultPeriod, filterScorecardView, organisationOptions } from '../scorecard-view.ts';
import { usePlanPermissions } from '../use-permissions.ts';
import { useReloadableResource } from '../use-resource.ts';

// Always listed; the statuses issue 12 added are listed when an indicator has one.
const alwaysShown: readonly Status[] = ['green', 'yellow', 'red', 'not-measured'];

/** The scorecard's address with its period and organisation node (?period=…&enhet=…). */
function scorecardHref(planKey: string, period: string | null, node: string | null): string {
  const href = paths.scorecard(planKey, period ?? undefined);
  if (!node) return href;
  return `${href}${href.includes('?') ? '&' : '?'}enhet=${encodeURIComponent(node)}`;
}

function PeriodForm({ plan, period, periods, node }: { plan: PlanFile; period: string; periods: string[]; node: string | null }) {
  const { t } = useI18n();
  const options = periods.includes(period) ? periods : [...periods, period].sort();
  return <PeriodSelectForm id="period" label={t.scorecard.periodLabel} period={period} options={options} onGo={(chosen) => navigate(scorecardHref(plan.plan.key, chosen, node), { replace: false })} />;
}

function FilterCount({ shown, total, node }: { shown: number; total: number; node: string }) {
  const { t } = useI18n();
  return (
    <p className="filter-count">
      {t.scorecard.filterCount(shown, total, node)}
    </p>
  );
}

/** The plan's own summary of its goals' assessments, one sentence per kind (mål, uppdrag, prioriterade områden). */
function AssessmentSummary({ lines }: { lines: string[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return null;
  return (
    <>
      <h3 id="assessment-summary-heading">{t.scorecard.assessmentSummary}</h3>
      <ul className="assessment-summary" aria-labelledby="assessment-summary-heading">
        {lines.map((line) => (
          <li key={line} lang="sv">
            {line}
          </li>
        ))}
      </ul>
    </>
  );
}

function Summary({ counts, period, ruleText, legend, assessments }: { counts: Record<Status, number>; period: string; ruleText: string; legend: LegendEntry[]; assessments: string[] }) {
  const { t } = useI18n();
  if (Object.values(counts).every((count) => count === 0)) {
    return (
      <section className="scorecard-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t.scorecard.summary}</h2>
        <p>{t.scorecard.noIndicatorsInPlan}</p>
        <AssessmentSummary lines={assessments} />
      </section>
    );
  }
  return (
    <section className="scorecard-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t.scorecard.summary}</h2>
      <p>{t.scorecard.summaryText(formatPeriod(period))}</p>
      <ul className="status-counts">
        {allStatuses
          .filter((status) => alwaysShown.includes(status) || counts[status] > 0)
          .map((status) => (
            <li key={status}>
              <span className="status-counts__number">{counts[status]}</span> <StatusLight status={status} />
            </li>
          ))}
      </ul>
      <p className="rule">
        {t.scorecard.rule} <span lang="sv">{ruleText}</span>.
      </p>
      <AssessmentSummary lines={assessments} />
      <h3 id="legend-heading">{t.scorecard.statusLegend}</h3>
      <dl className="status-legend" aria-labelledby="legend-heading">
        {legend.map((entry) => (
          <div key={entry.status}>
            <dt>
              <StatusLight status={entry.status} />
            </dt>
            <dd lang="sv">{entry.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function ScorecardPage({ planKey }: { planKey: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const [resource, reload] = useReloadableResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const permissions = usePlanPermissions(plan);
  const [openKey, setOpenKey] = useState<string | null>(null);
  // Focus goes back to the closed editor's button once it is rendered again (after a reload too).
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const close = useCallback((key: string) => {
    setOpenKey(null);
    setReturnFocusTo(key);
  }, []);
  useEffect(() => {
    const button = returnFocusTo ? document.getElementById(editButtonId(returnFocusTo)) : null;
    if (!button) return;
    button.focus();
    setReturnFocusTo(null);
  });
  const asked = search.get('period');
  const period = plan ? (asked && isPeriod(asked) ? asked : defaultPeriod(plan, new Date())) : null;
  const editing = useMemo<IndicatorEditing>(
    () => ({
      canEdit: permissions.content && plan !== null && mayChangeFollowUp(plan.plan.status),
      openKey,
      toggle: (key) => (openKey === key ? close(key) : setOpenKey(key)),
      editor: (key) => (plan ? <IndicatorEditor key={key} plan={plan.plan} indicatorKey={key} onSaved={reload} onClose={() => close(key)} /> : null),
      // Where the plan assesses its goals (a scale, or assessments written): Timrå's scorecard stays as it was.
      ...(plan && period && (plan.plan.goalAssessment || plan.goals.some((goal) => goal.assessments?.length))
        ? {
            assessmentEditor: (goalKey: string) => (
              <GoalAssessmentEditor key={`${goalKey}@${period}`} plan={plan.plan} goalKey={goalKey} period={period} onSaved={reload} onClose={() => close(assessmentKey(goalKey))} />
            ),
          }
        : {}),
    }),
    [permissions, plan, openKey, close, reload, period],
  );
  const nodes = useMemo(() => (plan ? organisationOptions(plan) : []), [plan]);
  const askedNode = search.get('enhet');
  const node = nodes.find((option) => option.key === askedNode) ?? null;
  const filtered = useMemo(() => (plan && period ? filterScorecardView(plan, buildScorecardView(plan, period), node?.key ?? null) : null), [plan, period, node]);
  const view = filtered?.view ?? null;

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan || !view || !period || !filtered) {
    return (
      <div className="page">
        <PageHeading title={t.scorecard.title} ready={false} />
        <Loading text={t.common.loadingPlan} />
      </div>
    );
  }
  const title = t.scorecard.heading(plan.plan.title);
  return (
    <div className="page page--scorecard">
      <Breadcrumbs
        crumbs={[
          { label: t.common.start, href: paths.start() },
          { label: plan.plan.title, href: paths.plan(plan.plan.key), lang: 'sv' },
          { label: t.scorecard.title },
        ]}
      />
      <PageHeading title={title}>
        {t.scorecard.title}: <span lang="sv">{plan.plan.title}</span>
        {plan.plan.subtitle ? (
          <span className="h1-subtitle" lang="sv">
            {' '}
            {plan.plan.subtitle}
          </span>
        ) : null}
      </PageHeading>
      <div className="scorecard-tools">
        <PeriodForm key={period} plan={plan} period={period} periods={view.periods} node={node?.key ?? null} />
        <OrganisationFilter key={node?.key ?? ''} options={nodes} chosen={node?.key ?? null} onGo={(chosen) => navigate(scorecardHref(plan.plan.key, asked && isPeriod(asked) ? asked : null, chosen))} />
        <p>
          <Link href={paths.plan(plan.plan.key)}>{t.scorecard.backToPlan}</Link>
          {' · '}
          <Link href={paths.followUp(plan.plan.key)}>{t.scorecard.toFollowUp}</Link>
        </p>
      </div>
      <IndicatorEditingContext.Provider value={editing}>
        <Summary counts={view.counts} period={period} ruleText={view.ruleText} legend={view.legend} assessments={view.assessmentSummary} />
        {node ? <FilterCount shown={filtered.shown} total={filtered.total} node={node.name} /> : null}
        {view.perspectives.length === 0 && view.unattached.length === 0 ? <p>{node ? t.scorecard.filterNothing : t.scorecard.noGoals}</p> : null}
        {view.perspectives.map((perspective) => (
          <PerspectiveSection key={perspective.number ?? 'other'} perspective={perspective} period={period} alone={view.perspectives.length === 1} />
        ))}
        {view.unattached.length > 0 ? (
          <section className="perspective" aria-labelledby="unattached">
            <h2 id="unattached">{t.scorecard.indicatorsWithoutGoal}</h2>
            <IndicatorTable indicators={view.unattached} caption={t.scorecard.indicatorsWithoutGoal} id="indicators-unattached" period={period} />
          </section>
        ) : null}
      </IndicatorEditingContext.Provider>
    </div>
  );
}
