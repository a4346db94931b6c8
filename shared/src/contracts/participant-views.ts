import { z } from 'zod';

/**
 * The participants' own view of a closed case (issue 22, "valutazione partecipata"): the young
 * person, the family and, for a reorientation, the receiving organisation. The score and the
 * choice enter "Cosa funziona" as counts and averages; the free text stays in the case.
 */
export const ParticipantPerspective = z.enum(['young_person', 'family', 'receiving_org']);
export type ParticipantPerspective = z.infer<typeof ParticipantPerspective>;

/** What helped most: a short fixed list, so it can be counted. */
export const HelpedMost = z.enum([
  'listening',
  'family_contact',
  'study_support',
  'language',
  'new_pathway',
  'services',
  'other',
]);
export type HelpedMost = z.infer<typeof HelpedMost>;

export const ParticipantViewInput = z.object({
  perspective: ParticipantPerspective,
  /** Did it help? 1 (not at all) to 5 (very much). */
  helped: z.number().int().min(1).max(5),
  helpedMost: HelpedMost,
  comment: z.string().trim().max(2000).optional(),
});
export type ParticipantViewInput = z.infer<typeof ParticipantViewInput>;

export const ParticipantViewsInput = z
  .array(ParticipantViewInput)
  .max(3)
  .refine((views) => new Set(views.map((v) => v.perspective)).size === views.length, {
    message: 'una sola valutazione per ciascuno: giovane, famiglia, ente che accoglie',
  });

export const ParticipantView = ParticipantViewInput.extend({
  comment: z.string().nullable(),
  recordedAt: z.string(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;
