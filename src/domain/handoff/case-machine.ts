import { AppError } from '../../core/errors';

/** Where a case is: with the bot, in the queue, with a staff member, or closed one of four ways. */
export const CASE_STATUSES = ['bot', 'waiting', 'assigned', 'resolved', 'returned_to_bot', 'cancelled', 'expired'] as const;
/** One case status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What can happen to a case; each is one row group of the transition table. */
export const CASE_ACTIONS = ['open', 'claim', 'unclaim', 'transfer', 'resolve', 'return_to_bot', 'cancel', 'expire'] as const;
/** One case action. */
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * THE table of allowed transitions: action → (from → to). Anything not listed is refused. A transfer
 * stays `assigned` (only the assignee changes) but is still a versioned transition, so it races safely
 * with a resolve or an unclaim.
 */
export const TRANSITIONS: Readonly<Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>>> = {
  open: { bot: 'waiting' },
  claim: { waiting: 'assigned' },
  unclaim: { assigned: 'waiting' },
  transfer: { assigned: 'assigned' },
  resolve: { assigned: 'resolved' },
  return_to_bot: { waiting: 'returned_to_bot', assigned: 'returned_to_bot' },
  cancel: { waiting: 'cancelled', assigned: 'cancelled' },
  expire: { waiting: 'expired' },
};

/** Statuses in which the assistant stays quiet and relays the resident's messages to staff. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['waiting', 'assigned'];

/** Statuses a case never leaves. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['resolved', 'returned_to_bot', 'cancelled', 'expired'];

/** The status after `action` from `from`; refuses a transition the table does not allow (HTTP 409). */
export function nextStatus(action: CaseAction, from: CaseStatus): CaseStatus {
  const to = TRANSITIONS[action][from];
  if (!to) {
    const allowed = Object.keys(TRANSITIONS[action]).join(' or ');
    throw new AppError('CONFLICT', `cannot ${action.replace(/_/g, ' ')} a case that is ${from.replace(/_/g, ' ')} (only from ${allowed})`);
  }
  return to;
}

/** True while staff own the conversation. */
export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
