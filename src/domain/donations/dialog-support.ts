import type { ActionContext } from '../../core/dialog/actions';
import type { MessageRenderer } from '../../core/dialog/renderer';
import type { Language } from '../../core/languages';
import type { Answer } from '../../core/state';
import type { DonationBooking } from './booking';
import type { DeviceType, DonationContent } from './donation-content';
import type { DonationDoc } from './donation-model';
import type { DonationStore } from './donation-store';
import { formatDay, intlLocale } from './slot-text';
import type { SlotReservations } from './slot-reservations';

/** What the donation dialog actions work with; built once by the feature. */
export interface DonationDialogDeps {
  content: DonationContent;
  renderer: MessageRenderer;
  store: DonationStore;
  booking: DonationBooking;
  reservations: SlotReservations;
}

/** A saved answer as text, or undefined when it was skipped or never asked. */
export function text(answers: Record<string, Answer>, name: string): string | undefined {
  const value = answers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A saved answer as a number, 0 when missing. */
export function count(answers: Record<string, Answer>, name: string): number {
  const value = answers[name];
  return typeof value === 'number' ? value : 0;
}

/** The answer name under which the number of devices of a type is kept. */
export const countField = (type: DeviceType): string => `count_${type}`;

/** The accepted device types, in the order staff configured them. */
export function acceptedTypes(content: DonationContent): DeviceType[] {
  return content.rules.deviceTypes.filter((t) => t.accepted).map((t) => t.id);
}

/** The counts of accepted devices the donor gave, leaving out zeros. */
export function countsOf(content: DonationContent, answers: Record<string, Answer>): DonationDoc['counts'] {
  return acceptedTypes(content).map((type) => ({ type, count: count(answers, countField(type)) })).filter((c) => c.count > 0);
}

/** "30 laptops and 2 tablets" in the resident's language. */
export function describeCounts(renderer: MessageRenderer, language: Language, counts: DonationDoc['counts']): string {
  const parts = counts.map((c) => renderer.text(language, `donation.count.${c.type}`, { count: c.count }));
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(parts);
}

/** "laptops and tablets": a list of type names in the resident's language. */
export function describeTypes(renderer: MessageRenderer, language: Language, types: DeviceType[]): string {
  const names = types.map((type) => renderer.text(language, `donation.types.${type}`));
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(names);
}

/** The values the booking texts use: reference, day, window and address. */
export function bookingValues(language: Language, donation: DonationDoc): Record<string, string> {
  const pickup = donation.pickup;
  return {
    reference: donation.reference,
    ...(pickup ? { day: formatDay(language, pickup.date), from: pickup.from, to: pickup.to, street: pickup.street, postcode: pickup.postcode } : {}),
  };
}

/** The donor's conversation, stored on the donation for reminders and the certificate. */
export function contactOf(context: ActionContext): DonationDoc['contact'] {
  return { ...context.address, language: context.language };
}
