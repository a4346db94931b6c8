import { z } from 'zod';
import { ProvinceCode } from './domain';

export const Province = z.object({
  code: ProvinceCode,
  name: z.string(),
  schools: z.number().int().nonnegative(),
  students: z.number().int().nonnegative(),
});
export type Province = z.infer<typeof Province>;

export const ProvinceList = z.object({ items: z.array(Province) });
export type ProvinceList = z.infer<typeof ProvinceList>;
