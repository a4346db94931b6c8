import { createHmac } from 'node:crypto';

/**
 * The student's key in the database: HMAC-SHA256 of the codice fiscale with a secret key, so that
 * re-imports and transfers find the same student while the code itself is never stored.
 */
export function pseudonymize(codiceFiscale: string, key: string): string {
  return createHmac('sha256', key).update(codiceFiscale.trim().toUpperCase()).digest('hex');
}
