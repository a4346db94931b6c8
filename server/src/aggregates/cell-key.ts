import { createHmac } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { CELL_KEY_MODULUS } from '@primm/shared/aggregates/perturb';

/** A prime under 2³¹ for the first round: products stay under 2⁶², exact in SQLite and PostgreSQL bigint. */
const INNER_MODULUS = 2147483647;

/**
 * The secret of the cell keys (shared/src/aggregates/perturb.ts): four numbers drawn from an HMAC
 * of the pseudonym key (docs/privacy.md), so one secret guards both and a new key gives new noise.
 */
export interface CellKeySecret {
  a: bigint;
  b: bigint;
  c: bigint;
  d: bigint;
}

export function cellKeySecret(pseudonymKey: string): CellKeySecret {
  const digest = createHmac('sha256', pseudonymKey).update('primm-ews cell key v1').digest();
  const word = (i: number, modulus: number) => BigInt(1 + (digest.readUInt32BE(i * 4) % (modulus - 1)));
  return {
    a: word(0, INNER_MODULUS),
    b: word(1, INNER_MODULUS),
    c: word(2, CELL_KEY_MODULUS),
    d: word(3, CELL_KEY_MODULUS),
  };
}

/**
 * A student's key: two keyed affine rounds modulo two different primes, ((id·a + b) mod p)·c + d
 * mod q. The reader never sees an id next to its key, nor any key: the key only moves a count by
 * at most the noise. The SQL twin below gives the same number (tested).
 */
export function studentKey(secret: CellKeySecret, studentId: number): number {
  const inner = (BigInt(studentId) * secret.a + secret.b) % BigInt(INNER_MODULUS);
  return Number((inner * secret.c + secret.d) % BigInt(CELL_KEY_MODULUS));
}

/** The same key in SQL, for a column of student ids (bigint arithmetic, no overflow: < 2⁶²). */
export function studentKeySql(secret: CellKeySecret, studentId: RawBuilder<unknown>): RawBuilder<number> {
  const big = (n: bigint) => sql`cast(${Number(n)} as bigint)`;
  return sql<number>`((((cast(${studentId} as bigint) * ${big(secret.a)} + ${big(secret.b)}) % ${big(BigInt(INNER_MODULUS))}) * ${big(secret.c)} + ${big(secret.d)}) % ${big(BigInt(CELL_KEY_MODULUS))})`;
}
