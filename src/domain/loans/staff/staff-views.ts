import type { Application } from '../applications/application-store';
import type { Device } from '../inventory/device-store';
import type { Loan } from '../lending/loan-store';
import type { Transition } from '../transitions';

/** An application as staff see it: contact details for the desk, never more than the resident gave. */
export function applicationView(a: Application): Record<string, unknown> {
  return {
    id: a._id, reference: a.reference, status: a.status, name: a.name, street: a.street, postcode: a.postcode, phone: a.phone, email: a.email,
    preferredLanguage: a.preferredLanguage, device: a.device, training: a.training, channel: a.address.channel, language: a.language,
    submittedAt: a.submittedAt, decidedAt: a.decidedAt, rejectionReason: a.rejectionReason, deviceId: a.deviceId, erased: a.erasedAt !== null,
  };
}

/** A device of the register. */
export function deviceView(d: Device): Record<string, unknown> {
  return { id: d._id, serial: d.serial, model: d.model, type: d.type, condition: d.condition, status: d.status, applicationId: d.applicationId, registeredAt: d.registeredAt };
}

/** A loan without the chat address (staff reach the resident through the application). */
export function loanView(l: Loan): Record<string, unknown> {
  return {
    id: l._id, applicationId: l.applicationId, reference: l.reference, deviceId: l.deviceId, status: l.status,
    reservedAt: l.reservedAt, handedOutAt: l.handedOutAt, dueAt: l.dueAt, returnedAt: l.returnedAt, remindersSent: l.remindersSent,
  };
}

/** One step of the audit trail of an application, a device or a loan. */
export function transitionView(t: Transition): Record<string, unknown> {
  return { version: t.version, from: t.from, to: t.to, who: t.who, at: t.at, note: t.note };
}

/** Paging limits of the staff lists. */
export const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  skip: { type: 'integer', minimum: 0, default: 0 },
} as const;
