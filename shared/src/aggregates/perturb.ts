/**
 * Consistent perturbation of published counts: the cell key method of the Australian Bureau of
 * Statistics (Fraser & Wooton 2005, "A proposed method for confidentialising tabular output to
 * protect against differencing"; Thompson, Broadfoot & Elazar 2013, "Methodology for the
 * automatic confidentialisation of statistical outputs from remote servers at the Australian
 * Bureau of Statistics"), as in the ESSnet SDC handbook §5.4 and Eurostat's census tables.
 *
 * Every student has a fixed random key, derived from a server secret and their internal id
 * (server/src/aggregates/cell-key.ts); a published count's key is the sum of its students' keys
 * modulo CELL_KEY_MODULUS. The same set of students always has the same key, whatever request
 * counts it, so the same count is always shown with the same noise: repeating or rephrasing a
 * request gives nothing new, and the difference of two overlapping counts carries the noise of
 * both.
 *
 * The noise: for a count v of at least the threshold k, an integer in −d..d with
 * d = min(maxNoise, v − k), spread evenly by the key (so unbiased), never below k: a published
 * count of k or more stays so, and smaller ones are never published (suppress.ts). Zero is a
 * count of nobody: it has no key and stays 0.
 */

/** A prime just under 2³¹: student keys and cell keys are integers in [0, CELL_KEY_MODULUS). */
export const CELL_KEY_MODULUS = 2147483629;

/** The published value of a count of at least `threshold` whose students' keys sum to `keySum`. */
export function perturbCount(value: number, keySum: number, threshold: number, maxNoise: number): number {
  if (value < threshold || maxNoise <= 0) return value;
  const d = Math.min(maxNoise, value - threshold);
  const u = (((keySum % CELL_KEY_MODULUS) + CELL_KEY_MODULUS) % CELL_KEY_MODULUS) / CELL_KEY_MODULUS;
  return value + Math.min(2 * d, Math.floor(u * (2 * d + 1))) - d;
}

/** What a reader can tell of a published count: the true values that could have produced it. */
export function countsBehind(published: number, threshold: number, maxNoise: number): number[] {
  if (published < threshold || maxNoise <= 0) return [published];
  const out: number[] = [];
  for (let v = Math.max(threshold, published - maxNoise); v <= published + maxNoise; v++) {
    if (Math.abs(published - v) <= Math.min(maxNoise, v - threshold)) out.push(v);
  }
  return out;
}
