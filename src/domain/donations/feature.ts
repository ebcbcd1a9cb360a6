import type { Feature, FeatureDeps, FeatureFactory } from '../../features';
import { ClaimStore } from '../../storage/claims';
import { CounterStore } from '../../storage/counters';
import { DonationBooking } from './booking';
import { registerBookingActions } from './booking-actions';
import type { DonationDialogDeps } from './dialog-support';
import { donationPlaceholders, loadDonationContent } from './donation-content';
import { DonationStore } from './donation-store';
import { registerDonorActions } from './donor-actions';
import { registerManageActions } from './manage-actions';
import { pickupReminderJob } from './reminders';
import { registerSlotActions } from './slot-actions';
import { SlotReservations } from './slot-reservations';

/**
 * Donations (issue 5): the booking dialog with pickup slots or drop-off, moving and cancelling, and
 * the day-before reminder.
 */
export const donationsFeature: FeatureFactory = (deps: FeatureDeps): Feature => {
  const { config, connection, renderer, logger: log } = deps;
  const content = loadDonationContent(config.paths.content);
  const placeholders = donationPlaceholders(content);
  if (placeholders.length > 0) log.warn({ placeholders }, 'donation content still has PLACEHOLDER values');

  const claims = new ClaimStore(connection);
  const store = new DonationStore(connection);
  const reservations = new SlotReservations(claims, content.slots);
  const booking = new DonationBooking(store, reservations, new CounterStore(connection), content.slots);
  const dialog: DonationDialogDeps = { content, renderer, store, booking, reservations };

  return {
    name: 'donations',
    registerActions(actions) {
      registerDonorActions(actions, dialog);
      registerSlotActions(actions, dialog);
      registerBookingActions(actions, dialog);
      registerManageActions(actions, dialog);
    },
    jobs: () => [pickupReminderJob({ store, claims, channels: deps.channels, renderer, calendar: content.slots, log })],
  };
};
