/** Placeholder while the page is being built (replaced by its owner). */
import { PageHeading } from '../components/PageHeading.tsx';
import type { ContentPart } from '../router.tsx';

export function ContentEditorPage({ planKey, part }: { planKey: string; part: ContentPart }) {
  void [planKey, part];
  return (
    <div className="page">
      <PageHeading title="ContentEditorPage" />
    </div>
  );
}
