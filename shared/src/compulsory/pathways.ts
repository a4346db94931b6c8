import { ageOn } from '../dates';

export type WorkKind = 'apprendistato' | 'lavoro';

export interface PathwayCheck {
  type: string;
  birthDate: string;
  date: string;
  workKind?: WorkKind | null;
  /** CPIA at 15: only in exceptional cases, recorded with their reason. */
  exceptional?: boolean;
}

export type PathwayVerdict = { valid: true } | { valid: false; message: string };

export const CPIA_MIN_AGE = 16; // DPR 263/2012 art. 3: adults and young people from 16
export const CPIA_EXCEPTIONAL_AGE = 15; // art. 3 c. 2: 15 in exceptional, documented cases
export const APPRENTICESHIP_MIN_AGE = 15; // D.Lgs 81/2015 art. 43: apprenticeship for the qualification from 15
export const WORK_MIN_AGE = 18; // under 18 work fulfils the right-duty only as apprenticeship (D.Lgs 76/2005)

/**
 * Whether a reorientation fits the young person's age and duties on its date. A move to IeFP or
 * another school and a PUA referral are always possible; CPIA and work have age rules.
 */
export function checkPathway(p: PathwayCheck): PathwayVerdict {
  const age = ageOn(p.birthDate, p.date);
  if (p.type === 'reorient_cpia') {
    if (age >= CPIA_MIN_AGE) return { valid: true };
    if (age === CPIA_EXCEPTIONAL_AGE && p.exceptional) return { valid: true };
    return {
      valid: false,
      message:
        age === CPIA_EXCEPTIONAL_AGE
          ? 'A 15 anni il CPIA è possibile solo in casi eccezionali: indicatelo e motivatelo.'
          : `Il CPIA accoglie dai 16 anni (15 solo in casi eccezionali): a ${age} anni non è un percorso valido.`,
    };
  }
  if (p.type === 'reorient_work') {
    if (age >= WORK_MIN_AGE) return { valid: true };
    if (age < APPRENTICESHIP_MIN_AGE) {
      return {
        valid: false,
        message: `A ${age} anni, in obbligo di istruzione, nessun percorso di lavoro è possibile: valutate scuola o IeFP.`,
      };
    }
    if (p.workKind !== 'apprendistato') {
      return {
        valid: false,
        message: `Sotto i 18 anni il lavoro assolve il diritto-dovere solo come apprendistato: a ${age} anni indicate un apprendistato.`,
      };
    }
    return { valid: true };
  }
  return { valid: true };
}
