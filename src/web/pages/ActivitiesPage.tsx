/** Placeholder while the page is being built (replaced by its owner). */
import { PageHeading } from '../components/PageHeading.tsx';

export function ActivitiesPage({ planKey }: { planKey: string }) {
  void [planKey];
  return (
    <div className="page">
      <PageHeading title="ActivitiesPage" />
    </div>
  );
}
