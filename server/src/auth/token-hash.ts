import { hash } from 'node:crypto';

/**
 * What is stored of a random secret (a session's cookie, a calendar feed's address, a service
 * token): its SHA-256 in hex, so that a stolen database yields no live secret. The secrets are 32
 * random bytes: a fast hash is enough, there is no password to slow a guess of.
 */
export const hashToken = (token: string): string => hash('sha256', token);
