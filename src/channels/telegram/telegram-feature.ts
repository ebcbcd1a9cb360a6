import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Feature, FeatureDeps } from '../../features';
import { channelCore } from '../channel';
import { TelegramChannel } from './telegram-channel';
import { telegramOptions, type TelegramOptions } from './telegram-options';
import { TelegramSender, type TelegramSendOptions } from './telegram-sender';
import { telegramWebhookRoutes } from './telegram-webhook';
import { TELEGRAM_CHANNEL } from './to-incoming';

/** Only these updates are asked for: what the channel answers, nothing it would have to drop. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Tests shorten the flood-control waits; everything else comes from the configuration. */
export interface TelegramFeatureOverrides {
  send?: TelegramSendOptions;
}

/** Residents on Telegram (telegraf): webhook with a secret token in production, long polling for development. */
export function telegramFeature(deps: FeatureDeps, overrides: TelegramFeatureOverrides = {}): Feature {
  const options = telegramOptions(deps.config);
  const log = deps.logger.child({ channel: TELEGRAM_CHANNEL });
  if (!options) {
    log.info({}, 'Telegram channel off (TELEGRAM_BOT_TOKEN is not set)');
    return { name: TELEGRAM_CHANNEL };
  }
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, webhookReply: false } });
  const channel = new TelegramChannel({ ...channelCore(deps, log), sender: new TelegramSender(bot.telegram, overrides.send) });
  deps.channels.add(channel);
  bot.use((ctx) => channel.handleUpdate(ctx.update, (id) => ctx.telegram.answerCbQuery(id)));
  // One boundary for every failure of an update: logged by name, never with the message text.
  bot.catch((error) => log.error({ error: error instanceof Error ? error.name : typeof error }, 'telegram update failed'));
  log.info({ mode: options.mode }, 'Telegram channel on');
  const handleUpdate = (update: Update): Promise<void> => bot.handleUpdate(update);
  return options.mode === 'webhook' ? webhookFeature(bot, options, handleUpdate) : pollingFeature(bot, log);
}

function webhookFeature(bot: Telegraf, options: Extract<TelegramOptions, { mode: 'webhook' }>, handleUpdate: (update: Update) => Promise<void>): Feature {
  return {
    name: TELEGRAM_CHANNEL,
    registerRoutes: (app) => telegramWebhookRoutes(app, { secret: options.secret, handleUpdate }),
    start: async () => {
      // getMe fails at once on a wrong token, so a bad configuration stops start-up instead of going quiet.
      bot.botInfo = await bot.telegram.getMe();
      await bot.telegram.setWebhook(options.webhookUrl, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES] });
    },
  };
}

function pollingFeature(bot: Telegraf, log: FeatureDeps['logger']): Feature {
  let polling: Promise<void> | undefined;
  return {
    name: TELEGRAM_CHANNEL,
    start: async () => {
      bot.botInfo = await bot.telegram.getMe();
      // launch() resolves only when polling stops; it removes a webhook first, as getUpdates requires.
      polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
        log.error({ error: error instanceof Error ? error.name : typeof error }, 'Telegram polling stopped');
      });
    },
    close: async () => {
      if (!polling) return;
      // stop() throws when polling already ended on its own (a 409 from a second poller); that end was logged.
      try {
        bot.stop('shutdown');
      } catch {
        // already stopped
      }
      await polling;
    },
  };
}
