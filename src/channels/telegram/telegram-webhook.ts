import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'telegraf/types';
import { AppError } from '../../core/errors';
import { TELEGRAM_WEBHOOK_PATH } from './telegram-options';

/** What the webhook route needs: the secret setWebhook registered, and where updates go. */
export interface TelegramWebhookOptions {
  secret: string;
  handleUpdate(update: Update): Promise<void>;
}

/** True when the header carries the secret; compared in constant time. */
export function secretMatches(header: unknown, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

const updateBody = { type: 'object', required: ['update_id'], properties: { update_id: { type: 'integer' } } } as const;

/**
 * Telegram's webhook: the X-Telegram-Bot-Api-Secret-Token header must carry our secret (else 401 and
 * nothing is processed). It answers once the turn's replies are sent; a retried update is a duplicate.
 */
export async function telegramWebhookRoutes(app: FastifyInstance, options: TelegramWebhookOptions): Promise<void> {
  app.post<{ Body: Update }>(TELEGRAM_WEBHOOK_PATH, {
    schema: { tags: ['channels'], summary: 'Telegram Bot API webhook (secret_token in X-Telegram-Bot-Api-Secret-Token)', body: updateBody },
    preValidation: async (request) => {
      if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], options.secret)) throw new AppError('UNAUTHORIZED', 'wrong Telegram secret token');
    },
  }, async (request) => {
    await options.handleUpdate(request.body);
    return { ok: true };
  });
}
