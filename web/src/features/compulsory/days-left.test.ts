import { expect, test } from 'vitest';
import { i18n } from '../../lib/i18n';
import { describeDaysLeft } from './days-left';

test.each([
  ['2026-02-10', '2026-02-10', 0, 'scade oggi'],
  ['2026-02-11', '2026-02-10', 1, 'manca 1 giorno'],
  ['2026-02-17', '2026-02-10', 7, 'mancano 7 giorni'], // a notice recorded today: the whole week ahead
  ['2026-02-09', '2026-02-10', -1, 'scaduto da 1 giorno'],
  ['2026-02-05', '2026-02-10', -5, 'scaduto da 5 giorni'],
  ['2026-04-01', '2026-03-25', 7, 'mancano 7 giorni'], // across the switch to summer time: still whole days
])(
  'describeDaysLeft: when the countdown ends on %s and the data are of %s, then %i days, "%s"',
  (endsOn, asOf, days, words) => {
    const left = describeDaysLeft(endsOn, asOf);

    expect(left.days).toBe(days);
    expect(i18n.getFixedT('it')(`compulsory.daysLeft.${left.key}`, { n: left.count })).toBe(words);
  },
);
