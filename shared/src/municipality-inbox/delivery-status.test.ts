import { expect, test } from 'vitest';
import { deliveryStatus } from './delivery-status';

test.each([
  // delivered Monday 2 Nov 2026, 15 working days → due Monday 23 Nov
  ['2026-11-02', false, true, '2026-11-23', 'delivered', '2026-11-23'],
  ['2026-11-02', false, true, '2026-11-24', 'overdue', '2026-11-23'],
  ['2026-11-02', true, true, '2027-01-10', 'acknowledged', '2026-11-23'],
  // no office can open it: the school sends the letter by PEC, never "overdue" here
  ['2026-11-02', false, false, '2027-01-10', 'no_account', '2026-11-23'],
  // 8 December and Christmas are not working days: delivered 4 Dec, due 29 Dec
  ['2026-12-04', false, true, '2026-12-29', 'delivered', '2026-12-29'],
  ['2026-12-04', false, true, '2026-12-30', 'overdue', '2026-12-29'],
] as const)(
  'deliveryStatus: delivered %s, acknowledged %s, account %s, on %s → %s (due %s)',
  (deliveredOn, acknowledged, hasAccount, today, status, dueBy) => {
    expect(deliveryStatus({ deliveredOn, acknowledged, hasAccount, today, limit: 15 })).toEqual({ status, dueBy });
  },
);
