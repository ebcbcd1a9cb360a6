import type { ChannelRegistry } from '../../channels/channel';
import type { MessageRenderer } from '../../core/dialog/renderer';
import type { Job } from '../../core/jobs/scheduler';
import type { Logger } from '../../core/logger';
import type { ClaimStore } from '../../storage/claims';
import { bookingValues } from './dialog-support';
import type { SlotCalendar } from './donation-content';
import type { DonationDoc } from './donation-model';
import type { DonationStore } from './donation-store';
import { reminderDue } from './slot-calendar';

/** What the reminder job needs. */
export interface ReminderDeps {
  store: DonationStore;
  claims: ClaimStore;
  channels: ChannelRegistry;
  renderer: MessageRenderer;
  calendar: SlotCalendar;
  log: Logger;
  intervalMs?: number;
}

/** The name of the job, for the scheduler and tests. */
export const REMINDER_JOB = 'donation-pickup-reminders';
const DAY_MS = 86_400_000;

function isDue(calendar: SlotCalendar, donation: DonationDoc, now: Date): boolean {
  const pickup = donation.pickup;
  return Boolean(pickup && now >= reminderDue(calendar, pickup) && now < pickup.start);
}

async function remind(deps: ReminderDeps, donation: DonationDoc, now: Date): Promise<void> {
  const key = `${donation._id}:day-before`;
  if (!(await deps.claims.claim('reminder', key, donation._id, now))) return;
  const { language, ...address } = donation.contact;
  try {
    await deps.channels.send(address, [deps.renderer.message(language, ['donation.reminder'], bookingValues(language, donation))]);
  } catch (error) {
    // Give the claim back so the next tick tries again; a lost reminder is worse than a late one.
    await deps.claims.release('reminder', key, donation._id);
    deps.log.warn({ job: REMINDER_JOB, error: error instanceof Error ? error.name : 'unknown' }, 'pickup reminder not sent');
  }
}

/**
 * The day-before reminder of a booked pickup, on the donor's own channel. Each reminder is a claim
 * "reminder:<donationId>:day-before", so however many ticks or processes run, it is sent once.
 */
export function pickupReminderJob(deps: ReminderDeps): Job {
  const { daysBefore } = deps.calendar.reminder;
  return {
    name: REMINDER_JOB,
    intervalMs: deps.intervalMs ?? 5 * 60_000,
    run: async (now) => {
      const upcoming = await deps.store.pickupsStarting(now, new Date(now.getTime() + (daysBefore + 1) * DAY_MS));
      for (const donation of upcoming) if (isDue(deps.calendar, donation, now)) await remind(deps, donation, now);
    },
  };
}
