import type { ConversationAddress } from '../../src/core/messages';
import type { App } from '../../src/main';

/** What a resident sees of one message on a channel: its text and the choices as the channel shows them. */
export interface SeenMessage {
  text: string;
  choices: string[];
}

/**
 * One channel adapter wrapped for the contract: the harness speaks the channel's own protocol
 * (HTTP for the web chat, lines for the console, a fake platform server for the others).
 */
export interface ChannelHarness {
  app: App;
  /** The resident's first contact; returns what they see. */
  start(): Promise<SeenMessage[]>;
  /** The resident types text; `messageId` is the platform's id for that delivery. */
  say(text: string, messageId: string): Promise<SeenMessage[]>;
  /** The resident taps the n-th choice (0-based) of the last message, the channel's way (button, keyboard, number). */
  tap(index: number): Promise<SeenMessage[]>;
  /** The platform delivers the message with this id again (a webhook retry). */
  redeliver(text: string, messageId: string): Promise<SeenMessage[]>;
  /** Messages the resident received outside a turn since the last call (proactive sends). */
  proactive(): Promise<SeenMessage[]>;
  close(): Promise<void>;
}

/** The contract every channel adapter passes: greeting, choices by number and by button, proactive send, duplicates. */
export function describeChannelContract(name: string, makeHarness: () => Promise<ChannelHarness>): void {
  describe(`channel contract: ${name}`, () => {
    let harness: ChannelHarness;

    beforeEach(async () => {
      harness = await makeHarness();
    });

    afterEach(async () => {
      await harness.close();
    });

    const texts = (seen: SeenMessage[]): string => seen.map((m) => m.text).join('\n');
    const t = (key: string, values?: Record<string, string | number>): string => harness.app.renderer.text('nl', key, values);

    test('the first contact greets, says it is a computer and shows the menu choices', async () => {
      const seen = await harness.start();
      expect(texts(seen)).toContain(t('welcome.assistant_notice'));
      expect(seen[seen.length - 1]?.choices.length).toBe(5);
    });

    test('a choice is answered by its number and by a button', async () => {
      await harness.start();
      const byNumber = await harness.say('3', 'contract-1');
      expect(texts(byNumber)).toContain(t('faq.prompt'));
      const byButton = await harness.tap(0);
      expect(texts(byButton)).toContain(t('faq.answer.hours', { digipunt_hours: '' }).split('\n')[0]);
    });

    test('a proactive message reaches the resident', async () => {
      await harness.start();
      await harness.say('hallo', 'contract-2');
      expect(await harness.proactive()).toEqual([]);
      await harness.app.channels.send(harnessAddress(harness), [harness.app.renderer.message('nl', ['common.thanks_reply'])]);
      const seen = await waitFor(() => harness.proactive());
      expect(texts(seen)).toContain(t('common.thanks_reply'));
    });

    test('a message delivered twice is handled once', async () => {
      await harness.start();
      const first = await harness.say('3', 'contract-dup');
      const second = await harness.redeliver('3', 'contract-dup');
      expect(texts(first)).toContain(t('faq.prompt'));
      expect(second.filter((m) => !first.some((f) => f.text === m.text))).toEqual([]);
      const next = await harness.say('1', 'contract-3');
      expect(texts(next)).toContain(t('faq.answer.hours', { digipunt_hours: '' }).split('\n')[0]);
    });
  });
}

const addresses = new WeakMap<ChannelHarness, ConversationAddress>();

/** Harnesses register the address of their resident so the contract can send proactively to it. */
export function registerAddress(harness: ChannelHarness, address: ConversationAddress): void {
  addresses.set(harness, address);
}

function harnessAddress(harness: ChannelHarness): ConversationAddress {
  const address = addresses.get(harness);
  if (!address) throw new Error('the harness did not register its address');
  return address;
}

/** Polls until the function returns a non-empty list (proactive messages travel asynchronously). */
export async function waitFor<T>(fn: () => Promise<T[]>, timeoutMs = 5000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value.length > 0 || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
