import { expect, test } from 'vitest';
import type { OutcomeResult } from '../db/database';
import { finalClassOf } from './final-outcomes';

test.each<[OutcomeResult[], string | null]>([
  [['non_ammesso'], 'bad'],
  [['ritirato'], 'bad'],
  [['abbandono'], 'bad'],
  [['sospensione_giudizio'], 'suspended'], // counted apart, not a bad outcome
  [['ammesso'], 'good'],
  [['valutato'], 'good'],
  [['trasferito'], 'transferred'], // how it ended elsewhere is unknown: left out
  [['trasferito', 'ammesso'], 'good'], // the school the student moved to recorded the outcome
  [['ammesso', 'ritirato'], 'bad'], // two real outcomes: the worse one
  [[], null],
])('finalClassOf: %j → %s', (results, expected) => {
  expect(finalClassOf(results)).toBe(expected);
});
