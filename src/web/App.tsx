/** The app: the layout around the page the address names. */
import { Layout } from './components/Layout.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { FollowUpPage } from './pages/FollowUpPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { ScorecardPage } from './pages/ScorecardPage.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { VolumeGridPage } from './pages/VolumeGridPage.tsx';
import { ContentEditorPage } from './pages/ContentEditorPage.tsx';
import { ActivitiesPage } from './pages/ActivitiesPage.tsx';
import { BudgetPage } from './pages/BudgetPage.tsx';
import { CapitalBudgetPage } from './pages/CapitalBudgetPage.tsx';
import { RolloverPage } from './pages/RolloverPage.tsx';
import { matchRoute, useLocation, type Route } from './router.tsx';

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
    case 'activities':
      return <ActivitiesPage key={route.planKey} planKey={route.planKey} />;
    case 'budget':
      return <BudgetPage key={`${route.planKey}/${route.tableKey}`} planKey={route.planKey} tableKey={route.tableKey} />;
    case 'capital-budget':
      return <CapitalBudgetPage key={`${route.planKey}/${route.tableKey}`} planKey={route.planKey} tableKey={route.tableKey} />;
    case 'rollover':
      return <RolloverPage key={route.planKey} planKey={route.planKey} />;
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

export function App() {
  const { pathname } = useLocation();
  return (
    <Layout>
      <Page route={matchRoute(pathname)} />
    </Layout>
  );
}
