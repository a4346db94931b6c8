import { z } from 'zod';
import { ProvinceCode, SchoolCode, SchoolLevel, SchoolYearLabel, Track } from './domain';

export const SchoolListQuery = z.object({
  province: ProvinceCode.optional(),
  level: SchoolLevel.optional(),
  q: z.string().trim().max(100).optional(),
});
export type SchoolListQuery = z.infer<typeof SchoolListQuery>;

export const SchoolSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  instituteCode: z.string(),
  municipality: z.string(),
  province: ProvinceCode,
  kind: z.string(),
  level: SchoolLevel,
  /** A scuola paritaria (the ministry's SCUANAGRAFEPAR registry), not a state school. */
  paritaria: z.boolean().optional(),
  classes: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
});
export type SchoolSummary = z.infer<typeof SchoolSummary>;

export const SchoolList = z.object({ items: z.array(SchoolSummary) });
export type SchoolList = z.infer<typeof SchoolList>;

export const ClassSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  schoolYear: SchoolYearLabel,
  gradeLevel: z.number().int().min(1).max(5),
  track: Track.nullable(),
  weeklyHours: z.number(),
  annualHours: z.number(),
  students: z.number().int().nonnegative(),
});
export type ClassSummary = z.infer<typeof ClassSummary>;

/** How recent a school's data is (issue 20): its latest register day this year, its latest import. */
export const SchoolFreshness = z.object({
  /** The latest day of absences or grades of its classes this school year. */
  latestDataOn: z.string().nullable(),
  /** When its latest import committed (an instant). */
  latestImportAt: z.string().nullable(),
});
export type SchoolFreshness = z.infer<typeof SchoolFreshness>;

export const SchoolDetail = SchoolSummary.extend({
  address: z.string().nullable(),
  classList: z.array(ClassSummary),
  freshness: SchoolFreshness,
});
export type SchoolDetail = z.infer<typeof SchoolDetail>;

export const SchoolCodeParam = z.object({ code: SchoolCode });
