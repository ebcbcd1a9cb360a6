import type { Update } from 'telegraf/types';
import { isLanguage, type Language } from '../../core/languages';
import type { IncomingMessage } from '../../core/messages';
import { decodeCallbackData } from './callback-data';

/** The Telegram channel's name on addresses, keys and metrics. */
export const TELEGRAM_CHANNEL = 'telegram';

/** What one Telegram update asks of the channel: a turn of the core, a language picker, or nothing. */
export type TelegramInbound =
  | { kind: 'turn'; incoming: IncomingMessage; callbackQueryId?: string }
  | { kind: 'pick-language'; chatId: string; userLanguage?: Language; callbackQueryId?: string }
  | { kind: 'ignore'; callbackQueryId?: string };

type Message = NonNullable<Extract<Update, { message: unknown }>['message']>;

const MEDIA_FIELDS = ['photo', 'document', 'video', 'voice', 'audio', 'video_note', 'sticker', 'animation', 'location', 'venue', 'poll'] as const;

/** Translates a Telegram update into the core's terms; only private chats with a person are answered. */
export function toIncoming(update: Update, receivedAt: Date): TelegramInbound {
  if ('message' in update) return fromMessage(update.update_id, update.message, receivedAt);
  if ('callback_query' in update) return fromCallback(update, receivedAt);
  return { kind: 'ignore' };
}

function fromMessage(updateId: number, message: Message, receivedAt: Date): TelegramInbound {
  if (message.chat.type !== 'private' || !message.from || message.from.is_bot) return { kind: 'ignore' };
  const chatId = String(message.chat.id);
  const base = {
    address: { channel: TELEGRAM_CHANNEL, conversationId: chatId, userId: String(message.from.id) },
    // Telegram chooses a random next update_id after a quiet week: the message id keeps old and new apart.
    messageId: `${updateId}:${message.message_id}`,
    receivedAt,
  };
  const command = 'text' in message ? parseCommand(message.text) : undefined;
  if (command?.name === 'start') return { kind: 'turn', incoming: { ...base, ...hint(command.argument) } };
  if (command?.name === 'lang') {
    const language = languageOf(command.argument);
    if (language) return { kind: 'turn', incoming: { ...base, languageHint: language } };
    return { kind: 'pick-language', chatId, userLanguage: languageOf(message.from.language_code) };
  }
  if ('text' in message) return { kind: 'turn', incoming: { ...base, text: message.text } };
  if ('contact' in message && message.contact.user_id === message.from.id) {
    // The resident shared their own number (the "share contact" button): it answers a phone question.
    return { kind: 'turn', incoming: { ...base, text: message.contact.phone_number, contact: { phone: message.contact.phone_number } } };
  }
  const caption = 'caption' in message && typeof message.caption === 'string' ? message.caption : undefined;
  const hasMedia = MEDIA_FIELDS.some((field) => field in message) || 'contact' in message;
  if (!hasMedia) return { kind: 'ignore' };
  return { kind: 'turn', incoming: { ...base, hasMedia: true, ...(caption ? { text: caption } : {}) } };
}

function fromCallback(update: Extract<Update, { callback_query: unknown }>, receivedAt: Date): TelegramInbound {
  const query = update.callback_query;
  const callbackQueryId = query.id;
  const message = query.message;
  if (!message || message.chat.type !== 'private' || !('data' in query)) return { kind: 'ignore', callbackQueryId };
  const base = {
    address: { channel: TELEGRAM_CHANNEL, conversationId: String(message.chat.id), userId: String(query.from.id) },
    messageId: `${update.update_id}:cb:${callbackQueryId}`,
    receivedAt,
  };
  const tapped = decodeCallbackData(query.data);
  if (!tapped) return { kind: 'ignore', callbackQueryId };
  if (tapped.kind === 'language') return { kind: 'turn', callbackQueryId, incoming: { ...base, languageHint: tapped.language } };
  if (tapped.kind === 'number') return { kind: 'turn', callbackQueryId, incoming: { ...base, text: String(tapped.number) } };
  return { kind: 'turn', callbackQueryId, incoming: { ...base, choiceId: tapped.id } };
}

/** "/start fr" and "/lang@DigipuntBot uk": the command name and its argument. */
function parseCommand(text: string): { name: string; argument: string } | undefined {
  const match = /^\/([a-z]+)(?:@\w+)?(?:\s+(.*))?$/is.exec(text.trim());
  return match ? { name: (match[1] ?? '').toLowerCase(), argument: (match[2] ?? '').trim() } : undefined;
}

/** A start parameter, a /lang argument or a Telegram language_code: "fr", "lang-fr", "FR" and "fr-BE" all name French. */
function languageOf(value: string | undefined): Language | undefined {
  const code = /^(?:lang[-_])?([a-z]{2})(?:[-_][a-z]+)?$/i.exec(value ?? '')?.[1]?.toLowerCase();
  return isLanguage(code) ? code : undefined;
}

function hint(argument: string): { languageHint?: Language } {
  const language = languageOf(argument);
  return language ? { languageHint: language } : {};
}
