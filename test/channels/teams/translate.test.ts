import type { Activity } from 'botbuilder';
import { toIncoming } from '../../../src/channels/teams/resident/to-incoming';
import { toTeamsActivity } from '../../../src/channels/teams/resident/to-teams';
import type { OutgoingMessage } from '../../../src/core/messages';

const activity = (fields: Partial<Activity>): Activity => ({
  type: 'message', id: 'act-1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1', from: { id: '29:u', name: 'U', aadObjectId: 'aad-u' },
  recipient: { id: '28:bot', name: 'Bot' }, conversation: { id: 'a:conv', isGroup: false, conversationType: 'personal', name: '' }, ...fields,
}) as Activity;

describe('Teams activities become IncomingMessages', () => {
  test('a message keeps its text without @mentions; the address uses the conversation and the Entra id', () => {
    expect(toIncoming(activity({ text: '<at>Digipunt</at> hallo ' }))).toMatchObject({
      address: { channel: 'teams', conversationId: 'a:conv', userId: 'aad-u' }, messageId: 'act-1', text: 'hallo',
    });
  });

  test('a card button (Action.Submit) arrives as a message with value.choiceId', () => {
    expect(toIncoming(activity({ value: { choiceId: 'faq' } }))).toMatchObject({ choiceId: 'faq' });
    expect(toIncoming(activity({ value: { choiceId: 'faq' } }))?.text).toBeUndefined();
  });

  test('a photo is media; the html copy of a formatted message is not', () => {
    expect(toIncoming(activity({ attachments: [{ contentType: 'image/jpeg', contentUrl: 'x' }] }))?.hasMedia).toBe(true);
    expect(toIncoming(activity({ text: 'hallo', attachments: [{ contentType: 'text/html', content: '<p>hallo</p>' }] }))?.hasMedia).toBeUndefined();
  });

  test('the resident joining opens the conversation with the Teams language as a hint; the bot joining is no turn', () => {
    expect(toIncoming(activity({ type: 'conversationUpdate', locale: 'fr-BE', membersAdded: [{ id: '29:u', name: 'U' }] }))).toMatchObject({ languageHint: 'fr' });
    expect(toIncoming(activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Bot' }] }))).toBeNull();
    expect(toIncoming(activity({ type: 'typing' }))).toBeNull();
  });
});

describe('OutgoingMessages become Teams activities', () => {
  const base: OutgoingMessage = { id: 'm', text: 'Kies een onderwerp.', language: 'nl', direction: 'ltr' };
  const choices = (n: number): OutgoingMessage['choices'] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Keuze ${i + 1}` }));
  const card = (message: OutgoingMessage): { rtl?: boolean; body: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> } =>
    toTeamsActivity(message, { choose: 'Kies hier' }).attachments?.[0]?.content as never;

  test('plain text stays plain text', () => {
    expect(toTeamsActivity(base, { choose: 'Kies hier' })).toEqual({ type: 'message', text: 'Kies een onderwerp.', textFormat: 'plain', locale: 'nl' });
  });

  test('up to six choices are buttons, links open a URL', () => {
    const rendered = card({ ...base, choices: choices(6), links: [{ label: 'Kaart', url: 'https://example.org/map' }] });
    expect(rendered.actions.map((a) => a.type)).toEqual([...Array(6).fill('Action.Submit'), 'Action.OpenUrl']);
    expect(rendered.actions[0]).toEqual({ type: 'Action.Submit', title: 'Keuze 1', data: { choiceId: 'c0' } });
  });

  test('more choices become a drop-down with one button; Arabic cards are right-to-left', () => {
    const rendered = card({ ...base, language: 'ar', direction: 'rtl', choices: choices(9) });
    expect(rendered.rtl).toBe(true);
    expect(rendered.body[1]).toMatchObject({ type: 'Input.ChoiceSet', id: 'choiceId' });
    expect(rendered.actions).toEqual([{ type: 'Action.Submit', title: 'Kies hier' }]);
  });
});
