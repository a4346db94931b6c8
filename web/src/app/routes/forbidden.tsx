import { ErrorAlert } from '../../components/error-alert';
import { PageTitle } from '../../components/page-title';
import { ApiError } from '../../lib/api-client';
import { HomeLink } from '../home-link';

/**
 * A page the user may not open. Without `error`, the role may not (the server refuses too; this
 * spares requests that can only fail); with it, the server refused this record (403, or 404 for
 * a student out of scope). Either way one message and the way home, never a retry.
 */
export function Forbidden({ title, error }: { title: string; error?: unknown }) {
  return (
    <>
      <PageTitle page={title} />
      <h1>{title}</h1>
      <ErrorAlert error={error ?? new ApiError(403, 'forbidden', 'role')} />
      <HomeLink />
    </>
  );
}

/** The server refused the page's own record: the whole page is that refusal, not one alert per panel. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}
