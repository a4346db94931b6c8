/**
 * A class timetable as stored and exported: lesson hours Monday..Saturday, `6-6-7-7-6-0`.
 * Sunday never has lessons.
 */
export function parseTimetable(text: string): number[] {
  const hours = text.split('-').map((h) => Number(h.replace(',', '.')));
  if (hours.length !== 6 || hours.some((h) => !Number.isFinite(h) || h < 0 || h > 10)) {
    throw new Error(`Orario non valido: "${text}" (atteso ore da lunedì a sabato, es. 6-6-6-6-6-0)`);
  }
  return hours;
}
