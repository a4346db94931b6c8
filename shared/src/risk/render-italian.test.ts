import { describe, expect, test } from 'vitest';
import { message } from './message';
import { renderItalian, translateItalian } from './render-italian';

describe('renderItalian', () => {
  test.each([
    [message('explain.unit.hour', { count: 1 }), '1 ora'],
    [message('explain.unit.hour', { count: 2.5 }), '2,5 ore'],
    [message('explain.unit.hour', { count: 0 }), '0 ore'], // Italian: 0 is "other"
    [
      message('explain.unit.areas', {
        count: 2,
        list: [message('explain.area.frequenza'), message('explain.area.rendimento')],
      }),
      '2 aree (frequenza, rendimento)',
    ],
    [message('explain.failing_subjects.item', { subject: 'MATEMATICA', average: 5.25 }), 'matematica 5,3'],
    [
      message('explain.conduct.ok', { grade: 8.5, date: '2025-12-20' }),
      'Voto di comportamento 8,5 (20/12/2025): nella norma.',
    ],
    [
      message('explain.late_entries.some_weekday', {
        late: message('explain.unit.lateEntry', { count: 3 }),
        early: message('explain.unit.earlyExit', { count: 1 }),
        weeks: message('explain.unit.week', { count: 10 }),
        perWeek: 0.4,
        hours: message('explain.unit.hourLost', { count: 5 }),
        weekday: 0,
      }),
      '3 entrate posticipate e 1 uscita anticipata in 10 settimane di lezione (0,4 a settimana, 5 ore perse), per lo più di lunedì.',
    ],
    [
      message('explain.attendance_rate.cronica', { rate: 0.8833, absent: 70, held: 600, threshold: 0.9 }),
      'Presente il 88 % delle ore finora (assente 70 su 600): assenza cronica (presenza sotto la soglia: 90 %).',
    ],
    [
      message('explain.absence_projection.no_lessons', { deroga: '' }),
      'Nessuna ora di lezione svolta finora: proiezione non calcolabile.',
    ],
  ])('%j → "%s"', (m, text) => {
    expect(renderItalian(m)).toBe(text);
  });

  test('when a key has no template, then it throws rather than print the key', () => {
    expect(() => translateItalian('explain.nothing.here', {})).toThrow(/testo mancante/);
  });
});
