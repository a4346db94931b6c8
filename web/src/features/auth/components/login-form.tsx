import { useEffect, useRef, type FormEvent, type Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

export type Credentials = { email: string; password: string };

type Props = {
  value: Credentials;
  onChange: (next: Credentials) => void;
  /** The page moves focus here after a demo account fills the form. */
  submitRef?: Ref<HTMLButtonElement>;
};

/**
 * 401 at login means wrong email or password: one message for both, so it does not tell which
 * emails exist. 429 says how long to wait (the server slows repeated failures, 1 s doubling).
 */
function message(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.internal');
  if (error.code === 'unauthenticated') return t('auth.loginFailed');
  const wait = retryAfterSeconds(error.details);
  if (error.code === 'rate_limited' && wait !== undefined) return t('auth.retryAfter', { count: wait });
  return t(`errors.${error.code}`);
}

function retryAfterSeconds(details: unknown): number | undefined {
  const value =
    typeof details === 'object' && details !== null
      ? (details as { retryAfterSeconds?: unknown }).retryAfterSeconds
      : undefined;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** Controlled by the page, so the demo accounts beside it can fill it. */
export function LoginForm({ value, onChange, submitRef }: Props) {
  const { t } = useTranslation();
  const login = useLogin();
  const alertRef = useRef<HTMLDivElement>(null);

  // Each failed attempt moves focus to its message, so keyboard and screen-reader users hear it.
  useEffect(() => {
    if (login.error) alertRef.current?.focus();
  }, [login.error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(value);
  }

  return (
    <form className="form-card" onSubmit={submit} aria-labelledby="login-heading">
      <h2 id="login-heading">{t('auth.formTitle')}</h2>
      {login.isError && (
        <div role="alert" tabIndex={-1} ref={alertRef} className="callout callout-danger">
          <p>{message(t, login.error)}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="login-email">{t('auth.email')}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          value={value.email}
          onChange={(e) => onChange({ ...value, email: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('auth.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
          value={value.password}
          onChange={(e) => onChange({ ...value, password: e.target.value })}
        />
      </div>
      <div className="field-actions">
        <button ref={submitRef} type="submit" className="btn btn-primary" disabled={login.isPending}>
          {t('auth.submit')}
        </button>
      </div>
      {login.isPending && (
        <p role="status" className="status">
          {t('auth.signingIn')}
        </p>
      )}
    </form>
  );
}
