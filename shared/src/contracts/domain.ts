import { z } from 'zod';

/** Province abbreviations (sigle) of the Marche region. Registry codes use `PS` for Pesaro-Urbino. */
export const ProvinceCode = z.enum(['AN', 'AP', 'FM', 'MC', 'PU']);
export type ProvinceCode = z.infer<typeof ProvinceCode>;

/** Lower secondary (scuola secondaria di primo grado) or upper secondary (secondo grado). */
export const SchoolLevel = z.enum(['primo_grado', 'secondo_grado']);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

/** Upper-secondary tracks, plus regional vocational training (IeFP). */
export const Track = z.enum(['liceo', 'tecnico', 'professionale', 'iefp']);
export type Track = z.infer<typeof Track>;

export const Sex = z.enum(['M', 'F']);
export type Sex = z.infer<typeof Sex>;

/** Italian as L2, CEFR level. */
export const L2Level = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
export type L2Level = z.infer<typeof L2Level>;

/** `2025/26` */
export const SchoolYearLabel = z.string().regex(/^\d{4}\/\d{2}$/, 'anno scolastico nel formato 2025/26');

/** ISO date `yyyy-mm-dd`, the only date form on the wire. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'data nel formato aaaa-mm-gg');

/** Codice meccanografico: 10 characters, letters and digits. */
export const SchoolCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}[A-Z0-9]{8}$/, 'codice meccanografico di 10 caratteri');

export const Id = z.coerce.number().int().positive();
