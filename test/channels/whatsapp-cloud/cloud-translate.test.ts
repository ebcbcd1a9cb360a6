import { createHmac } from 'node:crypto';
import { loadConfig } from '../../../src/config';
import type { Choice, OutgoingMessage } from '../../../src/core/messages';
import { loadCloudTemplates, templatePayload } from '../../../src/channels/whatsapp-cloud/cloud-templates';
import { signatureIsValid } from '../../../src/channels/whatsapp-cloud/signature';
import { toIncoming } from '../../../src/channels/whatsapp-cloud/to-incoming';
import { templateText, toWhatsApp } from '../../../src/channels/whatsapp-cloud/to-whatsapp';
import { whatsAppCloudOptions } from '../../../src/channels/whatsapp-cloud/whatsapp-cloud-options';
import { imageMessage, interactiveReply, notification, status, textMessage } from '../../fakes/whatsapp-cloud-notifications';

const PHONE_ID = '1234567890';
const at = new Date('2026-03-02T10:00:00Z');
const waId = '32470000001';
const message = (choices: Choice[] = [], text = 'Kies een nummer.'): OutgoingMessage => ({ id: 'm', text, choices, language: 'nl', direction: 'ltr' });
const choices = (n: number, label = (i: number) => `Keuze ${i + 1}`): Choice[] => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: label(i) }));

describe('Cloud API notification → IncomingMessage', () => {
  test('text, a reply button and a list row; the number pre-fills the phone question', () => {
    const inbound = toIncoming(notification(PHONE_ID, { messages: [
      textMessage(waId, 'wamid.1', 'hallo'),
      interactiveReply(waId, 'wamid.2', 'button', { id: 'yes', title: 'Ja' }),
      interactiveReply(waId, 'wamid.3', 'list', { id: 'loan', title: 'Een laptop lenen' }),
    ] }), PHONE_ID, at);
    expect(inbound.messages).toEqual([
      { address: { channel: 'whatsapp-cloud', conversationId: waId, userId: waId }, messageId: 'wamid.1', contact: { phone: '+32470000001' }, text: 'hallo', receivedAt: at },
      expect.objectContaining({ messageId: 'wamid.2', choiceId: 'yes' }),
      expect.objectContaining({ messageId: 'wamid.3', choiceId: 'loan' }),
    ]);
  });

  test('a photo is media with its caption; reactions, status callbacks and other numbers are not answered', () => {
    const photo = toIncoming(notification(PHONE_ID, { messages: [imageMessage(waId, 'wamid.4', 'attest')] }), PHONE_ID, at);
    expect(photo.messages[0]).toMatchObject({ hasMedia: true, text: 'attest' });
    const reaction = { from: waId, id: 'wamid.5', type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } };
    expect(toIncoming(notification(PHONE_ID, { messages: [reaction] }), PHONE_ID, at)).toEqual({ messages: [], statuses: 0, skipped: 1 });
    expect(toIncoming(notification(PHONE_ID, { statuses: [status(waId, 'wamid.6', 'read')] }), PHONE_ID, at)).toEqual({ messages: [], statuses: 1, skipped: 0 });
    expect(toIncoming(notification('999', { messages: [textMessage(waId, 'wamid.7', 'hi')] }), PHONE_ID, at).messages).toEqual([]);
    expect(toIncoming({ object: 'page', entry: [] }, PHONE_ID, at).messages).toEqual([]);
    expect(toIncoming('nonsense', PHONE_ID, at).messages).toEqual([]);
  });
});

describe('OutgoingMessage → Cloud API', () => {
  test('up to 3 short choices are reply buttons', () => {
    expect(toWhatsApp(message(choices(3, (i) => ['Ja', 'Nee', 'Naar het menu'][i] ?? '')), 'Kies hier')).toEqual({
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Kies een nummer.' }, action: { buttons: [
        { type: 'reply', reply: { id: 'c1', title: 'Ja' } }, { type: 'reply', reply: { id: 'c2', title: 'Nee' } }, { type: 'reply', reply: { id: 'c3', title: 'Naar het menu' } },
      ] } },
    });
  });

  test('more than 3, or a label over 20 characters, makes a list; a label over 24 shows whole in the description', () => {
    const five = toWhatsApp(message(choices(5)), 'Kies hier');
    expect(five.type === 'interactive' && five.interactive.type).toBe('list');
    const long = toWhatsApp(message([{ id: 'a', label: 'Uren, adres en andere vragen' }]), 'Kies hier');
    if (long.type !== 'interactive' || long.interactive.type !== 'list') throw new Error('expected a list');
    expect(long.interactive.action).toEqual({ button: 'Kies hier', sections: [{ rows: [{ id: 'a', title: 'Uren, adres en andere v…', description: 'Uren, adres en andere vragen' }] }] });
  });

  test('beyond 10 choices, or a text too long for an interactive body, it is numbered text', () => {
    const eleven = toWhatsApp(message(choices(11)), 'Kies hier');
    expect(eleven).toEqual({ type: 'text', text: { body: `Kies een nummer.\n\n${choices(11).map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`, preview_url: false } });
    expect(toWhatsApp(message(choices(2), 'x'.repeat(1025)), 'Kies hier').type).toBe('text');
    expect(toWhatsApp({ ...message(), links: [{ label: 'Kaart', url: 'https://example.org' }] }, 'Kies hier')).toEqual({ type: 'text', text: { body: 'Kies een nummer.\nKaart: https://example.org', preview_url: false } });
  });

  test('a template variable is one line, choices numbered, cut with an ellipsis', () => {
    const text = templateText([message(choices(2), 'Je afspraak is morgen.\n\nKom je?')], 900);
    expect(text).toBe('Je afspraak is morgen. · Kom je? · 1. Keuze 1 · 2. Keuze 2');
    expect(Array.from(templateText([message([], 'a'.repeat(50))], 20))).toHaveLength(20);
  });

  test('the shipped template file is valid and maps each language to its approved translation', () => {
    const templates = loadCloudTemplates(loadConfig({}).paths.content);
    const payload = templatePayload(templates, [{ ...message(), language: 'ar', direction: 'rtl' }], 'nl');
    expect(payload).toMatchObject({ type: 'template', template: { name: templates.outsideWindow.name, language: { code: templates.outsideWindow.languages.ar } } });
  });
});

describe('signature and configuration', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account"}');
  const sign = (secret: string, raw: Buffer = body) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

  test('X-Hub-Signature-256 must be the HMAC of the exact raw body with the app secret', () => {
    expect(signatureIsValid(body, sign('s3cret'), 's3cret')).toBe(true);
    expect(signatureIsValid(body, sign('other'), 's3cret')).toBe(false);
    expect(signatureIsValid(Buffer.from('{"object": "whatsapp_business_account"}'), sign('s3cret'), 's3cret')).toBe(false);
    expect(signatureIsValid(body, sign('s3cret').slice('sha256='.length), 's3cret')).toBe(false);
    expect(signatureIsValid(body, 'sha256=abc', 's3cret')).toBe(false);
    expect(signatureIsValid(body, undefined, 's3cret')).toBe(false);
  });

  test('the channel is off with no secret set, and a half-set configuration names what is missing', () => {
    expect(whatsAppCloudOptions(loadConfig({}))).toBeUndefined();
    expect(() => whatsAppCloudOptions(loadConfig({ WHATSAPP_CLOUD_ACCESS_TOKEN: 't', WHATSAPP_CLOUD_PHONE_NUMBER_ID: '1' }))).toThrow(/WHATSAPP_CLOUD_APP_SECRET, WHATSAPP_CLOUD_VERIFY_TOKEN/);
  });
});
