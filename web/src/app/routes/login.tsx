import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { DemoAccounts } from '../../features/auth/components/demo-accounts';
import { LoginForm, type Credentials } from '../../features/auth/components/login-form';
import type { LoginLocationState } from '../require-session';

/** Only a path of this app: `next` comes from the URL, so `//evil.example` must not become a redirect. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/accesso'))
    return '/';
  return next;
}

export function Component() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const sessionExpired = (useLocation().state as LoginLocationState)?.sessionExpired === true;
  const [credentials, setCredentials] = useState<Credentials>({ email: '', password: '' });
  const submitRef = useRef<HTMLButtonElement>(null);

  // Signed in (just now, or already): go where the user was going. The login mutation sets `me`.
  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  if (me.isPending) return <LoadingStatus />;

  return (
    <>
      <PageTitle page={t('auth.title')} />
      <h1>{t('auth.title')}</h1>
      {sessionExpired && (
        <div role="status" className="callout callout-info">
          <p>{t('auth.sessionExpired')}</p>
        </div>
      )}
      <div className="login-grid">
        <LoginForm value={credentials} onChange={setCredentials} submitRef={submitRef} />
        <DemoAccounts
          onUse={(demo) => {
            setCredentials(demo);
            submitRef.current?.focus();
          }}
        />
      </div>
    </>
  );
}
