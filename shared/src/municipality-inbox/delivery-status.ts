import type { DeliveryStatus } from '../contracts/municipality-inbox';
import { addWorkingDays, isOverdue } from '../working-days';

/**
 * Where an item sent to a municipality stands on `today`. Acknowledged wins over everything; an
 * item nobody can open (no active `comune` account) is never "overdue", since the school must send
 * the letter by PEC instead; otherwise overdue after `limit` working days from the delivery day.
 */
export function deliveryStatus(item: {
  deliveredOn: string;
  acknowledged: boolean;
  hasAccount: boolean;
  today: string;
  limit: number;
}): { status: DeliveryStatus; dueBy: string } {
  const dueBy = addWorkingDays(item.deliveredOn, item.limit);
  if (item.acknowledged) return { status: 'acknowledged', dueBy };
  if (!item.hasAccount) return { status: 'no_account', dueBy };
  return { status: isOverdue(item.deliveredOn, item.today, item.limit) ? 'overdue' : 'delivered', dueBy };
}
