import { setTimeout as sleep } from 'node:timers/promises';
import { TelegramError, type Telegram } from 'telegraf';
import type { OutgoingMessage } from '../../core/messages';
import { toTelegram, type TelegramPayload } from './to-telegram';

/** How the sender waits out Telegram's flood control (429 with retry_after); tests shorten it. */
export interface TelegramSendOptions {
  maxAttempts: number;
  /** Upper bound of one wait, whatever retry_after says, so a turn never hangs for minutes. */
  maxWaitMs: number;
}

/** Sends rendered messages to one chat in order, the only place that calls sendMessage. */
export class TelegramSender {
  constructor(
    private readonly telegram: Telegram,
    private readonly options: TelegramSendOptions = { maxAttempts: 3, maxWaitMs: 30_000 },
  ) {}

  /** Sends each message after the previous one arrived, so the resident reads them in order. */
  async send(chatId: string, messages: OutgoingMessage[]): Promise<void> {
    for (const message of messages) await this.sendOne(chatId, toTelegram(message));
  }

  /** Sends a payload built by the channel itself (the language picker). */
  async sendOne(chatId: string, payload: TelegramPayload): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.telegram.sendMessage(chatId, payload.text, {
          link_preview_options: { is_disabled: true },
          ...(payload.keyboard ? { reply_markup: payload.keyboard } : {}),
        });
        return;
      } catch (error) {
        const waitSeconds = error instanceof TelegramError && error.code === 429 ? error.parameters?.retry_after ?? 1 : undefined;
        if (waitSeconds === undefined || attempt >= this.options.maxAttempts) throw error;
        await sleep(Math.min(waitSeconds * 1000, this.options.maxWaitMs));
      }
    }
  }
}
