import type { Update } from 'telegraf/types';
import type { SeenMessage } from '../../contract/channel-contract';
import { FakeTelegramApi, type SentTelegramMessage } from '../../fakes/telegram-bot-api';
import type { TelegramResident } from '../../fakes/telegram-updates';
import { telegramFeature } from '../../../src/channels/telegram/telegram-feature';
import { FEATURES } from '../../../src/main';
import { startTestApp, type TestApp, type TestAppOptions } from '../../support/app';

/** The bot token the fake accepts; any other gets 401 as from Telegram. */
export const BOT_TOKEN = '123456789:TEST-digipunt-token';
/** The secret_token the app registers and Telegram sends back in a header. */
export const WEBHOOK_SECRET = 'test-secret-0123456789abcdef';

/** What a resident sees of a sent message: the text and the keyboard's button labels. */
export function seenOf(message: SentTelegramMessage): SeenMessage {
  return { text: message.text, choices: (message.keyboard?.inline_keyboard ?? []).flat().map((b) => b.text) };
}

/** The real app with the Telegram channel on, against the fake Bot API, in either mode. */
export class TelegramBed {
  private readonly read = new Map<number, number>();
  private updateId = 5000;

  private constructor(readonly server: TestApp, readonly fake: FakeTelegramApi, readonly mode: 'webhook' | 'polling') {}

  /** Starts the fake, then the app (configured through its environment like `npm start`), then app.start(). */
  static async start(mode: 'webhook' | 'polling', options: TestAppOptions = {}): Promise<TelegramBed> {
    const fake = await FakeTelegramApi.start(BOT_TOKEN);
    const env = {
      TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_MODE: mode, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: fake.url, PUBLIC_URL: 'https://assistant.example.test', ...options.env,
    };
    let server: TestApp | undefined;
    try {
      // Flood-control waits shortened: a 429 test must not sleep for Telegram's real retry_after.
      const features = FEATURES.map((make) => (make === telegramFeature ? (deps: Parameters<typeof make>[0]) => telegramFeature(deps, { send: { maxAttempts: 3, maxWaitMs: 20 } }) : make));
      server = await startTestApp({ prefix: `telegram_${mode}`, features, ...options, env });
      await server.app.start();
      // Polling starts in the background: wait for its first getUpdates so tests see a running bot.
      if (mode === 'polling') await fake.waitForCall('getUpdates');
      return new TelegramBed(server, fake, mode);
    } catch (error) {
      await server?.close();
      await fake.close();
      throw error;
    }
  }

  /** A fresh update id, increasing as Telegram's are. */
  nextUpdateId(): number {
    return (this.updateId += 1);
  }

  /** Delivers an update the mode's way; resolves when the app has handled it. Returns the webhook's status. */
  async deliver(update: Update, secret: string | null = WEBHOOK_SECRET): Promise<number> {
    if (this.mode === 'polling') {
      this.fake.queueUpdate(update);
      await this.fake.waitUntilConfirmed(update);
      return 200;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) };
    const response = await fetch(`${this.server.url}/webhooks/telegram`, { method: 'POST', headers, body: JSON.stringify(update) });
    return response.status;
  }

  /** Messages sent to the resident since the last call. */
  take(resident: TelegramResident): SeenMessage[] {
    const all = this.fake.sentTo(resident.id);
    const fresh = all.slice(this.read.get(resident.id) ?? 0);
    this.read.set(resident.id, all.length);
    return fresh.map(seenOf);
  }

  /** The callback data of the n-th button of the last keyboard the resident got. */
  buttonData(resident: TelegramResident, index: number): string {
    const withKeyboard = this.fake.sentTo(resident.id).filter((m) => m.keyboard);
    const button = withKeyboard[withKeyboard.length - 1]?.keyboard?.inline_keyboard.flat()[index];
    if (!button || !('callback_data' in button)) throw new Error(`no button ${index} to tap`);
    return button.callback_data;
  }

  /** The callback data of the button for this choice id in the last keyboard the resident got. */
  choiceData(resident: TelegramResident, choiceId: string): string {
    const withKeyboard = this.fake.sentTo(resident.id).filter((m) => m.keyboard);
    const buttons = withKeyboard[withKeyboard.length - 1]?.keyboard?.inline_keyboard.flat() ?? [];
    const data = buttons.map((b) => ('callback_data' in b ? b.callback_data : '')).find((d) => d === `c:${choiceId}`);
    if (!data) throw new Error(`no button for "${choiceId}" in the last keyboard`);
    return data;
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.fake.close();
  }
}
