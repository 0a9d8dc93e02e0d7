/**
 * The app: the layout around the page the address names. The editing pages (and the rich-text
 * editor they bring) load on first use, so a reader of the public pages downloads only what reading needs.
 */
import { lazy, Suspense } from 'react';
import { Loading } from './components/LoadState.tsx';
import { useI18n } from './i18n/index.tsx';
import { Layout } from './components/Layout.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { FollowUpPage } from './pages/FollowUpPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { ScorecardPage } from './pages/ScorecardPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { matchRoute, useLocation, type Route } from './router.tsx';

const VolumeGridPage = lazy(() => import('./pages/VolumeGridPage.tsx').then((module) => ({ default: module.VolumeGridPage })));
const ContentEditorPage = lazy(() => import('./pages/ContentEditorPage.tsx').then((module) => ({ default: module.ContentEditorPage })));
const ActivitiesPage = lazy(() => import('./pages/ActivitiesPage.tsx').then((module) => ({ default: module.ActivitiesPage })));
const BudgetPage = lazy(() => import('./pages/BudgetPage.tsx').then((module) => ({ default: module.BudgetPage })));
const CapitalBudgetPage = lazy(() => import('./pages/CapitalBudgetPage.tsx').then((module) => ({ default: module.CapitalBudgetPage })));
const MyFollowUpPage = lazy(() => import('./pages/MyFollowUpPage.tsx').then((module) => ({ default: module.MyFollowUpPage })));
const RoundsPage = lazy(() => import('./pages/RoundsPage.tsx').then((module) => ({ default: module.RoundsPage })));
const RoundPage = lazy(() => import('./pages/RoundPage.tsx').then((module) => ({ default: module.RoundPage })));
const AssignmentPage = lazy(() => import('./pages/AssignmentPage.tsx').then((module) => ({ default: module.AssignmentPage })));
const KoladaIndexPage = lazy(() => import('./pages/KoladaPage.tsx').then((module) => ({ default: module.KoladaIndexPage })));
const KoladaMeasurePage = lazy(() => import('./pages/KoladaPage.tsx').then((module) => ({ default: module.KoladaMeasurePage })));
const RolloverPage = lazy(() => import('./pages/RolloverPage.tsx').then((module) => ({ default: module.RolloverPage })));
const ImportsPage = lazy(() => import('./pages/ImportsPage.tsx').then((module) => ({ default: module.ImportsPage })));

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'plan':
      return <PlanPage key={route.planKey} planKey={route.planKey} />;
    case 'scorecard':
      return <ScorecardPage key={route.planKey} planKey={route.planKey} />;
    case 'follow-up':
      return <FollowUpPage key={route.planKey} planKey={route.planKey} />;
    case 'volume-grid':
      return <VolumeGridPage key={`${route.planKey}/${route.tableKey}`} planKey={route.planKey} tableKey={route.tableKey} />;
    case 'content-editor':
      return <ContentEditorPage key={`${route.planKey}/${route.part}`} planKey={route.planKey} part={route.part} />;
    case 'kolada':
      return <KoladaIndexPage key={route.planKey} planKey={route.planKey} />;
    case 'kolada-measure':
      return <KoladaMeasurePage key={`${route.planKey}/${route.itemType}/${route.measure}`} planKey={route.planKey} itemType={route.itemType} measure={route.measure} />;
    case 'activities':
      return <ActivitiesPage key={route.planKey} planKey={route.planKey} />;
    case 'budget':
      return <BudgetPage key={`${route.planKey}/${route.tableKey}`} planKey={route.planKey} tableKey={route.tableKey} />;
    case 'capital-budget':
      return <CapitalBudgetPage key={`${route.planKey}/${route.tableKey}`} planKey={route.planKey} tableKey={route.tableKey} />;
    case 'rollover':
      return <RolloverPage key={route.planKey} planKey={route.planKey} />;
    case 'imports':
      return <ImportsPage key={route.planKey} planKey={route.planKey} />;
    case 'my-follow-up':
      return <MyFollowUpPage />;
    case 'rounds':
      return <RoundsPage key={route.planKey} planKey={route.planKey} />;
    case 'round':
      return <RoundPage key={`${route.planKey}/${route.period}`} planKey={route.planKey} period={route.period} />;
    case 'assignment':
      return <AssignmentPage key={`${route.planKey}/${route.period}/${route.node}`} planKey={route.planKey} period={route.period} node={route.node} />;
    case 'compare':
      return <ComparePage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'login':
      return <LoginPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page">
      <Loading text={t.common.loading} />
    </div>
  );
}

export function App() {
  const { pathname } = useLocation();
  return (
    <Layout>
      <Suspense fallback={<PageLoading />}>
        <Page route={matchRoute(pathname)} />
      </Suspense>
    </Layout>
  );
}
