import type { Connection } from 'mongoose';
import { ChannelRegistry, type ChannelAdapter } from '../../src/channels/channel';
import { loadConfig } from '../../src/config';
import { MessageRenderer } from '../../src/core/dialog/renderer';
import { I18nextTranslator, readLocaleResources } from '../../src/core/i18n/translator';
import type { Logger } from '../../src/core/logger';
import type { ConversationAddress, OutgoingMessage } from '../../src/core/messages';
import { ApplicationDecisions } from '../../src/domain/loans/applications/decisions';
import { ApplicationStore, type Application, type ApplicationInput } from '../../src/domain/loans/applications/application-store';
import { DeviceStore, type DeviceInput } from '../../src/domain/loans/inventory/device-store';
import { Lending } from '../../src/domain/loans/lending/lending';
import { LoanStore } from '../../src/domain/loans/lending/loan-store';
import { loadLoansContent, type LoansContent } from '../../src/domain/loans/loans-content';
import { ResidentNotifier } from '../../src/domain/loans/notifier';
import { TrainingPlaces } from '../../src/domain/loans/training/training-places';
import { TransitionLog } from '../../src/domain/loans/transitions';
import { ClaimStore } from '../../src/storage/claims';
import { createModelIndexes, createStoreConnection } from '../../src/storage/connection';

/** What a channel was asked to send, per conversation. */
export interface Sent {
  address: ConversationAddress;
  messages: OutgoingMessage[];
}

/** A channel adapter that records proactive messages (the channel port is ours to fake; the database never is). */
export class RecordingChannel implements ChannelAdapter {
  readonly sent: Sent[] = [];
  constructor(readonly channel = 'test') {}
  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    this.sent.push({ address, messages });
  }
}

const config = loadConfig({});
const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, child: () => silent };

/** The shared renderer of the loan tests, with the real texts. */
export const renderer = new MessageRenderer(translator, () => ({ digipunt_phone: '053 00 00 00', digipunt_address: 'Digipunt Aalst' }));

/** The loans domain on its own connection, wired as the feature wires it, with a recording channel. */
export interface LoansHarness {
  connection: Connection;
  content: LoansContent;
  log: TransitionLog;
  applications: ApplicationStore;
  devices: DeviceStore;
  loans: LoanStore;
  claims: ClaimStore;
  training: TrainingPlaces;
  decisions: ApplicationDecisions;
  lending: Lending;
  notifier: ResidentNotifier;
  channel: RecordingChannel;
}

/** Opens a connection to `uri`, creates the indexes (as start-up does) and builds the domain. */
export async function openLoans(uri: string): Promise<LoansHarness> {
  const connection = createStoreConnection(uri);
  const content = loadLoansContent(config.paths.content, (key) => translator.has('nl', key));
  const log = new TransitionLog(connection);
  const applications = new ApplicationStore(connection, log);
  const devices = new DeviceStore(connection, log);
  const loans = new LoanStore(connection, log);
  const claims = new ClaimStore(connection);
  const training = new TrainingPlaces(claims, content.sessions);
  const channel = new RecordingChannel();
  const notifier = new ResidentNotifier(new ChannelRegistry().add(channel), renderer, silent);
  const decisions = new ApplicationDecisions({ applications, devices, loans, training, notifier, rejectionReasons: content.settings.rejectionReasons });
  await connection.asPromise();
  await createModelIndexes(connection);
  return { connection, content, log, applications, devices, loans, claims, training, decisions, lending: new Lending(loans, devices, 2), notifier, channel };
}

let counter = 0;

/** A complete application as the dialog would store it, on the recording channel. */
export function applicationInput(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  counter += 1;
  return {
    name: `Resident ${counter}`, street: 'Kerkstraat 1', postcode: '9300', phone: `+3247000${String(counter).padStart(4, '0')}`, email: null,
    preferredLanguage: 'nl', device: 'laptop', training: null,
    address: { channel: 'test', conversationId: `c${counter}`, userId: `u${counter}` }, language: 'nl', ...overrides,
  };
}

/** Stores an application with a reference of its own. */
export async function submit(harness: LoansHarness, at: Date, overrides: Partial<ApplicationInput> = {}): Promise<Application> {
  counter += 1;
  return harness.applications.create(applicationInput(overrides), `DA-2026-${String(counter).padStart(6, '0')}`, at);
}

/** A device for the register. */
export function device(serial: string, overrides: Partial<DeviceInput> = {}): DeviceInput {
  return { serial, model: 'Lenovo T480', type: 'laptop', condition: 'good', status: 'in_stock', ...overrides };
}
