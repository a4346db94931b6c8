import { z } from 'zod';
import { SchoolCode } from './domain';

/**
 * Service accounts (issue 24): a token a machine (a register's server, a school's nightly script)
 * sends as `Authorization: Bearer <token>` to push imports of its schools, and nothing else.
 */
export const ServiceToken = z.object({
  id: z.number().int(),
  name: z.string(),
  schools: z.array(z.object({ code: z.string(), name: z.string() })),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ServiceToken = z.infer<typeof ServiceToken>;

export const ServiceTokenList = z.object({ items: z.array(ServiceToken) });
export type ServiceTokenList = z.infer<typeof ServiceTokenList>;

export const CreateServiceTokenInput = z.object({
  /** Who uses it, for the list and the audit log: "Registro Spaggiari – ANIS00800L". */
  name: z.string().trim().min(3).max(120),
  schools: z.array(SchoolCode).min(1, 'almeno una scuola').max(200),
});
export type CreateServiceTokenInput = z.infer<typeof CreateServiceTokenInput>;

/** The token in clear, given once: only its hash is kept. */
export const CreatedServiceToken = z.object({ serviceToken: ServiceToken, token: z.string() });
export type CreatedServiceToken = z.infer<typeof CreatedServiceToken>;

/** `Idempotency-Key`: what a client may send to make a retried push answer the first time's answer. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key: da 1 a 200 caratteri ASCII visibili');
