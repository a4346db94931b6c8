import { z } from 'zod';
import { Role } from './auth';
import { SchoolCode } from './domain';

/** A municipality by its ISTAT code: six digits (Ancona is 042002). */
export const MunicipalityCode = z.string().regex(/^\d{6}$/, 'codice ISTAT del comune non valido (6 cifre)');

/** A municipality of Marche, for the admin's picker of the municipalities a PUA or comune serves. */
export const MunicipalityOption = z.object({ istatCode: z.string(), name: z.string(), provinceCode: z.string() });
export type MunicipalityOption = z.infer<typeof MunicipalityOption>;

export const MunicipalityOptionList = z.object({ items: z.array(MunicipalityOption) });
export type MunicipalityOptionList = z.infer<typeof MunicipalityOptionList>;

/** A class a teacher holds, by name: `3A` of a school and a year. */
export const UserClass = z.object({
  id: z.number().int(),
  name: z.string(),
  schoolCode: z.string(),
  schoolYear: z.string(),
});
export type UserClass = z.infer<typeof UserClass>;

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  schools: z.array(z.string()),
  classIds: z.array(z.number().int()),
  /** The same classes by name, school and year (issue 20: not only a count). */
  classes: z.array(UserClass),
  /** Municipalities served by a `pua` or `comune` account, by ISTAT code (issue 21). */
  municipalities: z.array(z.string()),
  createdAt: z.string(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email('indirizzo email non valido').max(254),
  displayName: z.string().trim().min(2).max(120),
  role: Role,
  schools: z.array(SchoolCode).max(200).default([]),
  classIds: z.array(z.number().int().positive()).max(500).default([]),
  municipalities: z.array(MunicipalityCode).max(300).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** The created user and the one-time password to hand over (shown once, never stored in clear). */
export const CreatedUser = z.object({ user: User, oneTimePassword: z.string() });
export type CreatedUser = z.infer<typeof CreatedUser>;

/**
 * An edit of an account: its name, role and scope (any of them). A referent edits the teachers,
 * mediators and referents of their schools, within those schools: what the user holds elsewhere
 * stays as it is. A role that holds no school or class drops them.
 */
export const UpdateUserInput = z
  .object({
    displayName: z.string().trim().min(2).max(120).optional(),
    role: Role.optional(),
    schools: z.array(SchoolCode).max(200).optional(),
    classIds: z.array(z.number().int().positive()).max(500).optional(),
    municipalities: z.array(MunicipalityCode).max(300).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nessuna modifica richiesta' });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** Several accounts from a CSV (`Email;Nome;Ruolo;Scuole;Classi`), previewed, then created together. */
export const BulkUsersInput = z.object({
  csv: z.string().max(200_000, 'file troppo grande: al massimo 200 000 caratteri'),
});
export type BulkUsersInput = z.infer<typeof BulkUsersInput>;

/** One row of the CSV as read, and why it cannot be created (none: it can). */
export const BulkUserRow = z.object({
  line: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: Role.nullable(),
  schools: z.array(z.string()),
  /** Classes by name as resolved (`ANIS01600V 3A`), or as written when not found. */
  classes: z.array(z.string()),
  errors: z.array(z.string()),
});
export type BulkUserRow = z.infer<typeof BulkUserRow>;

export const BulkUsersPreview = z.object({
  rows: z.array(BulkUserRow),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type BulkUsersPreview = z.infer<typeof BulkUsersPreview>;

/** Every account created with its one-time password: shown once, never stored in clear. */
export const BulkUsersResult = z.object({ created: z.array(CreatedUser) });
export type BulkUsersResult = z.infer<typeof BulkUsersResult>;
