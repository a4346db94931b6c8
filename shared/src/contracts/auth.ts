import { z } from 'zod';

/**
 * Who may do what: see DESIGN.md "Users". Scope is by school (referente, mediatore), by class
 * (docente) or by municipality (pua: an operator of a Punto Unico di Accesso; comune: a
 * municipality's office; issue 21). The last two see only what is sent to them, never a list.
 */
export const Role = z.enum(['admin', 'referente', 'docente', 'mediatore', 'analista', 'pua', 'comune']);
export type Role = z.infer<typeof Role>;

/**
 * The school side of the plan: the roles that read the registry, the schools and the counts. The
 * PUA and the municipalities do not: they see only what a school sends them (issue 21).
 */
export const SCHOOL_SIDE_ROLES: readonly Role[] = ['admin', 'referente', 'docente', 'mediatore', 'analista'];

/** Roles that may see students by name; the analyst sees aggregates only. */
export const ROLES_WITH_NAMES: readonly Role[] = ['admin', 'referente', 'docente', 'mediatore'];

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().email('indirizzo email non valido').max(254),
  password: z.string().min(1, 'password mancante').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  /** Schools in scope (referente, mediatore); every school for admin is not listed here. */
  schools: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Classes in scope (docente). */
  classIds: z.array(z.number().int()),
  /** Municipalities in scope (pua, comune), by ISTAT code. */
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** The demo accounts, shown on the login page only when the server runs in demo mode. */
export const DemoAccounts = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(z.object({ email: z.string(), role: Role, description: z.string() })),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;

/** A new password: long rather than complicated (NIST SP 800-63B), and not the old one. */
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(12, 'la nuova password deve avere almeno 12 caratteri').max(200),
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'la nuova password deve essere diversa',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
