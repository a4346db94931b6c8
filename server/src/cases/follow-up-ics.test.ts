import { describe, expect, test } from 'vitest';
import { buildFollowUpIcs, escapeText, fold } from './follow-up-ics';

describe('buildFollowUpIcs', () => {
  test('when two follow-ups, then one all-day event each with the case reference and link only', () => {
    const ics = buildFollowUpIcs(
      [
        { caseId: 12, actionId: 34, date: '2026-03-12' },
        { caseId: 12, actionId: 35, date: '2026-12-31' },
      ],
      { origin: 'https://primm.regione.marche.it', now: new Date('2026-03-10T09:00:00.000Z') },
    );

    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Regione Marche PRIMM//primm-ews//IT',
    ]);
    const first = lines.slice(lines.indexOf('BEGIN:VEVENT'), lines.indexOf('END:VEVENT') + 1);
    expect(first).toEqual([
      'BEGIN:VEVENT',
      'UID:follow-up-34@primm.regione.marche.it',
      'DTSTAMP:20260310T090000Z',
      'DTSTART;VALUE=DATE:20260312',
      'DTEND;VALUE=DATE:20260313',
      'SUMMARY:Verifica del caso n. 12',
      'DESCRIPTION:Apri il caso in primm-ews: https://primm.regione.marche.it/casi', // 75 octets, folded
      ' /12',
      'URL:https://primm.regione.marche.it/casi/12',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ]);
    expect(ics).toContain('DTEND;VALUE=DATE:20270101'); // the last day of the year ends on the next one
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  test('when there is no follow-up, then an empty calendar that a phone still accepts', () => {
    const ics = buildFollowUpIcs([], { origin: 'http://localhost:3000', now: new Date('2026-03-10T09:00:00Z') });

    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    expect(ics).not.toContain('BEGIN:VEVENT');
  });
});

test.each([
  ['Verifica del caso n. 12', 'Verifica del caso n. 12'],
  ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
  ['riga\nnuova', 'riga\\nnuova'],
])('escapeText: %j → %j', (text, expected) => {
  expect(escapeText(text)).toBe(expected);
});

test.each([
  ['short', ['short']],
  ['x'.repeat(75), ['x'.repeat(75)]],
  ['x'.repeat(76), ['x'.repeat(75), ' x']],
  // "–" is 3 octets: it moves whole to the next line rather than being cut
  [`${'x'.repeat(74)}–`, ['x'.repeat(74), ' –']],
])('fold: a line of %#, split into lines of at most 75 octets', (line, expected) => {
  const folded = fold(line).split('\r\n');

  expect(folded).toEqual(expected);
  expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
});
