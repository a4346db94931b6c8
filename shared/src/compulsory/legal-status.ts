import { ageOn } from '../dates';

/**
 * Italian duties by age (docs/compulsory-education.md): compulsory education (obbligo di
 * istruzione, 10 years) to 16; then the right-duty to education and training (diritto-dovere) to 18
 * or a qualification; then adult. The status changes on the birthday itself.
 */
export type LegalStatus = 'obbligo' | 'diritto_dovere' | 'adulto';

export const COMPULSORY_UNTIL_AGE = 16; // L. 296/2006 art. 1 c. 622: ten years of education
export const RIGHT_DUTY_UNTIL_AGE = 18; // D.Lgs 76/2005: right-duty to 18

export function legalStatusOn(birthDate: string, date: string): LegalStatus {
  const age = ageOn(birthDate, date);
  if (age < COMPULSORY_UNTIL_AGE) return 'obbligo';
  if (age < RIGHT_DUTY_UNTIL_AGE) return 'diritto_dovere';
  return 'adulto';
}
