import type { Feature, FeatureDeps, FeatureFactory } from '../../features';
import { ClaimStore } from '../../storage/claims';
import { CounterStore } from '../../storage/counters';
import { DeviceStore } from '../loans/inventory/device-store';
import { TransitionLog } from '../loans/transitions';
import { DonationBooking } from './booking';
import { registerBookingActions } from './booking-actions';
import { CertificateDelivery, certificateDeliveryJob } from './certificate-delivery';
import { renderCertificatePdf } from './certificate-pdf';
import { certificateRoutes, VERIFY_PATH } from './certificate-routes';
import { CertificateStore, type CertificateDoc } from './certificate-store';
import type { DonationDialogDeps } from './dialog-support';
import { donationPlaceholders, loadDonationContent } from './donation-content';
import { addDonationPages } from './donation-pages';
import { DonationDataHolder } from './donation-privacy';
import { DonationStore } from './donation-store';
import { registerDonorActions } from './donor-actions';
import { DonationIntake } from './intake';
import { intakeRoutes } from './intake-routes';
import { IntakeStore } from './intake-store';
import { SmtpMailer } from './mailer';
import { registerManageActions } from './manage-actions';
import { pickupReminderJob } from './reminders';
import { registerSlotActions } from './slot-actions';
import { SlotReservations } from './slot-reservations';

/**
 * Donations (issue 5): the booking dialog with pickup slots or drop-off, moving and cancelling, the
 * day-before reminder, staff intake and the data-wipe certificate (PDF, chat link, e-mail, public check).
 */
export const donationsFeature: FeatureFactory = (deps: FeatureDeps): Feature => {
  const { config, connection, renderer, logger: log } = deps;
  const content = loadDonationContent(config.paths.content);
  const placeholders = donationPlaceholders(content);
  if (placeholders.length > 0) log.warn({ placeholders }, 'donation content still has PLACEHOLDER values');
  const baseUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');

  const claims = new ClaimStore(connection);
  const store = new DonationStore(connection);
  const devices = new IntakeStore(connection);
  const certificates = new CertificateStore(connection);
  const reservations = new SlotReservations(claims, content.slots);
  const booking = new DonationBooking(store, reservations, new CounterStore(connection), content.slots);
  const mailer = config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : null;
  const pdf = (certificate: CertificateDoc): Promise<Buffer> => renderCertificatePdf(certificate, {
    wording: content.certificate, methods: content.rules.wipeMethods, timeZone: content.slots.timeZone, verifyUrl: `${baseUrl}${VERIFY_PATH}/${certificate.code}`,
  });
  const delivery = new CertificateDelivery({ certificates, claims, channels: deps.channels, renderer, mailer, pdf, baseUrl, log });
  const inventory = new DeviceStore(connection, new TransitionLog(connection));
  const intake = new DonationIntake({ donations: store, devices, certificates, delivery, rules: content.rules, inventory });
  const dialog: DonationDialogDeps = { content, renderer, store, booking, reservations };
  deps.privacy.register(new DonationDataHolder(store, booking, certificates));
  addDonationPages(deps.dashboard, { donations: store, devices, certificates, rules: content.rules, audit: deps.audit, clock: deps.clock });

  return {
    name: 'donations',
    registerActions(actions) {
      registerDonorActions(actions, dialog);
      registerSlotActions(actions, dialog);
      registerBookingActions(actions, dialog);
      registerManageActions(actions, dialog);
    },
    async registerRoutes(app) {
      await intakeRoutes(app, { intake, donations: store, devices, certificates, pdf, auth: deps.staffAuth, audit: deps.audit, clock: deps.clock });
      await certificateRoutes(app, { certificates, pdf, timeZone: content.slots.timeZone });
    },
    jobs: () => [
      pickupReminderJob({ store, claims, channels: deps.channels, renderer, calendar: content.slots, log }),
      certificateDeliveryJob(delivery),
    ],
    close: async () => mailer?.close(),
  };
};
