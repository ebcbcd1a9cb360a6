import { WhatsAppWebAdapter } from '../../../src/channels/whatsapp-web/whatsapp-web-adapter';
import { createWhatsAppWebFeature, whatsappWebFeature, type WhatsAppWebOverrides } from '../../../src/channels/whatsapp-web/whatsapp-web-feature';
import type { FeatureFactory } from '../../../src/features';
import { FEATURES } from '../../../src/main';
import type { SeenMessage } from '../../contract/channel-contract';
import { FakeWhatsAppNetwork } from '../../fakes/whatsapp-web-fake';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/app';

/** A Belgian resident's chat id as whatsapp-web.js spells it. */
export const RESIDENT = '32470123456@c.us';

/** Short timings, so a hanging start, a retry and a lease take milliseconds. */
export const FAST = { initTimeoutMs: 300, retryFirstMs: 50, retryMaxMs: 400, leaseTtlMs: 3000 };

/** Reads WhatsApp text back into a message: numbered lines ("1. label") are the choices. */
export function seenOf(text: string): SeenMessage {
  const lines = text.split('\n');
  const choice = /^\d+\. /;
  return { text: lines.filter((l) => !choice.test(l)).join('\n').trim(), choices: lines.filter((l) => choice.test(l)).map((l) => l.replace(choice, '')) };
}

/** Waits for macrotasks: the fake answers at once, so pending sends finish within a turn of the event loop. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** Polls until the check holds (the link and the outbox work asynchronously). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Keeps the adapter's work on each inbound message (its turn, then the sends of its replies) in `pending`
 * until it has settled. The client's 'message' listener starts that work without returning it, so this is
 * the one place to see when an emitted message has been handled.
 */
function trackReceives(adapter: WhatsAppWebAdapter, pending: Set<Promise<void>>): void {
  const receive = adapter.receive.bind(adapter);
  adapter.receive = (client, message) => {
    const work = receive(client, message);
    const settled = work.then(() => undefined, () => undefined);
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
    return work;
  };
}

/** The real app (every feature of `npm start`) with the WhatsApp Web channel on a fake client. */
export class WhatsAppWebBed {
  /** `printed` is what the app printed to the terminal (the QR codes). */
  private constructor(
    readonly server: TestApp,
    readonly network: FakeWhatsAppNetwork,
    readonly printed: string[],
    private readonly receiving: Set<Promise<void>>,
  ) {}

  /**
   * Builds and starts the app; `uri` shares a database with another bed (a restart, a second process).
   * Without a network of the test's own, the phone is linked already and the bed waits until it is ready.
   */
  static async start(given?: FakeWhatsAppNetwork, options: TestAppOptions & { overrides?: WhatsAppWebOverrides } = {}): Promise<WhatsAppWebBed> {
    const network = given ?? new FakeWhatsAppNetwork();
    if (!given) network.linked = true;
    const printed: string[] = [];
    const receiving = new Set<Promise<void>>();
    const feature: FeatureFactory = (deps) => {
      const made = createWhatsAppWebFeature(deps, { createClient: network.createClient, timings: FAST, print: (text) => printed.push(text), outboxPollMs: 100, ...options.overrides });
      const adapter = deps.channels.all().find((a): a is WhatsAppWebAdapter => a instanceof WhatsAppWebAdapter);
      if (adapter) trackReceives(adapter, receiving);
      return made;
    };
    const server = await startTestApp({
      prefix: 'whatsapp_web', ...options,
      env: { WHATSAPP_WEB_ENABLED: 'true', ...options.env },
      features: [...FEATURES.filter((f) => f !== whatsappWebFeature), feature],
    });
    await server.app.start();
    if (!given) await until(() => network.readyClient() !== undefined);
    return new WhatsAppWebBed(server, network, printed, receiving);
  }

  /**
   * Resolves once the app has handled every message the client emitted so far (and every unread one the
   * adapter has begun to read after linking): each turn has ended and its replies were handed to the client.
   * No sleeping: the fake emits synchronously, so a message sent before this call is already being handled.
   */
  async handled(): Promise<void> {
    while (this.receiving.size > 0) await Promise.all([...this.receiving]);
  }

  /** The resident sends text and waits until its turn's replies went out; returns what they received. */
  async say(text: string, options: { id?: string; hasMedia?: boolean; chatId?: string } = {}): Promise<SeenMessage[]> {
    const chatId = options.chatId ?? RESIDENT;
    this.network.residentSends(chatId, text, options);
    await this.server.app.turns.drain();
    await settle();
    return this.network.takeDelivered(chatId).map(seenOf);
  }

  async close(options?: { keepDatabase?: boolean }): Promise<void> {
    await this.server.close(options);
  }
}
