import { expect, test } from 'vitest';
import { seriesColour } from './chart-colours';
import { BANDS } from './overview-chart-data';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

test('seriesColour: when the attendance bands are drawn, then they get lighter from below 80 % to ≥ 95 %, each ≥ 3:1 on white', () => {
  const colours = BANDS.map((band, i) => seriesColour(band, i));

  const lightness = colours.map(luminance);
  expect(lightness).toEqual([...lightness].sort((a, b) => a - b));
  expect(new Set(colours).size).toBe(4);
  for (const c of colours) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(3);
});

test('seriesColour: when 80–90 % is drawn, then it is not the green of "Livello 1" (it is not a good band)', () => {
  expect(seriesColour('attended80to90', 2)).not.toBe(seriesColour('tier1', 0));
});

test.each([
  ['first', 0, '#0066cc'],
  ['seventh wraps around', 6, '#0066cc'],
])('seriesColour: when an unnamed series is %s, then it takes the palette in order', (_label, index, colour) => {
  expect(seriesColour('students', index)).toBe(colour);
});
