import { z } from 'zod';
import { ScopeSchool } from './cases';
import { IsoDate } from './domain';

/**
 * Why a student is on the mediator's worklist: risk level 3 (after any human review), or newly
 * arrived in Italy (NAI, less than two years). Citizenship never raises a risk score (DESIGN.md);
 * arrival is here because the regional plan asks mediators to meet every newly arrived family.
 */
export const WorklistReason = z.enum(['tier3', 'newly_arrived']);
export type WorklistReason = z.infer<typeof WorklistReason>;

export const WorklistQuery = z.object({
  school: z.coerce.number().int().positive().optional(),
  reason: WorklistReason.optional(),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

/** A student of the current year with no open flag and no running case. */
export const WorklistItem = z.object({
  studentId: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  classId: z.number().int(),
  className: z.string(),
  school: ScopeSchool,
  /** The level that counts (a reviewer's override, else the computed one); null when not computed yet. */
  tier: z.number().int().min(1).max(3).nullable(),
  arrivalDate: IsoDate.nullable(),
  reasons: z.array(WorklistReason).min(1),
  /** Closed cases of the student: followed before, and back on the list. */
  closedCases: z.number().int().nonnegative(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  /** The school year read (the latest with data); null on an empty database. */
  schoolYear: z.string().nullable(),
  items: z.array(WorklistItem),
  /** More students matched than the list shows: choose a school. */
  truncated: z.boolean(),
  schools: z.array(ScopeSchool),
});
export type Worklist = z.infer<typeof Worklist>;
