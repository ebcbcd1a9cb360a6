import type { Config } from '../../config';
import { AppError } from '../../core/errors';

/** The Telegram channel's settings, checked together (the config schema checks each variable alone). */
export type TelegramOptions =
  | { mode: 'webhook'; token: string; apiRoot: string; secret: string; webhookUrl: string }
  | { mode: 'polling'; token: string; apiRoot: string };

/** The path Telegram posts updates to; registered with setWebhook at start. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** Reads the Telegram settings; undefined when the channel is off, a start-up error when half set. */
export function telegramOptions(config: Config): TelegramOptions | undefined {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const apiRoot = config.TELEGRAM_API_ROOT;
  if (config.TELEGRAM_MODE === 'polling') return { mode: 'polling', token, apiRoot };
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (!secret) throw new AppError('CONFIG_INVALID', 'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook');
  if (!config.PUBLIC_URL) throw new AppError('CONFIG_INVALID', 'PUBLIC_URL: required when TELEGRAM_MODE=webhook (Telegram posts to it)');
  return { mode: 'webhook', token, apiRoot, secret, webhookUrl: new URL(TELEGRAM_WEBHOOK_PATH, config.PUBLIC_URL).toString() };
}
