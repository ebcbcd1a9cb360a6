import type { FastifyInstance } from 'fastify';
import { staffOf } from '../../staff/auth';
import type { AuditLog } from '../../staff/audit';
import { STAFF_ROLES, type StaffAuth } from '../../staff/staff-types';
import { DEVICE_CONDITIONS, type DeviceCondition } from '../loans/inventory/device-store';
import type { CertificateDoc, CertificateStore } from './certificate-store';
import { DEVICE_TYPES } from './donation-content';
import type { DonationDoc } from './donation-model';
import type { DonationStore } from './donation-store';
import type { DonationIntake } from './intake';
import type { IntakeDevice, IntakeDeviceInput, IntakeStore } from './intake-store';

/** What the staff intake API works with. */
export interface IntakeRoutesOptions {
  intake: DonationIntake;
  donations: DonationStore;
  devices: IntakeStore;
  certificates: CertificateStore;
  pdf(certificate: CertificateDoc): Promise<Buffer>;
  auth: StaffAuth;
  audit: AuditLog;
  clock: () => Date;
}

type RefParams = { Params: { reference: string } };
type DeviceParams = { Params: { reference: string; serial: string } };

const security = [{ bearerAuth: [] }];
const text = (max: number): Record<string, unknown> => ({ type: 'string', minLength: 1, maxLength: max });
const refParams = { type: 'object', required: ['reference'], properties: { reference: { type: 'string', pattern: '^[A-Za-z]{2}-\\d{4}-\\d{6}$' } } } as const;
const deviceParams = { type: 'object', required: ['reference', 'serial'], properties: { ...refParams.properties, serial: text(60) } } as const;
const body = (properties: Record<string, unknown>, required: string[]): Record<string, unknown> => ({ type: 'object', additionalProperties: false, required, properties });

/** A donation as the intake list shows it: no phone, e-mail or address (those are read per donation). */
export function donationSummary(doc: DonationDoc): Record<string, unknown> {
  return {
    reference: doc.reference, status: doc.status, way: doc.way, donorKind: doc.donorKind, counts: doc.counts, certificateWanted: doc.certificateWanted,
    pickup: doc.pickup ? { date: doc.pickup.date, from: doc.pickup.from, to: doc.pickup.to } : null, createdAt: doc.createdAt,
  };
}

function deviceView(d: IntakeDevice): Record<string, unknown> {
  return { type: d.type, brand: d.brand, model: d.model, serial: d.serial, outcome: d.outcome, method: d.method ?? null, handledAt: d.handledAt ?? null, handledBy: d.handledBy ?? null };
}

/** The staff REST API of donation intake (OpenAPI tag "staff"); every route is behind the shared staff guard. */
export async function intakeRoutes(app: FastifyInstance, options: IntakeRoutesOptions): Promise<void> {
  const { intake, auth, audit, clock } = options;
  const route = (summary: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ schema: { tags: ['staff'], summary, security, ...extra }, preHandler: auth.guard(STAFF_ROLES) });
  const record = (staffId: string, action: string, donation: DonationDoc, details?: Record<string, string | number>): Promise<void> =>
    audit.record({ actor: staffId, action, subject: `donation:${donation._id}`, details, at: clock() });

  app.get<{ Querystring: { status?: DonationDoc['status'] } }>('/api/staff/donations', route('Donations, newest first', {
    querystring: { type: 'object', properties: { status: { type: 'string', enum: ['booked', 'cancelled', 'received', 'closed'] } } },
  }), async (request) => (await options.donations.list(request.query.status)).map(donationSummary));

  app.get<RefParams>('/api/staff/donations/:reference', route('One donation with contact details, devices and certificate', { params: refParams }), async (request) => {
    const donation = await intake.donation(request.params.reference);
    await record(staffOf(request).id, 'donation.view', donation);
    const [devices, certificate] = await Promise.all([options.devices.of(donation._id), options.certificates.ofDonation(donation._id)]);
    return {
      ...donationSummary(donation), companyName: donation.companyName ?? null, vat: donation.vat ?? null, phone: donation.phone ?? null, email: donation.email ?? null,
      address: donation.pickup ? `${donation.pickup.street}, ${donation.pickup.postcode}` : null, chargers: donation.chargers,
      devices: devices.map(deviceView), certificate: certificate ? { code: certificate.code, issuedAt: certificate.issuedAt } : null,
    };
  });

  app.post<RefParams & { Body: IntakeDeviceInput }>('/api/staff/donations/:reference/devices', route('Register a device received (type, brand, model, serial)', {
    params: refParams, body: body({ type: { type: 'string', enum: [...DEVICE_TYPES] }, brand: text(60), model: text(80), serial: text(60) }, ['type', 'brand', 'model', 'serial']),
  }), async (request, reply) => {
    const staff = staffOf(request);
    const device = await intake.addDevice(request.params.reference, request.body, staff, clock());
    await record(staff.id, 'donation.device_added', await intake.donation(request.params.reference));
    return reply.code(201).send(deviceView(device));
  });

  app.post<DeviceParams & { Body: { method: string } }>('/api/staff/donations/:reference/devices/:serial/wiped', route('Mark a device wiped with a configured method', {
    params: deviceParams, body: body({ method: text(40) }, ['method']),
  }), async (request) => {
    const staff = staffOf(request);
    const device = await intake.handle(request.params.reference, request.params.serial, { outcome: 'wiped', method: request.body.method }, staff, clock());
    await record(staff.id, 'donation.device_wiped', await intake.donation(request.params.reference), { method: request.body.method });
    return deviceView(device);
  });

  app.post<DeviceParams>('/api/staff/donations/:reference/devices/:serial/destroyed', route('Mark a device destroyed (its data carrier cannot be read any more)', {
    params: deviceParams,
  }), async (request) => {
    const staff = staffOf(request);
    const device = await intake.handle(request.params.reference, request.params.serial, { outcome: 'destroyed' }, staff, clock());
    await record(staff.id, 'donation.device_destroyed', await intake.donation(request.params.reference));
    return deviceView(device);
  });

  app.post<DeviceParams & { Body: { condition: DeviceCondition } }>('/api/staff/donations/:reference/devices/:serial/to-stock', route('Refurbished: add a wiped laptop to the loan inventory', {
    params: deviceParams, body: body({ condition: { type: 'string', enum: [...DEVICE_CONDITIONS] } }, ['condition']),
  }), async (request) => {
    const staff = staffOf(request);
    const device = await intake.toStock(request.params.reference, request.params.serial, request.body.condition, clock());
    await record(staff.id, 'donation.device_to_stock', await intake.donation(request.params.reference));
    return { ...deviceView(device), stockedAt: device.stockedAt };
  });

  app.post<RefParams>('/api/staff/donations/:reference/close', route('Close a donation once every device is wiped or destroyed', { params: refParams }), async (request) => {
    const staff = staffOf(request);
    const donation = await intake.close(request.params.reference, clock());
    await record(staff.id, 'donation.closed', donation);
    return donationSummary(donation);
  });

  app.get<RefParams>('/api/staff/donations/:reference/certificate.pdf', route('The certificate PDF of a donation', { params: refParams }), async (request, reply) => {
    const donation = await intake.donation(request.params.reference);
    const certificate = await options.certificates.ofDonation(donation._id);
    if (!certificate) return reply.code(404).send({ code: 'NOT_FOUND', message: 'no certificate yet' });
    await record(staffOf(request).id, 'donation.certificate_view', donation);
    return reply.type('application/pdf').send(await options.pdf(certificate));
  });
}
