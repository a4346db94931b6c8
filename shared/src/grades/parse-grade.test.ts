import { describe, expect, test } from 'vitest';
import { parseGrade } from './parse-grade';

describe('parseGrade', () => {
  test.each([
    ['6', 6],
    ['10', 10],
    ['6+', 6.25],
    ['6-', 5.75],
    ['6–', 5.75], // en dash, as word processors write it
    ['6½', 6.5],
    ['6 ½', 6.5],
    ['6 1/2', 6.5],
    ['6,5', 6.5],
    ['6.5', 6.5],
    ['8,25', 8.25],
    ['7/8', 7.5],
    ['7-8', 7.5],
    [' 5 ', 5],
    ['0', 0],
  ])('when "%s", then the number %d', (raw, value) => {
    expect(parseGrade(raw)).toEqual({ kind: 'number', value });
  });

  test.each([
    ['NC', { kind: 'nc' }],
    ['n.c.', { kind: 'nc' }],
    ['buono', { kind: 'judgement', judgement: 'buono' }],
    ['Ottimo', { kind: 'judgement', judgement: 'ottimo' }],
    ['non sufficiente', { kind: 'judgement', judgement: 'insufficiente' }],
    ['--', { kind: 'none' }],
    ['', { kind: 'none' }],
  ])('when "%s", then %o', (raw, expected) => {
    expect(parseGrade(raw)).toEqual(expected);
  });

  test.each([['11'], ['12+'], ['7/9'], ['abc'], ['6++'], ['-3']])('when "%s", then invalid', (raw) => {
    expect(parseGrade(raw).kind).toBe('invalid');
  });
});
