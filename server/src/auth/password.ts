import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHashCost {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  parallelism: number;
}

/** OWASP's minimum for argon2id (m = 19 MiB, t = 2, p = 1), also the library's defaults. */
export const PRODUCTION_HASH_COST: Readonly<PasswordHashCost> = Object.freeze({
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
});

let cost: Readonly<PasswordHashCost> = PRODUCTION_HASH_COST;

/**
 * Only the server's vitest setup calls this (src/testing/setup-tests.ts): on a loaded 2-core
 * machine a suite of real-cost logins ran into vitest's 5 s timeout (issue 23). Verification needs
 * no setting: each stored hash carries its own parameters (`$argon2id$v=19$m=…,t=…,p=…$`).
 */
export function setPasswordHashCost(next: PasswordHashCost): void {
  cost = Object.freeze({ ...next });
}

/** argon2id (the library's default algorithm) at the current cost. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...cost });
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash is a failed login, not a crash
  }
}

// No look-alike characters (0/O, 1/l/I), since it is read out or copied by hand once.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 16 characters (≈ 92 bits), to hand to a new user. */
export function generateOneTimePassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * A one-time password opens the account for 72 hours after it is issued (issue 17, finding 11):
 * long enough to hand it over across a weekend, not a standing key if it was never used.
 * No issue time (a row flagged by hand: migration 0014 stamped the accounts that were waiting)
 * cannot be judged, and does not expire.
 */
export const ONE_TIME_PASSWORD_VALID_MS = 72 * 60 * 60 * 1000;

export function isOneTimePasswordExpired(issuedAt: string | null, now: Date): boolean {
  return issuedAt !== null && now.getTime() - Date.parse(issuedAt) > ONE_TIME_PASSWORD_VALID_MS;
}
