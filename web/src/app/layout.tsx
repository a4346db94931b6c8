import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { StaleDataNotice } from '../components/stale-data-notice';
import { useMe } from '../features/auth/api/get-me';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/** After a client-side navigation, focus goes to the new content, as after a page load. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    // preventScroll: Chromium scrolls a focused element taller than the window to its top, which
    // hid the header and the page's first lines; ScrollRestoration (below) sets the scroll
    if (previous.current !== pathname) mainRef.current?.focus({ preventScroll: true });
    previous.current = pathname;
  }, [pathname]);
  return mainRef;
}

export function Layout() {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigation();
  // The layout also frames the login page: user menu and navigation appear once someone is signed in.
  const me = useMe().data;

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="slim-header">
          <div className="container slim-header-inner">
            <span className="slim-header-project">{t('app.footer.project')}</span>
            <div className="slim-header-tools">
              {me && <UserMenu me={me} />}
              <LanguageSwitch />
            </div>
          </div>
        </div>
        <div className="center-header">
          <div className="container">
            <Link to="/" className="brand">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-subtitle">{t('app.subtitle')}</span>
            </Link>
          </div>
        </div>
        {me && <MainNav role={me.role} />}
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="container main">
        <StaleDataNotice />
        <Outlet />
        {/* a new page opens at its top (a link low on the last page left it scrolled); back restores */}
        <ScrollRestoration />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="footer-name">{t('app.name')}</p>
          <p>{t('app.footer.project')}</p>
          <p>{t('app.footer.notice')}</p>
          <p>
            <Link to="/dati">{t('openData.footerLink')}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
