import { describe, expect, test } from 'vitest';
import { checkPathway } from './pathways';

describe('checkPathway', () => {
  test.each([
    ['reorient_cpia', '2011-05-01', '2025-11-10', {}, false], // 14: no
    ['reorient_cpia', '2010-05-01', '2025-11-10', {}, false], // 15, not marked exceptional
    ['reorient_cpia', '2010-05-01', '2025-11-10', { exceptional: true }, true], // 15, exceptional
    ['reorient_cpia', '2009-11-10', '2025-11-10', {}, true], // 16 today
    ['reorient_work', '2009-05-01', '2025-11-10', { workKind: 'lavoro' }, false], // 16, a job that is not an apprenticeship
    ['reorient_work', '2009-05-01', '2025-11-10', { workKind: 'apprendistato' }, true],
    ['reorient_work', '2011-05-01', '2025-11-10', { workKind: 'apprendistato' }, false], // 14
    ['reorient_work', '2007-05-01', '2025-11-10', { workKind: 'lavoro' }, true], // 18
    ['reorient_iefp', '2011-05-01', '2025-11-10', {}, true], // a passerella is always possible
    ['pua_referral', '2012-05-01', '2025-11-10', {}, true],
  ] as const)('%s, born %s, on %s, %o → valid %s', (type, birthDate, date, extra, valid) => {
    const verdict = checkPathway({ type, birthDate, date, ...extra });
    expect(verdict.valid).toBe(valid);
    if (!verdict.valid) expect(verdict.message).toMatch(/anni/);
  });
});
