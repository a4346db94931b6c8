import type { ErrorCode } from '@primm/shared/errors';

/** A known, expected failure: becomes `{ error: { code, message, details? } }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** A refusal of access: written to the audit log as `denied`. */
    readonly isDenial = false,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (message = 'Risorsa non trovata') => new HttpError(404, 'not_found', message);
