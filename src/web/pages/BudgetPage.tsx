/** Placeholder while the page is being built (replaced by its owner). */
import { PageHeading } from '../components/PageHeading.tsx';

export function BudgetPage({ planKey, tableKey }: { planKey: string; tableKey: string }) {
  void [planKey, tableKey];
  return (
    <div className="page">
      <PageHeading title="BudgetPage" />
    </div>
  );
}
