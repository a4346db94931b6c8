import type { RequestHandler } from 'express';
import { HttpError } from './http-error';
import './service-token';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence on top of SameSite=Strict cookies: a state-changing request must come from a page
 * of this very origin (Origin header, or Referer when a browser omits Origin).
 */
export const checkOrigin: RequestHandler = (req, _res, next) => {
  // A bearer token is not sent by a browser on its own, so another site cannot forge its requests.
  if (SAFE.has(req.method) || req.serviceToken) return next();
  const expected = `${req.protocol}://${req.get('host')}`;
  const source = req.get('origin') ?? originOf(req.get('referer'));
  if (source !== expected) {
    throw new HttpError(403, 'forbidden', 'Richiesta rifiutata: origine non riconosciuta', { reason: 'origin' }, true);
  }
  next();
};

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
