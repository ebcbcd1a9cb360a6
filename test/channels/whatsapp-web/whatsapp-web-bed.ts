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

/** The real app (every feature of `npm start`) with the WhatsApp Web channel on a fake client. */
export class WhatsAppWebBed {
  /** `printed` is what the app printed to the terminal (the QR codes). */
  private constructor(readonly server: TestApp, readonly network: FakeWhatsAppNetwork, readonly printed: string[]) {}

  /**
   * Builds and starts the app; `uri` shares a database with another bed (a restart, a second process).
   * Without a network of the test's own, the phone is linked already and the bed waits until it is ready.
   */
  static async start(given?: FakeWhatsAppNetwork, options: TestAppOptions & { overrides?: WhatsAppWebOverrides } = {}): Promise<WhatsAppWebBed> {
    const network = given ?? new FakeWhatsAppNetwork();
    if (!given) network.linked = true;
    const printed: string[] = [];
    const feature: FeatureFactory = (deps) =>
      createWhatsAppWebFeature(deps, { createClient: network.createClient, timings: FAST, print: (text) => printed.push(text), outboxPollMs: 100, ...options.overrides });
    const server = await startTestApp({
      prefix: 'whatsapp_web', ...options,
      env: { WHATSAPP_WEB_ENABLED: 'true', ...options.env },
      features: [...FEATURES.filter((f) => f !== whatsappWebFeature), feature],
    });
    await server.app.start();
    if (!given) await until(() => network.readyClient() !== undefined);
    return new WhatsAppWebBed(server, network, printed);
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
