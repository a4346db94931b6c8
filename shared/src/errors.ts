import { z } from 'zod';

/** The closed set of error codes every endpoint may answer with; the web translates them. */
export const ErrorCode = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  /** 403: the user signed in with a one-time password and must choose their own first (the web goes to the password page). */
  'password_change_required',
  /** 401 at login: the one-time password was right but is older than its validity (72 h). */
  'password_expired',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error envelope: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
