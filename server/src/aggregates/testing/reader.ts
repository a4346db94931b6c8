import { countsBehind } from '@primm/shared/aggregates/perturb';

/**
 * Test support: what a reader can tell from published cells, knowing the rules (docs/privacy.md):
 * a number is its true count moved by at most the noise (never below the threshold), `<k` is
 * 0..k−1, `n.d.` is at least k. Used by the differencing tests to decide whether two answers
 * isolate a group with certainty.
 */
export function behind(cell: unknown, threshold: number, noise: number): [number, number] {
  if (typeof cell === 'number') {
    const values = countsBehind(cell, threshold, noise);
    return [values[0]!, values.at(-1)!];
  }
  if (cell === 'n.d.') return [threshold, Infinity];
  if (typeof cell === 'string' && cell.startsWith('<')) return [0, threshold - 1];
  throw new Error(`behind: not a published cell: ${JSON.stringify(cell)}`);
}

/** The values the difference of a wider count and a narrower one (inside it) can take. */
export function difference(wider: unknown, narrower: unknown, threshold: number, noise: number): [number, number] {
  const [a0, a1] = behind(wider, threshold, noise);
  const [b0, b1] = behind(narrower, threshold, noise);
  return [Math.max(0, a0 - b1), a1 - b0];
}
