import type { Update } from 'telegraf/types';

/** The resident of the fakes: a private chat whose id is the user's id, as Telegram does it. */
export interface TelegramResident {
  id: number;
  firstName: string;
  languageCode?: string;
}

const chatOf = (r: TelegramResident) => ({ id: r.id, type: 'private' as const, first_name: r.firstName });
const userOf = (r: TelegramResident) => ({ id: r.id, is_bot: false, first_name: r.firstName, ...(r.languageCode ? { language_code: r.languageCode } : {}) });
const now = (): number => Math.floor(Date.now() / 1000);

/** A text message update, as Telegram posts it to a webhook or returns it from getUpdates. */
export function textUpdate(resident: TelegramResident, updateId: number, messageId: number, text: string): Update {
  const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]?.length ?? 1 }] : undefined;
  return { update_id: updateId, message: { message_id: messageId, date: now(), chat: chatOf(resident), from: userOf(resident), text, ...(entities ? { entities } : {}) } };
}

/** A photo with an optional caption. */
export function photoUpdate(resident: TelegramResident, updateId: number, messageId: number, caption?: string): Update {
  const photo = [{ file_id: 'photo-file', file_unique_id: 'photo-unique', width: 90, height: 90 }];
  return { update_id: updateId, message: { message_id: messageId, date: now(), chat: chatOf(resident), from: userOf(resident), photo, ...(caption ? { caption } : {}) } };
}

/** The resident tapped an inline keyboard button of one of the bot's messages. */
export function callbackUpdate(resident: TelegramResident, updateId: number, data: string): Update {
  const message = { message_id: 1, date: now(), chat: chatOf(resident), text: 'keyboard' };
  return { update_id: updateId, callback_query: { id: `cb-${updateId}`, from: userOf(resident), chat_instance: `ci-${resident.id}`, message, data } };
}

/** A message in a group: the channel answers private chats only. */
export function groupTextUpdate(resident: TelegramResident, updateId: number, text: string): Update {
  const chat = { id: -100123, type: 'group' as const, title: 'Buurtgroep' };
  return { update_id: updateId, message: { message_id: 1, date: now(), chat, from: userOf(resident), text } };
}

/** The resident shared their own number with the "share contact" button. */
export function contactUpdate(resident: TelegramResident, updateId: number, messageId: number, phone: string): Update {
  const contact = { phone_number: phone, first_name: resident.firstName, user_id: resident.id };
  return { update_id: updateId, message: { message_id: messageId, date: now(), chat: chatOf(resident), from: userOf(resident), contact } };
}
