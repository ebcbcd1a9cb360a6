import type { OutgoingMessage } from '../../../src/core/messages';
import { choiceCallbackData, decodeCallbackData } from '../../../src/channels/telegram/callback-data';
import { toIncoming } from '../../../src/channels/telegram/to-incoming';
import { languageKeyboard, toTelegram } from '../../../src/channels/telegram/to-telegram';
import { callbackUpdate, groupTextUpdate, photoUpdate, textUpdate } from '../../fakes/telegram-updates';

const resident = { id: 77, firstName: 'Olena', languageCode: 'uk' };
const at = new Date('2026-03-02T10:00:00Z');
const message = (extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({ id: 'm1', text: 'Kies een nummer.', language: 'nl', direction: 'ltr', ...extra });

describe('Telegram update → IncomingMessage', () => {
  test('text in a private chat is a turn addressed by chat and user, keyed by update and message id', () => {
    expect(toIncoming(textUpdate(resident, 10, 3, 'hallo'), at)).toEqual({
      kind: 'turn',
      incoming: { address: { channel: 'telegram', conversationId: '77', userId: '77' }, messageId: '10:3', text: 'hallo', receivedAt: at },
    });
  });

  test.each([
    ['/start', undefined],
    ['/start fr', 'fr'],
    ['/start lang-ar', 'ar'],
    ['/start@DigipuntAalstBot tr', 'tr'],
    ['/start xx', undefined],
    ['/start french', undefined],
  ])('%s opens the conversation with language hint %s and no text', (text, hint) => {
    const inbound = toIncoming(textUpdate(resident, 11, 4, text), at);
    expect(inbound.kind).toBe('turn');
    if (inbound.kind !== 'turn') return;
    expect(inbound.incoming.text).toBeUndefined();
    expect(inbound.incoming.languageHint).toBe(hint);
  });

  test('/lang with a language switches; without one it asks for the picker in the app language', () => {
    const withCode = toIncoming(textUpdate(resident, 12, 5, '/lang en'), at);
    expect(withCode.kind === 'turn' && withCode.incoming.languageHint).toBe('en');
    expect(toIncoming(textUpdate(resident, 13, 6, '/lang'), at)).toEqual({ kind: 'pick-language', chatId: '77', userLanguage: 'uk' });
  });

  test('a photo is media, its caption is text; group chats are not answered', () => {
    const photo = toIncoming(photoUpdate(resident, 14, 7, 'mijn attest'), at);
    expect(photo.kind === 'turn' && photo.incoming).toMatchObject({ hasMedia: true, text: 'mijn attest' });
    expect(toIncoming(groupTextUpdate(resident, 15, 'hallo'), at)).toEqual({ kind: 'ignore' });
  });

  test('a tapped button is a choice, a number or a language, and keeps its query id to answer', () => {
    const choice = toIncoming(callbackUpdate(resident, 16, 'c:loan'), at);
    expect(choice).toMatchObject({ kind: 'turn', callbackQueryId: 'cb-16', incoming: { choiceId: 'loan', messageId: '16:cb:cb-16' } });
    expect(toIncoming(callbackUpdate(resident, 17, 'n:12'), at)).toMatchObject({ incoming: { text: '12' } });
    expect(toIncoming(callbackUpdate(resident, 18, 'l:ar'), at)).toMatchObject({ incoming: { languageHint: 'ar' } });
    expect(toIncoming(callbackUpdate(resident, 19, 'something-else'), at)).toEqual({ kind: 'ignore', callbackQueryId: 'cb-19' });
  });
});

describe('OutgoingMessage → Telegram', () => {
  test('choices become one numbered button per row; links are listed under the text', () => {
    const payload = toTelegram(message({ choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nee' }], links: [{ label: 'Kaart', url: 'https://example.org/kaart' }] }));
    expect(payload.text).toBe('Kies een nummer.\nKaart: https://example.org/kaart');
    expect(payload.keyboard?.inline_keyboard).toEqual([[{ text: '1. Ja', callback_data: 'c:yes' }], [{ text: '2. Nee', callback_data: 'c:no' }]]);
    expect(toTelegram(message()).keyboard).toBeUndefined();
  });

  test('an id longer than 64 bytes of callback data is sent as its number', () => {
    const long = 'slot_'.padEnd(80, 'x');
    expect(choiceCallbackData(long, 4)).toBe('n:5');
    expect(decodeCallbackData(choiceCallbackData(long, 4))).toEqual({ kind: 'number', number: 5 });
    expect(decodeCallbackData(choiceCallbackData('loan', 0))).toEqual({ kind: 'choice', id: 'loan' });
  });

  test('the language picker names each of the six languages in itself', () => {
    const keyboard = languageKeyboard((code) => `name-${code}`);
    expect(keyboard.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual(['l:nl', 'l:fr', 'l:en', 'l:tr', 'l:ar', 'l:uk']);
  });
});
