import type { PuaReferral } from '@primm/shared/contracts/referrals';

export const INBOX_GROUPS = ['overdue', 'waiting', 'inProgress', 'closed'] as const;
export type InboxGroup = (typeof INBOX_GROUPS)[number];

/** The PUA's inbox groups (issue 21): waiting, overdue (no first answer within the limit), in progress, closed. */
export function inboxGroupOf(r: Pick<PuaReferral, 'status' | 'overdue'>): InboxGroup {
  if (r.status === 'sent') return r.overdue ? 'overdue' : 'waiting';
  return r.status === 'accepted' ? 'inProgress' : 'closed';
}
