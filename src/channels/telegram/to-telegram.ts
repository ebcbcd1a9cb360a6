import type { InlineKeyboardMarkup } from 'telegraf/types';
import { LANGUAGES, type Language } from '../../core/languages';
import type { OutgoingMessage } from '../../core/messages';
import { choiceCallbackData, languageCallbackData } from './callback-data';

/** One sendMessage call: plain text (no parse mode, so nothing needs escaping) and an optional keyboard. */
export interface TelegramPayload {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

// Telegram's limit for one message; the core's texts are far shorter, this only guards.
const MAX_TEXT = 4096;

/**
 * Renders a neutral message the Telegram way: choices become an inline keyboard, one numbered button
 * per row (typing the number works too), links are listed under the text.
 */
export function toTelegram(message: OutgoingMessage): TelegramPayload {
  const links = (message.links ?? []).map((link) => `${link.label}: ${link.url}`);
  const text = [message.text, ...links].join('\n').slice(0, MAX_TEXT);
  const choices = message.choices ?? [];
  if (choices.length === 0) return { text };
  const rows = choices.map((choice, i) => [{ text: `${i + 1}. ${choice.label}`, callback_data: choiceCallbackData(choice.id, i) }]);
  return { text, keyboard: { inline_keyboard: rows } };
}

/** The /lang picker: each language named in itself, two per row. */
export function languageKeyboard(nameOf: (language: Language) => string): InlineKeyboardMarkup {
  const buttons = LANGUAGES.map((language) => ({ text: nameOf(language), callback_data: languageCallbackData(language) }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return { inline_keyboard: rows };
}
