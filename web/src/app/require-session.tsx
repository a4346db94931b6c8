import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert';
import { LoadingStatus } from '../components/loading-status';
import { meQueryOptions, useMe } from '../features/auth/api/get-me';
import { onPasswordChangeRequired, onSessionExpired } from '../lib/query-client';

/** Where the login page sends the user back to after signing in. */
export function loginPath(pathname: string, search: string): string {
  return `/accesso?next=${encodeURIComponent(pathname + search)}`;
}

export type LoginLocationState = { sessionExpired?: boolean } | null;

/** Where a user signed in with a one-time password must go first. */
export const PASSWORD_PATH = '/password';

/**
 * Every page but the login page sits behind this route. Anonymous users go to the login page;
 * so do users whose session expires (30 min idle): any request answering 401 is reported by the
 * query client, the user becomes anonymous here, and the login page says why. A user created
 * with a one-time password (`mustChangePassword`, or any request refused with
 * `password_change_required`) sees only the password page until they change it; the server
 * refuses the rest anyway.
 */
export function RequireSession() {
  const me = useMe();
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);

  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        queryClient.setQueryData(meQueryOptions().queryKey, null);
      }),
    [queryClient],
  );
  // The server knows better than a cached `me`: the redirect below then applies.
  useEffect(
    () =>
      onPasswordChangeRequired(() => {
        queryClient.setQueryData(meQueryOptions().queryKey, (current) =>
          current ? { ...current, mustChangePassword: true } : current,
        );
      }),
    [queryClient],
  );

  if (me.isPending) return <LoadingStatus />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginLocationState = expired ? { sessionExpired: true } : null;
    return <Navigate to={loginPath(pathname, search)} replace state={state} />;
  }
  if (me.data.mustChangePassword && pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return <Outlet />;
}
