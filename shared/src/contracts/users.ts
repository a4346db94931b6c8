import { z } from 'zod';
import { Role } from './auth';
import { SchoolCode } from './domain';

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  schools: z.array(z.string()),
  classIds: z.array(z.number().int()),
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
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** The created user and the one-time password to hand over (shown once, never stored in clear). */
export const CreatedUser = z.object({ user: User, oneTimePassword: z.string() });
export type CreatedUser = z.infer<typeof CreatedUser>;
