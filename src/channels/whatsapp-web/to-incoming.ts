import type { IncomingMessage } from '../../core/messages';
import { WHATSAPP_WEB_CHANNEL, type WaMessage } from './whatsapp-web-client';

/** A one-to-one chat: "<number>@c.us", or "<id>@lid" where WhatsApp hides the number. */
const PERSONAL_CHAT = /^[0-9]+@(c\.us|lid)$/;
const PHONE_CHAT = /^([0-9]{6,15})@c\.us$/;

/** The resident's number in E.164 from a "<number>@c.us" chat id; none for hidden-number (@lid) chats. */
export function phoneFromChatId(chatId: string): string | undefined {
  const match = PHONE_CHAT.exec(chatId);
  return match ? `+${match[1]}` : undefined;
}

/** What a resident sends that is not text: all get the note that documents are shown in person. */
const MEDIA_TYPES = new Set(['image', 'album', 'video', 'document', 'audio', 'ptt', 'sticker', 'location', 'vcard', 'multi_vcard']);

/**
 * Translates a WhatsApp message for the core; null for what the assistant must not answer: its own
 * messages, status updates, broadcasts, groups (residents talk to it one to one), and the system's
 * own kinds (a revoked message, a reaction, a call log, an encryption notice).
 */
export function toIncoming(message: WaMessage): IncomingMessage | null {
  if (message.fromMe || message.isStatus || message.broadcast || !PERSONAL_CHAT.test(message.from)) return null;
  if (message.type !== 'chat' && !MEDIA_TYPES.has(message.type)) return null;
  const phone = phoneFromChatId(message.from);
  return {
    address: { channel: WHATSAPP_WEB_CHANNEL, conversationId: message.from, userId: message.from },
    messageId: message.id._serialized,
    text: message.body.trim() || undefined,
    ...(phone ? { contact: { phone } } : {}),
    ...(message.hasMedia || MEDIA_TYPES.has(message.type) ? { hasMedia: true } : {}),
    receivedAt: new Date(message.timestamp * 1000),
  };
}
