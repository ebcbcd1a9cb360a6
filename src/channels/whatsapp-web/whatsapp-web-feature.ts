import { randomUUID } from 'node:crypto';
import type { Feature, FeatureDeps } from '../../features';
import { channelCore } from '../channel';
import { createRealClient } from './create-client';
import { addLinkPage } from './link-page';
import { LinkStatusStore } from './link-status';
import { WhatsAppWebOutbox } from './outbox';
import { PhoneLink, type PhoneLinkTimings } from './phone-link';
import { qrForTerminal } from './qr-code';
import { WhatsAppWebAdapter } from './whatsapp-web-adapter';
import type { WhatsAppWebClient } from './whatsapp-web-client';

/** What tests replace: the client (a fake), the timings, the terminal and the outbox poll. */
export interface WhatsAppWebOverrides {
  createClient?: () => WhatsAppWebClient;
  timings?: Partial<PhoneLinkTimings>;
  /** Where the QR code is printed; the terminal by default. */
  print?: (text: string) => void;
  outboxPollMs?: number;
}

const DEFAULT_TIMINGS: Omit<PhoneLinkTimings, 'initTimeoutMs'> = { retryFirstMs: 5_000, retryMaxMs: 5 * 60_000, leaseTtlMs: 60_000 };
const OUTBOX_POLL_MS = 3_000;

/**
 * The WhatsApp Web channel as a feature: on only with WHATSAPP_WEB_ENABLED=true. whatsapp-web.js is
 * an unofficial client that WhatsApp may block; the Cloud API channel is the supported path.
 */
export function createWhatsAppWebFeature(deps: FeatureDeps, overrides: WhatsAppWebOverrides = {}): Feature {
  const { config, logger } = deps;
  const log = logger.child({ component: 'whatsapp-web' });
  if (!config.WHATSAPP_WEB_ENABLED) {
    log.info({ channel: 'whatsapp-web', enabled: 0 }, 'channel WhatsApp Web is off (set WHATSAPP_WEB_ENABLED=true)');
    return { name: 'whatsapp-web' };
  }
  log.info({ channel: 'whatsapp-web', enabled: 1, auth: config.WHATSAPP_WEB_AUTH }, 'channel WhatsApp Web is on (unofficial client)');
  const status = new LinkStatusStore(deps.connection);
  const outbox = new WhatsAppWebOutbox(deps.connection);
  const print = overrides.print ?? ((text: string) => console.log(text));
  const createClient = overrides.createClient ?? (() => createRealClient({ chromiumPath: config.WHATSAPP_WEB_CHROMIUM, auth: config.WHATSAPP_WEB_AUTH, sessionDir: config.WHATSAPP_WEB_SESSION_DIR, connection: deps.connection }));
  const link: PhoneLink = new PhoneLink({
    createClient, leases: deps.leases, owner: randomUUID(), status, clock: deps.clock, log,
    timings: { initTimeoutMs: config.WHATSAPP_WEB_INIT_TIMEOUT_MS, ...DEFAULT_TIMINGS, ...overrides.timings },
    handlers: {
      qr: (qr) => print(`Scan this code with WhatsApp on the Digipunt phone (Linked devices):\n${qrForTerminal(qr)}`),
      ready: async (client) => {
        await adapter.answerUnread(client);
        await adapter.drain();
      },
      message: (client, message) => adapter.receive(client, message),
    },
  });
  const adapter: WhatsAppWebAdapter = new WhatsAppWebAdapter({ ...channelCore(deps, log), outbox, readyClient: () => link.readyClient() });
  deps.channels.add(adapter);
  addLinkPage(deps.dashboard, status);
  let poll: NodeJS.Timeout | undefined;
  return {
    name: 'whatsapp-web',
    start: async () => {
      await link.start();
      poll = setInterval(() => void adapter.drain(), overrides.outboxPollMs ?? OUTBOX_POLL_MS);
    },
    close: async () => {
      clearInterval(poll);
      await link.stop();
    },
  };
}

/** The factory the composition root lists in FEATURES. */
export const whatsappWebFeature = (deps: FeatureDeps): Feature => createWhatsAppWebFeature(deps);
