import fc from 'fast-check';
import { expect, test } from 'vitest';
import { assessStudent } from './assess-student';
import { randomStudent, settingsVariant } from './test-arbitraries';
import type { Indicator, RiskLevel } from './types';

/**
 * Words that carry a judgement, and the levels they may stand beside (issue 18: "nella norma"
 * beside "vicino all'assenza cronica" must not happen). Keys not listed state facts only.
 */
const ALLOWED: Record<string, (i: Indicator) => boolean> = {
  'explain.attendance_rate.soddisfacente': (i) => i.level === 'ok',
  'explain.attendance_rate.a_rischio': (i) => i.level === 'ok',
  'explain.attendance_rate.cronica': (i) => i.level === 'attention',
  'explain.attendance_rate.cronica_grave': (i) => i.level === 'high',
  // "supererà il limite": high, or not scored yet (then the sentence says it is too early)
  'explain.absence_projection.crossing': (i) => i.level === 'high' || i.details?.reliable === false,
  'explain.absence_projection.already_over': (i) => i.level === 'high',
  'explain.attendance_trend.stable': (i) => i.level === 'ok',
  'explain.attendance_trend.down': (i) => i.level === 'ok',
  'explain.conduct.below_six': (i) => i.level === 'high',
  'explain.conduct.six': (i) => i.level === 'high',
  'explain.conduct.high': (i) => i.level === 'high',
  'explain.conduct.attention': (i) => i.level === 'attention',
  'explain.conduct.ok': (i) => i.level === 'ok',
  'explain.failing_subjects.none': (i) => i.level === 'ok',
  'explain.failing_subjects.some': (i) => i.level !== 'ok',
  'explain.failing_subjects.some_core': (i) => i.level !== 'ok',
  'explain.disengagement.share': (i) => i.level === 'high',
  'explain.disengagement.run': (i) => i.level === 'high',
  'explain.disengagement.ok': (i) => i.level === 'ok',
};
const LEVEL_OF: Record<RiskLevel, string> = { ok: 'nella norma', attention: 'attenzione', high: 'alto' };

test('property: no sentence contradicts its level, and the level sentence names the level it explains', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(randomStudent, settingsVariant, (input, settings) => {
      const a = assessStudent(input, settings);

      for (const i of a.indicators) {
        const check = ALLOWED[i.message.key];
        if (!check) continue;
        seen.add(i.message.key);
        expect(check(i), `${i.message.key} beside "${LEVEL_OF[i.level]}": ${i.explanation}`).toBe(true);
      }
      expect(a.tierExplanation.startsWith(`Livello ${a.tier}:`)).toBe(true);
      expect(a.tierExplanation).not.toMatch(/tier|fascia/i);
    }),
    { numRuns: 150 },
  );
  expect(seen.size).toBeGreaterThan(8);
});
