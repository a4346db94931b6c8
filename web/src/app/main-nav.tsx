import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
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

export function MainNav({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t('app.nav.label')}>
      <ul className="container">
        {items
          .filter((item) => !item.roles || item.roles.includes(role))
          .map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end}>
                {t(item.labelFor?.[role] ?? item.label)}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
