import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../../core/privacy';
import type { DonationBooking } from './booking';
import type { CertificateStore } from './certificate-store';
import type { DonationStore } from './donation-store';

/** Fields that name or reach a donor; a retention purge or an erasure removes them. */
const PERSONAL_FIELDS = { phone: '', email: '', 'pickup.street': '', 'contact.userId': '', 'contact.conversationId': '' } as const;
/** The same on an issued certificate: the copy of the e-mail address and chat address used to send it. */
const CERTIFICATE_FIELDS = { email: '', 'contact.userId': '', 'contact.conversationId': '' } as const;

/**
 * Donations as personal data (phone, e-mail, pickup address, the chat address): shown on "what do
 * you keep?", erased on request (an open booking is cancelled and its slot freed), and stripped from
 * donations cancelled or closed before the retention limit. Reference, counts and devices stay for
 * the certificate and the statistics.
 */
export class DonationDataHolder implements PersonalDataHolder {
  readonly name = 'donations';

  constructor(private readonly store: DonationStore, private readonly booking: DonationBooking, private readonly certificates: CertificateStore) {}

  async export(subject: DataSubject): Promise<HeldData> {
    const docs = await this.store.model.find({ 'contact.channel': subject.channel, 'contact.userId': subject.userId }).lean();
    const records = docs.map((d) => ({
      reference: d.reference, status: d.status, way: d.way, counts: d.counts, companyName: d.companyName, vat: d.vat,
      phone: d.phone, email: d.email, pickup: d.pickup ? { date: d.pickup.date, from: d.pickup.from, to: d.pickup.to, street: d.pickup.street, postcode: d.pickup.postcode } : undefined,
      createdAt: d.createdAt,
    }));
    return { holder: this.name, label: 'donation.privacy_label', records };
  }

  async erase(subject: DataSubject, at: Date): Promise<ErasureResult> {
    const filter = { 'contact.channel': subject.channel, 'contact.userId': subject.userId };
    const docs = await this.store.model.find(filter, { _id: 1, status: 1 }).lean();
    for (const doc of docs) if (doc.status === 'booked') await this.booking.cancel(doc._id, at);
    await this.store.model.updateMany(filter, { $unset: PERSONAL_FIELDS, $set: { updatedAt: at } });
    await this.certificates.model.updateMany(filter, { $unset: CERTIFICATE_FIELDS, $set: { chatSentAt: at, mailSkipped: true } });
    return { holder: this.name, erased: docs.length, keptBecause: [] };
  }

  async purge(before: Date): Promise<number> {
    const result = await this.store.model.updateMany(
      { status: { $in: ['cancelled', 'closed'] }, updatedAt: { $lt: before }, 'contact.userId': { $exists: true } },
      { $unset: PERSONAL_FIELDS },
    );
    await this.certificates.model.updateMany({ issuedAt: { $lt: before }, 'contact.userId': { $exists: true } }, { $unset: CERTIFICATE_FIELDS });
    return result.modifiedCount;
  }
}
