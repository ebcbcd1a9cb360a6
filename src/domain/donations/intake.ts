import { AppError } from '../../core/errors';
import type { StaffPrincipal } from '../../staff/staff-types';
import type { DeviceCondition, DeviceStore } from '../loans/inventory/device-store';
import type { CertificateDelivery } from './certificate-delivery';
import type { CertificateDoc, CertificateStore } from './certificate-store';
import type { DonationRules } from './donation-content';
import type { DonationDoc } from './donation-model';
import type { DonationStore } from './donation-store';
import type { IntakeDevice, IntakeDeviceInput, IntakeStore } from './intake-store';

/** What the intake service works with. */
export interface IntakeDeps {
  donations: DonationStore;
  devices: IntakeStore;
  certificates: CertificateStore;
  delivery: CertificateDelivery;
  rules: DonationRules;
  /** The loan issue's device register: a refurbished laptop goes into stock through it. */
  inventory: Pick<DeviceStore, 'register'>;
}

/** How staff mark a device: wiped with a configured method, or destroyed. */
export type DeviceHandling = { outcome: 'wiped'; method: string } | { outcome: 'destroyed' };

/**
 * Staff intake of a donation: register the devices received, mark each wiped or destroyed, and close
 * the donation. When the last device of a donation that asked for a certificate is handled, the
 * certificate is issued (once) and sent to the donor.
 */
export class DonationIntake {
  constructor(private readonly deps: IntakeDeps) {}

  async donation(reference: string): Promise<DonationDoc> {
    const donation = await this.deps.donations.byReference(reference);
    if (!donation) throw new AppError('NOT_FOUND', 'no donation with this reference');
    return donation;
  }

  /** Registers a device received; 409 for a serial already registered, or a closed or cancelled donation. */
  async addDevice(reference: string, input: IntakeDeviceInput, staff: StaffPrincipal, now: Date): Promise<IntakeDevice> {
    const donation = await this.open(reference);
    const device = await this.deps.devices.add(donation._id, input, staff.id, now);
    if (!device) throw new AppError('CONFLICT', 'this serial is already registered for the donation');
    if (donation.status === 'booked') await this.deps.donations.set(donation._id, { status: 'received', receivedAt: now }, now);
    return device;
  }

  /** Marks a device wiped (with a configured method) or destroyed; may issue the certificate. */
  async handle(reference: string, serial: string, handling: DeviceHandling, staff: StaffPrincipal, now: Date): Promise<IntakeDevice> {
    const donation = await this.open(reference);
    const device = await this.deps.devices.get(donation._id, serial);
    if (!device) throw new AppError('NOT_FOUND', 'no device with this serial in the donation');
    if (device.outcome !== 'pending') throw new AppError('CONFLICT', 'this device is already marked');
    if (handling.outcome === 'wiped' && !this.deps.rules.wipeMethods.some((m) => m.id === handling.method)) {
      throw new AppError('BAD_REQUEST', `unknown wipe method; configured: ${this.deps.rules.wipeMethods.map((m) => m.id).join(', ')}`);
    }
    const method = handling.outcome === 'wiped' ? handling.method : 'destroyed';
    const handled = await this.deps.devices.handle(device, handling.outcome, method, staff.email, now);
    if (!handled) throw new AppError('NOT_FOUND', 'the device disappeared');
    await this.certifyIfComplete(donation, now);
    return handled;
  }

  /** "Refurbished, add to stock": a wiped laptop enters the loan inventory, once. */
  async toStock(reference: string, serial: string, condition: DeviceCondition, now: Date): Promise<IntakeDevice> {
    const donation = await this.donation(reference);
    const device = await this.deps.devices.get(donation._id, serial);
    if (!device) throw new AppError('NOT_FOUND', 'no device with this serial in the donation');
    if (device.type !== 'laptop' || device.outcome !== 'wiped') throw new AppError('CONFLICT', 'only a wiped laptop can go into the loan inventory');
    if (device.stockedAt) throw new AppError('CONFLICT', 'this device is already in the loan inventory');
    const model = `${device.brand} ${device.model}`;
    const { inserted } = await this.deps.inventory.register([{ serial: device.serial, model, type: 'laptop', condition, status: 'in_stock' }], now);
    if (inserted === 0) throw new AppError('CONFLICT', 'this serial is already in the loan inventory');
    await this.deps.devices.markStocked(device, now);
    return { ...device, stockedAt: now };
  }

  /** Closes a donation once every device is handled. */
  async close(reference: string, now: Date): Promise<DonationDoc> {
    const donation = await this.open(reference);
    const devices = await this.deps.devices.of(donation._id);
    if (devices.length === 0 || devices.some((d) => d.outcome === 'pending')) throw new AppError('CONFLICT', 'every device must be wiped or destroyed first');
    return (await this.deps.donations.set(donation._id, { status: 'closed', closedAt: now }, now)) ?? donation;
  }

  /** Issues and sends the certificate when the donor asked for one and no device is pending. */
  async certifyIfComplete(donation: DonationDoc, now: Date): Promise<CertificateDoc | null> {
    if (!donation.certificateWanted) return null;
    const devices = await this.deps.devices.of(donation._id);
    if (devices.length === 0 || devices.some((d) => d.outcome === 'pending')) return null;
    const certificate = await this.deps.certificates.issueOnce({
      _id: donation._id, reference: donation.reference, donorKind: donation.donorKind, companyName: donation.companyName, vat: donation.vat,
      receivedAt: donation.receivedAt ?? devices[0]?.addedAt ?? now, issuedAt: now, contact: donation.contact, email: donation.email,
      devices: devices.map(({ type, brand, model, serial, outcome, method, handledAt, handledBy }) => ({ type, brand, model, serial, outcome, method, handledAt, handledBy })),
    });
    await this.deps.delivery.deliver(certificate, now);
    return certificate;
  }

  private async open(reference: string): Promise<DonationDoc> {
    const donation = await this.donation(reference);
    if (donation.status === 'closed' || donation.status === 'cancelled') throw new AppError('CONFLICT', `the donation is ${donation.status}`);
    return donation;
  }
}
