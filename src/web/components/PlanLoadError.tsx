/** A plan page whose plan could not be read: a 404 says so plainly, anything else is an error. */
import type { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { LoadError } from './LoadState.tsx';
import { PageHeading } from './PageHeading.tsx';

export function PlanLoadError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  const title = error.status === 404 ? t.errors.planMissingTitle : t.errors.title;
  return (
    <div className="page">
      <Breadcrumbs crumbs={[{ label: t.common.start, href: paths.start() }, { label: title }]} />
      <PageHeading title={title} />
      <LoadError error={error} notFoundText={t.errors.planMissing} heading={false} />
      {error.status === 401 ? (
        <p>
          <Link href={paths.login(window.location.pathname + window.location.search)}>{t.errors.logInToRead}</Link>
        </p>
      ) : null}
      <p>
        <Link href={paths.start()}>{t.errors.backToStart}</Link>
      </p>
    </div>
  );
}
