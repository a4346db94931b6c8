import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.literal('ok'),
  demo: z.boolean(),
});
export type Health = z.infer<typeof Health>;
