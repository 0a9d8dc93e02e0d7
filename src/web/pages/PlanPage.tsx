/** A plan, readable in full: its title page, a table of contents and every section in order. */
import { useEffect, useMemo, type ReactNode } from 'react';
import { buildPlanDocument } from '../../documents/plan-view-model.ts';
import { formatYearRange } from '../../domain/format.ts';
import { mayChangeFollowUp } from '../../domain/plan-lifecycle.ts';
import { getPlan } from '../api.ts';
import { Breadcrumbs } from '../components/Breadcrumbs.tsx';
import { Loading } from '../components/LoadState.tsx';
import { PlanLoadError } from '../components/PlanLoadError.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PlanDocument } from '../components/PlanDocument.tsx';
import { PlanEditLinks } from '../components/PlanEditLinks.tsx';
import { PublishedRounds } from '../components/rounds/PublishedRounds.tsx';
import { DocumentDownloads, WorkflowPanel } from '../components/PlanTools.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { mayEditItem } from '../permissions.ts';
import { useSession } from '../session.tsx';
import { usePlanPermissions } from '../use-permissions.ts';
import { useReloadableResource } from '../use-resource.ts';

/** After the content has rendered, scroll to the #fragment the address names (a shared link). */
function useScrollToFragment(ready: boolean): void {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    target?.scrollIntoView();
  }, [ready]);
}

export function PlanPage({ planKey }: { planKey: string }) {
  const { t, language } = useI18n();
  const { user } = useSession();
  const [resource, reload] = useReloadableResource((signal) => getPlan(planKey, signal), [planKey]);
  const plan = resource.state === 'ready' ? resource.data.data : null;
  const view = useMemo(() => (plan ? buildPlanDocument(plan) : null), [plan]);
  useScrollToFragment(view !== null);
  const permissions = usePlanPermissions(plan);
  // An edit link beside each volume table the account may edit: checked against the table's own node, as the server does.
  const tableActions = useMemo(() => {
    const actions = new Map<number, ReactNode>();
    if (!plan || !view || !user || !mayChangeFollowUp(plan.plan.status)) return actions;
    view.blocks.forEach((block, index) => {
      if (block.kind !== 'table') return;
      const table = plan.volumeTables.find((vt) => block.id.endsWith(`-${vt.key}`) && block.title.startsWith(vt.caption));
      if (!table || !mayEditItem(user, plan, 'content', table)) return;
      actions.set(
        index,
        <Link className="button-link button-link--secondary" href={paths.volumeGrid(plan.plan.key, table.key)} lang={language}>
          {t.volumeGrid.editTable(table.caption)}
        </Link>,
      );
    });
    return actions;
  }, [plan, view, user, t, language]);

  if (resource.state === 'failed') return <PlanLoadError error={resource.error} />;
  if (!plan || !view) {
    return (
      <div className="page">
        <PageHeading title={t.common.loadingPlan} ready={false} />
        <Loading text={t.common.loadingPlan} />
      </div>
    );
  }
  const page = view.titlePage;
  return (
    <div className="page page--plan">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: plan.plan.title, lang: 'sv' }]} />
      <header className="plan-header">
        <p className="plan-header__eyebrow" lang="sv">
          {[page.municipality, page.organisation].filter(Boolean).join(' · ')}
        </p>
        <PageHeading title={page.title} lang="sv" />
        {page.subtitle ? (
          <p className="plan-header__subtitle" lang="sv">
            {page.subtitle}
          </p>
        ) : null}
        <ul className="plan-header__facts">
          <li>{t.plan.period(formatYearRange(plan.plan.periodStart, plan.plan.periodEnd))}</li>
          <li>{t.planStatus[plan.plan.status]}</li>
          {page.decision ? <li lang="sv">{page.decision}</li> : null}
        </ul>
        <p className="plan-header__actions">
          <Link className="button-link" href={paths.scorecard(plan.plan.key)}>
            {t.plan.showScorecard}
          </Link>
          {' '}
          <Link className="button-link button-link--secondary" href={paths.followUp(plan.plan.key)}>
            {t.plan.showFollowUp}
          </Link>
          {plan.activities.length > 0 ? (
            <>
              {' '}
              <Link className="button-link button-link--secondary" href={paths.activities(plan.plan.key)}>
                {t.activities.title}
              </Link>
            </>
          ) : null}
          {' '}
          <Link className="button-link button-link--secondary" href={paths.kolada(plan.plan.key)}>
            {t.kolada.planLink}
          </Link>
        </p>
        {t.common.contentLanguageNote ? <p className="language-note">{t.common.contentLanguageNote}</p> : null}
        <DocumentDownloads plan={plan} />
        <PublishedRounds planKey={plan.plan.key} />
        {permissions.workflow ? <WorkflowPanel plan={plan} etag={resource.state === 'ready' ? resource.data.etag : null} onChanged={reload} /> : null}
        <PlanEditLinks plan={plan} />
      </header>
      <PlanDocument view={view} tableActions={tableActions} />
    </div>
  );
}
