/**
 * Risk tiers keep their colours across the app; other series take the palette in order (all ≥ 3:1 on white).
 * Attendance bands are ordered, so they take one sequential ramp, darkest for the lowest
 * attendance (issue 20: 80–90 % was drawn green, as if it were good); stacked segments are parted
 * by a white edge (aggregate-chart.tsx), so neighbours need not contrast with each other.
 */
const FIXED: Record<string, string> = {
  tier1: '#008055',
  tier2: '#b35c00',
  tier3: '#c0262d',
  attendedBelow80: '#17324d',
  attended80to90: '#004d99',
  attended90to95: '#0066cc',
  attended95: '#5c8fd6',
};
const PALETTE = ['#0066cc', '#b35c00', '#008055', '#7a1fa2', '#c0262d', '#17324d'];

/** The colour of the series `key`, drawn `index`-th in its chart. */
export function seriesColour(key: string, index: number): string {
  return FIXED[key] ?? PALETTE[index % PALETTE.length]!;
}
