import type { Client } from 'whatsapp-web.js';
import { phoneFromChatId, toIncoming } from '../../../src/channels/whatsapp-web/to-incoming';
import { toWhatsAppWebText } from '../../../src/channels/whatsapp-web/to-whatsapp-web';
import type { WaMessage, WhatsAppWebClient } from '../../../src/channels/whatsapp-web/whatsapp-web-client';
import type { OutgoingMessage } from '../../../src/core/messages';
import { seenOf } from './whatsapp-web-bed';

// Compile-time check: the real whatsapp-web.js Client fits the interface the fake implements.
const realClientFits = (client: Client): WhatsAppWebClient => client;

const message = (overrides: Partial<WaMessage> = {}): WaMessage => ({
  id: { _serialized: 'false_32470123456@c.us_ABC' }, from: '32470123456@c.us', body: 'Hallo', fromMe: false, type: 'chat',
  hasMedia: false, isStatus: false, broadcast: false, timestamp: 1_790_000_000, ...overrides,
});

describe('WhatsApp Web messages become IncomingMessages', () => {
  test('a resident message carries the chat as address, the id, the text and the phone number', () => {
    expect(typeof realClientFits).toBe('function');
    expect(toIncoming(message())).toEqual({
      address: { channel: 'whatsapp-web', conversationId: '32470123456@c.us', userId: '32470123456@c.us' },
      messageId: 'false_32470123456@c.us_ABC',
      text: 'Hallo',
      contact: { phone: '+32470123456' },
      receivedAt: new Date(1_790_000_000_000),
    });
  });

  test('a hidden-number chat (@lid) has no phone; a photo is marked as media with its caption', () => {
    const incoming = toIncoming(message({ from: '123456789012345@lid', body: '', type: 'image', hasMedia: true }));
    expect(incoming?.contact).toBeUndefined();
    expect(incoming?.hasMedia).toBe(true);
    expect(incoming?.text).toBeUndefined();
  });

  test.each([
    ['its own message', { fromMe: true }],
    ['a status update', { isStatus: true, from: 'status@broadcast' }],
    ['a broadcast', { broadcast: true }],
    ['a group message', { from: '32470123456-1600000000@g.us' }],
    ['a deleted message', { type: 'revoked', body: '' }],
    ['a reaction', { type: 'reaction', body: '👍' }],
    ['an encryption notice', { type: 'e2e_notification', body: '' }],
  ])('%s is not answered', (_name, overrides) => {
    expect(toIncoming(message(overrides))).toBeNull();
  });

  test('a voice note is media even before its file is known', () => {
    expect(toIncoming(message({ type: 'ptt', body: '' }))?.hasMedia).toBe(true);
  });

  test('only a real number gives a phone', () => {
    expect(phoneFromChatId('32470123456@c.us')).toBe('+32470123456');
    expect(phoneFromChatId('12@c.us')).toBeUndefined();
    expect(phoneFromChatId('32470123456@lid')).toBeUndefined();
  });
});

describe('OutgoingMessages become WhatsApp text', () => {
  const outgoing: OutgoingMessage = {
    id: 'm1', text: 'Waarmee kan ik je helpen?', language: 'nl', direction: 'ltr',
    choices: [{ id: 'loan', label: 'Een laptop lenen' }, { id: 'donate', label: 'Laptops schenken' }],
    links: [{ label: 'Route', url: 'https://example.org/route' }],
  };

  test('choices are numbered lines after the text, links after the choices', () => {
    expect(toWhatsAppWebText(outgoing)).toBe('Waarmee kan ik je helpen?\n\n1. Een laptop lenen\n2. Laptops schenken\n\nRoute: https://example.org/route');
  });

  test('a plain text stays as it is, and the numbered lines read back as the same choices', () => {
    expect(toWhatsAppWebText({ ...outgoing, choices: undefined, links: undefined })).toBe('Waarmee kan ik je helpen?');
    expect(seenOf(toWhatsAppWebText({ ...outgoing, links: undefined })).choices).toEqual(['Een laptop lenen', 'Laptops schenken']);
  });
});
