/** The frame of every page: skip link, header with the main menu and language switch, main, footer. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { Link, paths, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';

/** Who is logged in and the logout button, or the login link. */
function Account() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const { pathname, search } = useLocation();
  if (user === undefined) return null;
  if (!user) {
    if (pathname === paths.login()) return null;
    const here = pathname + (search.toString() ? `?${search}` : '');
    return (
      <p className="account">
        <Link className="account__login" href={paths.login(here === paths.start() ? undefined : here)}>
          {t.session.logIn}
        </Link>
      </p>
    );
  }
  return (
    <div className="account" role="group" aria-label={t.session.account}>
      <span className="account__who">{t.session.loggedInAs(user.displayName ?? user.username, t.roles[user.role])}</span>
      <button type="button" className="account__logout" onClick={() => void logout()}>
        {t.session.logOut}
      </button>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { user } = useSession();
  const { pathname } = useLocation();
  const other = language === 'sv' ? 'en' : 'sv';
  // "page" on the link to this very page; "true" on the menu entry whose section this page is in (a plan).
  const current = (href: string, section?: string) => (pathname === href ? ('page' as const) : section && pathname.startsWith(section) ? ('true' as const) : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t.site.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="site-name" href={paths.start()}>
            <svg className="site-name__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="10" cy="11" r="4" fill="#3fb36b" />
              <circle cx="22" cy="11" r="4" fill="#f2c230" />
              <circle cx="10" cy="22" r="4" fill="#e5534b" />
              <circle cx="22" cy="22" r="4" fill="none" stroke="#c9d4e0" strokeWidth="2" />
            </svg>
            <span>{t.site.name}</span>
          </Link>
          <nav className="main-nav" aria-label={t.site.mainNav}>
            <ul>
              <li>
                <Link href={paths.start()} aria-current={current(paths.start(), '/planer/')}>
                  {t.site.plans}
                </Link>
              </li>
              {user ? (
                <li>
                  <Link href={paths.mine()} aria-current={current(paths.mine())}>
                    {t.rounds.nav}
                  </Link>
                </li>
              ) : null}
              <li>
                <Link href={paths.compare()} aria-current={current(paths.compare())}>
                  {t.site.compare}
                </Link>
              </li>
              <li>
                <Link href={paths.accessibility()} aria-current={current(paths.accessibility())}>
                  {t.site.accessibility}
                </Link>
              </li>
            </ul>
          </nav>
          <Account />
          <button type="button" className="language-switch" lang={other} aria-label={t.site.switchLanguageLabel} onClick={() => setLanguage(other)}>
            {t.site.switchLanguage}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t.site.footerAbout}</p>
          <ul>
            <li>
              <Link href={paths.accessibility()}>{t.site.accessibilityStatement}</Link>
            </li>
            <li>
              <a href="/api/docs">{t.site.apiDocs}</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
