import { expect, test } from 'vitest';
import { inboxGroupOf } from './pua-inbox-groups';

test.each([
  ['sent', false, 'waiting'],
  ['sent', true, 'overdue'],
  ['accepted', false, 'inProgress'],
  ['declined', false, 'closed'],
  ['closed', false, 'closed'],
] as const)('inboxGroupOf: status %s, overdue %s → %s', (status, overdue, group) => {
  expect(inboxGroupOf({ status, overdue })).toBe(group);
});
