import type { CitizenshipGroup } from '@primm/shared/contracts/aggregates';

const NAI_YEARS = 2; // newly arrived: in Italy for less than two years (GLOSSARY, NAI)

/** Arrivals from this day on count as newly arrived in the school year `label` (`2025/26`). */
export const naiSinceOf = (label: string) => `${Number(label.slice(0, 4)) - NAI_YEARS}-09-01`;

export function citizenshipGroupOf(
  citizenship: string,
  bornInItaly: boolean,
  arrivalDate: string | null,
  naiSince: string,
): CitizenshipGroup {
  if (citizenship.trim().toLowerCase() === 'italia' || citizenship.trim().toLowerCase() === 'italiana')
    return 'italiano';
  if (bornInItaly) return 'straniero_nato_in_italia';
  if (arrivalDate !== null && arrivalDate >= naiSince) return 'neo_arrivato';
  return 'straniero_nato_all_estero';
}
