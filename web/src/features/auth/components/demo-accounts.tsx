import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/table-scroll';
import { useDemoAccounts } from '../api/get-demo-accounts';
import type { Credentials } from './login-form';

/**
 * Only in demo mode: the server then lists one account per role and their shared password.
 * Outside demo mode (or if the list fails) nothing is shown: the login form is enough.
 */
export function DemoAccounts({ onUse }: { onUse: (credentials: Credentials) => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  const demo = useDemoAccounts();

  if (!demo.data?.demo || demo.data.password === null) return null;
  const password = demo.data.password;

  return (
    <section className="demo-accounts" aria-labelledby={captionId}>
      <p>
        {t('auth.demo.intro')} <strong>{t('auth.demo.password')}</strong> <code className="code">{password}</code>
      </p>
      <TableScroll labelledBy={captionId}>
        <table className="table">
          <caption id={captionId}>{t('auth.demo.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('auth.demo.role')}</th>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('auth.demo.description')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('auth.demo.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {demo.data.accounts.map((account) => (
              <tr key={account.email}>
                <th scope="row">{t(`roles.${account.role}`)}</th>
                <td className="code">{account.email}</td>
                <td>{account.description}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline btn-small"
                    onClick={() => onUse({ email: account.email, password })}
                  >
                    {t('auth.demo.use')}
                    <span className="visually-hidden"> {account.email}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
