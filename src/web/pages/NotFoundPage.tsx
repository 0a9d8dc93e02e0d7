/** Any address the app does not know. */
import { PageHeading } from '../components/PageHeading.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page page--not-found">
      <PageHeading title={t.notFound.title} />
      <p>{t.notFound.text}</p>
      <p>
        <Link href={paths.start()}>{t.notFound.back}</Link>
      </p>
    </div>
  );
}
