import type { Update } from 'telegraf/types';
import type { Language } from '../../core/languages';
import type { ConversationAddress, IncomingMessage, OutgoingMessage } from '../../core/messages';
import type { ChannelAdapter, ChannelCore } from '../channel';
import { withMediaNote } from '../media-note';
import type { TelegramSender } from './telegram-sender';
import { TELEGRAM_CHANNEL, toIncoming, type TelegramInbound } from './to-incoming';
import { languageKeyboard } from './to-telegram';

/** What the Telegram channel needs from the composition root. */
export interface TelegramChannelOptions extends ChannelCore {
  sender: TelegramSender;
}

/** Answers a callback query so the resident's app stops its spinner; Telegram needs it within seconds. */
export type CallbackAnswerer = (callbackQueryId: string) => Promise<unknown>;

/** The Telegram side of the channel port: updates in (webhook or polling alike), messages out. */
export class TelegramChannel implements ChannelAdapter {
  readonly channel = TELEGRAM_CHANNEL;

  constructor(private readonly options: TelegramChannelOptions) {}

  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    await this.options.sender.send(address.conversationId, messages);
  }

  /** Handles one update: the turn is queued first (arrival order), then a tapped button is answered. */
  async handleUpdate(update: Update, answerCallback: CallbackAnswerer): Promise<void> {
    const inbound = toIncoming(update, this.options.clock());
    const work = this.dispatch(inbound);
    const answered = inbound.callbackQueryId ? answerCallback(inbound.callbackQueryId) : undefined;
    await Promise.all([work, answered?.catch((error: unknown) => this.logFailure('answer callback', error))]);
  }

  private async dispatch(inbound: TelegramInbound): Promise<void> {
    if (inbound.kind === 'turn') await this.turn(inbound.incoming);
    if (inbound.kind === 'pick-language') await this.pickLanguage(inbound.chatId, inbound.userLanguage ?? this.options.defaultLanguage);
  }

  private async turn(incoming: IncomingMessage): Promise<void> {
    const result = await this.options.turns.handle(incoming);
    // A redelivered update was answered the first time; sending again would repeat the replies.
    if (result.duplicate) return;
    const { renderer, defaultLanguage } = this.options;
    const replies = incoming.hasMedia ? withMediaNote(renderer, result.replies, defaultLanguage) : result.replies;
    await this.options.sender.send(incoming.address.conversationId, replies);
  }

  /** /lang without a language: the six languages as buttons, the prompt in the language the app reports. */
  private async pickLanguage(chatId: string, language: Language): Promise<void> {
    const { renderer } = this.options;
    const keyboard = languageKeyboard((code) => renderer.text(code, `language.name.${code}`));
    await this.options.sender.sendOne(chatId, { text: renderer.text(language, 'channel.choose_language'), keyboard });
  }

  private logFailure(what: string, error: unknown): void {
    this.options.logger.warn({ channel: TELEGRAM_CHANNEL, what, error: error instanceof Error ? error.name : typeof error }, 'telegram call failed');
  }
}
