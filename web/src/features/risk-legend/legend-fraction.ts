/**
 * A bad-outcome rate as "k in 10" (issue 18's wording, "6 studenti su 10") from 20 %, or "k in
 * 100" below, where tenths would round to 0, 1 or 2 and hide the difference between levels
 * (7.8 % is "8 su 100", not "1 su 10"); under half a percent, "fewer than 1 in 100".
 */
export type LegendFraction = { count: number; of: 10 | 100 } | { lessThan: 1; of: 100 };

export function legendFraction(rate: number): LegendFraction {
  if (rate >= 0.2) return { count: Math.round(rate * 10), of: 10 };
  const hundredths = Math.round(rate * 100);
  return hundredths === 0 ? { lessThan: 1, of: 100 } : { count: hundredths, of: 100 };
}
