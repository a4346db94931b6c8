import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suppressCounts, type CountRecord, type Relation } from './suppress';

/** One dimension (3 provinces) with the total: cells sum to the total for each measure. */
function oneDimension(counts: Record<string, Record<string, number>>): { records: CountRecord[]; relations: Relation[] } {
  const ids = Object.keys(counts);
  const measures = Object.keys(counts[ids[0]!]!);
  const total = Object.fromEntries(measures.map((m) => [m, ids.reduce((a, id) => a + counts[id]![m]!, 0)]));
  const records = [...ids.map((id) => ({ id, values: counts[id]! })), { id: 'total', values: total }];
  const relations: Relation[] = measures.map((m) => ({ members: ids.map((id) => [id, m] as [string, string]), target: ['total', m] }));
  for (const id of [...ids, 'total']) relations.push({ members: [[id, 'tier1'], [id, 'tier2'], [id, 'tier3']] });
  return { records, relations };
}

describe('suppressCounts', () => {
  test('when every count is 10 or more (or 0), then nothing is hidden', () => {
    const { records, relations } = oneDimension({
      AN: { students: 40, tier1: 30, tier2: 10, tier3: 0 },
      PU: { students: 50, tier1: 30, tier2: 10, tier3: 10 },
    });

    expect(suppressCounts(records, relations, 10)).toEqual({
      AN: { students: 40, tier1: 30, tier2: 10, tier3: 0 },
      PU: { students: 50, tier1: 30, tier2: 10, tier3: 10 },
      total: { students: 90, tier1: 60, tier2: 20, tier3: 10 },
    });
  });

  test('when one tier count is 3, then it is hidden, and so is a second tier of the group and a second group of that tier', () => {
    const { records, relations } = oneDimension({
      AN: { students: 40, tier1: 25, tier2: 12, tier3: 3 },
      PU: { students: 50, tier1: 28, tier2: 11, tier3: 11 },
      MC: { students: 60, tier1: 30, tier2: 15, tier3: 15 },
    });

    const out = suppressCounts(records, relations, 10);

    expect(out.AN!.tier3).toBe('<10'); // primary
    expect(out.AN!.tier2).toBe('n.d.'); // partition: 40 = 25 + tier2 + tier3 would give it away
    expect(out.PU!.tier3).toBe('n.d.'); // column: total tier3 − others would give it away
    expect(out.PU!.tier2).toBe('n.d.'); // and then PU's own partition
    expect(out.MC).toEqual({ students: 60, tier1: 30, tier2: 15, tier3: 15 });
  });

  test('when a group has fewer than 10 students, then every measure of it is hidden, its zeros too', () => {
    const { records, relations } = oneDimension({
      AN: { students: 7, tier1: 7, tier2: 0, tier3: 0 },
      PU: { students: 50, tier1: 30, tier2: 10, tier3: 10 },
      MC: { students: 60, tier1: 30, tier2: 15, tier3: 15 },
    });

    const out = suppressCounts(records, relations, 10);

    expect(out.AN).toEqual({ students: '<10', tier1: '<10', tier2: '<10', tier3: '<10' });
    expect(out.PU!.students).toBe('n.d.'); // or the total would reveal AN's 7
  });

  test('a hidden cell is never the only hidden member of a relation (property, 1 000 random tables)', () => {
    const group = fc.record({ tier1: fc.nat(40), tier2: fc.nat(20), tier3: fc.nat(12) }).map((t) => ({ ...t, students: t.tier1 + t.tier2 + t.tier3 }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 6 }), fc.integer({ min: 3, max: 12 }), (groups, k) => {
        const { records, relations } = oneDimension(Object.fromEntries(groups.map((g, i) => [`G${i}`, g])));
        const out = suppressCounts(records, relations, k);
        for (const r of records) {
          for (const [m, v] of Object.entries(r.values)) {
            const shown = out[r.id]![m];
            if (typeof shown === 'number') {
              expect(shown).toBe(v);
              expect(shown === 0 || shown >= k).toBe(true); // no small count is ever shown
            }
          }
        }
        for (const rel of relations) {
          const cells = [...rel.members, ...(rel.target ? [rel.target] : [])];
          expect(cells.filter(([rec, m]) => typeof out[rec]![m] === 'string').length).not.toBe(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
