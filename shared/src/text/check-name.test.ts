import { describe, expect, test } from 'vitest';
import { NAME_MAX, checkName, describeNameProblem } from './check-name.ts';

describe('checkName', () => {
  test.each([
    ['Rossi', null],
    ["D'Angelo", null],
    ['De Luca-Bianchi', null],
    ['Nicolò', null],
    ['Nguyễn Thị', null],
    ['محمد', null], // right-to-left script itself is fine: only the invisible overrides are not
    ['王小明', null],
    ['a'.repeat(100), null], // exactly the limit
    ['è'.repeat(100), null], // 100 characters, 100 code points
    ['😀'.repeat(100), null], // 200 UTF-16 units, 100 code points
    ['a'.repeat(101), { kind: 'too_long', max: 100 }],
    ['Ros\u0000si', { kind: 'control', codePoint: 0x00 }], // NUL
    ['\u001b[31mRossi', { kind: 'control', codePoint: 0x1b }], // ESC: terminal colours
    ['Ros\tsi', { kind: 'control', codePoint: 0x09 }], // TAB
    ['Rossi\u007f', { kind: 'control', codePoint: 0x7f }], // DEL
    ['Rossi\u009b', { kind: 'control', codePoint: 0x9b }], // C1 CSI
    ['Rossi\nMario', { kind: 'line_break', codePoint: 0x0a }],
    ['Rossi\r', { kind: 'line_break', codePoint: 0x0d }],
    ['Rossi\u0085', { kind: 'line_break', codePoint: 0x85 }], // NEL is C1 and a line break: said as the latter
    ['Rossi\u2028', { kind: 'line_break', codePoint: 0x2028 }],
    ['Rossi\u2029', { kind: 'line_break', codePoint: 0x2029 }],
    ['Rossi\u202aX', { kind: 'bidi', codePoint: 0x202a }],
    ['Rossi\u202eatsiv', { kind: 'bidi', codePoint: 0x202e }], // RLO: shows "Rossivista"
    ['\u2066Rossi\u2069', { kind: 'bidi', codePoint: 0x2066 }],
    ['Rossi\u2069', { kind: 'bidi', codePoint: 0x2069 }],
    ['Rossi\u200f', { kind: 'bidi', codePoint: 0x200f }], // RLM
    ['Rossi\u061c', { kind: 'bidi', codePoint: 0x061c }], // ALM
  ] as const)('checkName(%j, 100) → %j', (text, expected) => {
    expect(checkName(text, NAME_MAX.person)).toEqual(expected);
  });

  test.each([
    [{ kind: 'too_long', max: 100 } as const, 'più lungo di 100 caratteri'],
    [
      { kind: 'bidi', codePoint: 0x202e } as const,
      'contiene un carattere che cambia la direzione del testo (U+202E), non ammesso in un nome',
    ],
    [{ kind: 'control', codePoint: 0 } as const, 'contiene un carattere di controllo (U+0000), non ammesso in un nome'],
    [{ kind: 'line_break', codePoint: 0x2028 } as const, 'contiene un a capo (U+2028), non ammesso in un nome'],
  ])('describeNameProblem(%j) → %s', (problem, message) => {
    expect(describeNameProblem(problem)).toBe(message);
  });
});
