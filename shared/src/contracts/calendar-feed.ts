import { z } from 'zod';

/** The user's calendar address of case follow-ups: whether one is active, since when, last polled. */
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/**
 * A new address, answered once: the server keeps only its hash, so it cannot be shown again
 * (a new one replaces it). `path` is relative to the app's origin: `/api/calendar/<token>.ics`.
 */
export const CalendarFeedCreated = CalendarFeedStatus.extend({
  path: z.string().regex(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
