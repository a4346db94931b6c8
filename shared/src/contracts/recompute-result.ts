import { z } from 'zod';
import { RecomputeSummary } from './risk';

/** Students whose computed level went from one to another in a recompute (issue 20). */
export const LevelMove = z.object({ from: z.number().int(), to: z.number().int(), students: z.number().int() });
export type LevelMove = z.infer<typeof LevelMove>;

/** The regional recompute's answer: its counts and the moves between levels, before → after. */
export const RecomputeResult = RecomputeSummary.extend({ moves: z.array(LevelMove) });
export type RecomputeResult = z.infer<typeof RecomputeResult>;
