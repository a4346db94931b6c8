/**
 * Validity of the school year (DPR 122/2009 art. 14 c. 7 for upper secondary; D.Lgs 62/2017
 * art. 5 for lower secondary): attendance of at least ¾ of the personalised annual hours, with
 * documented exceptions (deroghe) decided by the class council. Missing ¼ of the hours without
 * justification is also evasion of the obligation (art. 114 D.Lgs 297/1994 as amended in 2023).
 */
export const MAX_ABSENT_SHARE = 0.25;

export interface ValidityInput {
  annualHours: number;
  hoursHeld: number;
  hoursAbsent: number;
  /** Absent hours covered by a deroga of the class council: not counted against the limit. */
  hoursDerogated: number;
  hoursUnjustified: number;
  /** Projected absent share at the end of the year (the risk engine's projection), when known. */
  projectedShare?: number | null;
}

export interface Validity {
  attendedShare: number | null;
  limitHours: number;
  countedHours: number;
  /** "Ore ancora disponibili": absences still possible before the year stops being valid. */
  hoursStillAvailable: number;
  atRisk: boolean;
  invalid: boolean;
  evasion: boolean;
}

export function yearValidity(v: ValidityInput): Validity {
  const limitHours = v.annualHours * MAX_ABSENT_SHARE;
  const countedHours = Math.max(0, v.hoursAbsent - v.hoursDerogated);
  const invalid = countedHours > limitHours;
  return {
    attendedShare: v.hoursHeld > 0 ? 1 - v.hoursAbsent / v.hoursHeld : null,
    limitHours,
    countedHours,
    hoursStillAvailable: Math.max(0, limitHours - countedHours),
    invalid,
    atRisk: invalid || (v.projectedShare ?? 0) > MAX_ABSENT_SHARE,
    evasion: v.hoursUnjustified >= limitHours,
  };
}
