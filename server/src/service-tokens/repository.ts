import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServiceToken } from '@primm/shared/contracts/service-tokens';
import { hashToken } from '../auth/token-hash';
import type { Db } from '../db/open-database';

/** What a request made with a live service token may act as: the token and its schools. */
export interface ServiceTokenPrincipal {
  id: number;
  name: string;
  schoolIds: number[];
}

/** A new token in clear: `primm_` says what it is when it turns up in a script or a log. */
export const newServiceToken = (): string => `primm_${randomBytes(32).toString('base64url')}`;

export async function insertServiceToken(
  db: Db,
  row: { name: string; tokenHash: string; createdBy: number; schoolIds: number[]; at: string },
): Promise<number> {
  const { id } = await db
    .insertInto('service_token')
    .values({
      name: row.name,
      token_hash: row.tokenHash,
      created_by: row.createdBy,
      created_at: row.at,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('service_token_school')
    .values(row.schoolIds.map((school_id) => ({ service_token_id: id, school_id })))
    .execute();
  return id;
}

export async function listServiceTokens(db: Db, id?: number): Promise<ServiceToken[]> {
  let query = db
    .selectFrom('service_token')
    .leftJoin('app_user', 'app_user.id', 'service_token.created_by')
    .select([
      'service_token.id',
      'service_token.name',
      'service_token.created_at',
      'service_token.last_used_at',
      'service_token.revoked_at',
      'app_user.email',
    ])
    .orderBy('service_token.id', 'desc');
  if (id !== undefined) query = query.where('service_token.id', '=', id);
  const rows = await query.execute();
  const schools =
    rows.length === 0
      ? []
      : await db
          .selectFrom('service_token_school')
          .innerJoin('school', 'school.id', 'service_token_school.school_id')
          .select(['service_token_school.service_token_id', 'school.code', 'school.name'])
          .where(
            'service_token_school.service_token_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('school.code')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    schools: schools.filter((s) => s.service_token_id === r.id).map(({ code, name }) => ({ code, name })),
    createdAt: r.created_at,
    createdBy: r.email,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a live token; false when there is none of that id, or it was revoked already. */
export async function revokeServiceToken(db: Db, id: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('service_token')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * The token a bearer value names: `live` with its schools, `revoked`, or undefined when none has
 * that hash. Looked up by hash (the index), then the hashes compared in constant time anyway.
 */
export async function findServiceToken(
  db: Db,
  token: string,
): Promise<
  { status: 'live'; principal: ServiceTokenPrincipal } | { status: 'revoked'; id: number; name: string } | undefined
> {
  const hash = hashToken(token);
  const row = await db
    .selectFrom('service_token')
    .select(['id', 'name', 'token_hash', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return undefined;
  if (row.revoked_at !== null) return { status: 'revoked', id: row.id, name: row.name };
  const schools = await db
    .selectFrom('service_token_school')
    .select('school_id')
    .where('service_token_id', '=', row.id)
    .execute();
  return { status: 'live', principal: { id: row.id, name: row.name, schoolIds: schools.map((s) => s.school_id) } };
}

export async function touchServiceToken(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('service_token').set({ last_used_at: at }).where('id', '=', id).execute();
}
