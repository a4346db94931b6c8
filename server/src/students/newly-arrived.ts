/** NAI (neo-arrivati in Italia): arrived less than two years before `today`. Context, never a risk input. */
export function isNewlyArrived(arrivalDate: string | null, today: string): boolean {
  if (!arrivalDate) return false;
  const [y, m, d] = arrivalDate.split('-').map(Number) as [number, number, number];
  const twoYearsLater = `${String(y + 2).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return arrivalDate <= today && today < twoYearsLater;
}
