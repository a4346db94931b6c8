import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, matchPath, useLocation } from 'react-router';
import { SCHOOL_SIDE_ROLES, type Role } from '@primm/shared/contracts/auth';

type Item = {
  to: string;
  label: string;
  end?: boolean;
  roles?: readonly Role[];
  labelFor?: Partial<Record<Role, string>>;
};

/** The server enforces each route; the menu only leaves out what the role would be refused. */
const items: Item[] = [
  // a teacher's home is "Le mie classi", a mediator's "I miei casi" (app/routes/home.tsx)
  {
    to: '/',
    label: 'app.nav.home',
    end: true,
    labelFor: {
      docente: 'app.nav.myClasses',
      mediatore: 'app.nav.cases',
      pua: 'agencyHome.title',
      comune: 'agencyHome.title',
    },
  },
  { to: '/invii', label: 'referrals.nav', roles: ['pua'] },
  { to: '/scuole', label: 'app.nav.schools', roles: SCHOOL_SIDE_ROLES },
  { to: '/analisi', label: 'regional.nav', roles: ['analista', 'admin', 'referente'] },
  { to: '/casi', label: 'app.nav.cases', roles: ['referente', 'admin'] },
  // the archive is also linked from the caseload page, for the roles whose menu is already long
  { to: '/da-seguire', label: 'app.nav.worklist', roles: ['mediatore', 'referente'] },
  { to: '/casi/archivio', label: 'app.nav.archive', roles: ['mediatore'] },
  { to: '/cosa-funziona', label: 'whatWorks.nav', roles: ['mediatore', 'referente', 'analista', 'admin'] },
  { to: '/scadenze', label: 'compulsory.nav', roles: ['mediatore', 'referente', 'admin'] },
  { to: '/casella', label: 'municipalityInbox.nav', roles: ['comune'] },
  { to: '/utenti', label: 'app.nav.users', roles: ['admin', 'referente'] },
  { to: '/importazioni', label: 'app.nav.imports', roles: ['admin', 'referente'] },
  { to: '/registro-accessi', label: 'app.nav.audit', roles: ['admin'] },
  { to: '/soglie', label: 'riskSettings.nav', roles: ['admin'] },
  { to: '/comuni', label: 'contacts.nav', roles: ['admin'] },
  { to: '/modelli-lettere', label: 'letters.nav', roles: ['admin'] },
  { to: '/affidabilita', label: 'backtest.nav', roles: ['admin'] },
  { to: '/dati-aperti', label: 'openData.admin.nav', roles: ['admin'] },
];

/**
 * On a narrow screen the list folds behind a "Menu" button that names the current page (styles.css,
 * at 48rem): an admin's fourteen links took six rows on a phone, a fifth of the screen, above every
 * page's work. Choosing a link (the current page too), Escape, or the focus leaving the menu folds
 * it again. Wider screens show the list and no button.
 */
export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  const visible = items.filter((item) => !item.roles || item.roles.includes(role));
  const label = (item: Item) => t(item.labelFor?.[role] ?? item.label);
  // The longest link that matches, as NavLink marks it: /casi/archivio rather than /casi.
  const current = visible
    .filter((item) => matchPath({ path: item.to, end: item.end ?? false }, pathname))
    .sort((a, b) => b.to.length - a.to.length)[0];

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  // Tabbing past the last link, or a tap elsewhere, leaves the page under an open list otherwise.
  const closeWhenLeft = (event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <nav
      className="main-nav"
      data-open={open}
      aria-label={t('app.nav.label')}
      onKeyDown={closeOnEscape}
      onBlur={closeWhenLeft}
    >
      <div className="container">
        <button
          ref={toggle}
          type="button"
          className="main-nav-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          <span className="main-nav-toggle-text">
            {current ? t('app.nav.menuAt', { page: label(current) }) : t('app.nav.menu')}
          </span>
        </button>
      </div>
      <ul id={listId} className="container">
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} onClick={() => setOpen(false)}>
              {label(item)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
