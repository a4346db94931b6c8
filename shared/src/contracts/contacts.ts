import { z } from 'zod';
import { ProvinceCode } from './domain';

/** A municipality of the Marche with the contacts the admin keeps for the school's acts. */
export const MunicipalityContact = z.object({
  istatCode: z.string(),
  name: z.string(),
  province: ProvinceCode,
  /** Certified e-mail (PEC) the report to the mayor is sent to. */
  pec: z.string().nullable(),
  /** The office that receives it (e.g. "Servizi sociali"). */
  office: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type MunicipalityContact = z.infer<typeof MunicipalityContact>;

export const MunicipalityContactList = z.object({ items: z.array(MunicipalityContact) });
export type MunicipalityContactList = z.infer<typeof MunicipalityContactList>;

export const IstatCodeParam = z.object({ istat: z.string().regex(/^\d{6}$/, 'codice ISTAT di 6 cifre') });

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Both fields at once; empty clears. A PEC is an e-mail address (of a certified provider). */
export const UpdateMunicipalityContactInput = z.object({
  pec: z.preprocess(blankToNull, z.string().trim().toLowerCase().email('indirizzo PEC non valido').max(254).nullable()),
  office: z.preprocess(blankToNull, z.string().trim().max(200).nullable()),
});
export type UpdateMunicipalityContactInput = z.infer<typeof UpdateMunicipalityContactInput>;
