/** Where the page sits: start › plan › scorecard. The last entry is the current page. */
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

export interface Crumb {
  label: string;
  href?: string;
  lang?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumbs" aria-label={t.common.breadcrumbs}>
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={index} lang={crumb.lang}>
            {crumb.href && index < crumbs.length - 1 ? <Link href={crumb.href}>{crumb.label}</Link> : <span aria-current="page">{crumb.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
