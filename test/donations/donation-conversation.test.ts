import { WebChatStore } from '../../src/channels/webchat/webchat-store';
import { REMINDER_JOB } from '../../src/domain/donations/reminders';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

// Friday 27 November 2026, 10:00 in Brussels. With the shipped calendar (tue/thu 09-12, wed 13-16,
// 48 hours ahead) the first free slots are Tue 1 Dec 09:00, Wed 2 Dec 13:00 and Thu 3 Dec 09:00.
let now = new Date('2026-11-27T09:00:00Z');
let server: TestApp;

const placesTaken = (slotId: string): Promise<number> => server.app.connection.collection('claims').countDocuments({ scope: `slot:${slotId}` });
const lastText = async (client: WebChatClient, text: string | { choice: string }): Promise<string> => {
  const replies = typeof text === 'string' ? await client.say(text) : await client.choose(text.choice);
  return replies.map((r) => r.text).join('\n');
};

/** Books a pickup of 25 laptops through the chat and returns the slot ids it was offered. */
async function bookPickup(client: WebChatClient): Promise<string[]> {
  await client.open();
  for (const answer of ['2', '1', '2', '25', '0', '1', '1']) await client.say(answer);
  await client.choose('no');
  for (const answer of ['9300', 'Kerkstraat 1']) await client.say(answer);
  const slotQuestion = await client.say('0470 12 34 56');
  const offered = slotQuestion.flatMap((m) => m.choices ?? []).map((c) => c.id);
  await client.say('1');
  expect(await lastText(client, { choice: 'yes' })).toContain('Je ophaling is geboekt');
  return offered;
}

beforeAll(async () => {
  server = await startTestApp({ prefix: 'donation_chat', clock: () => now });
});
afterAll(() => server.close());

describe('booking, moving and cancelling a pickup in the chat', () => {
  test('offers the next free slots as numbered choices, and a move and a cancel free the place', async () => {
    const client = new WebChatClient(server.url);
    const offered = await bookPickup(client);
    expect(offered).toEqual(['2026-12-01T0900-1200', '2026-12-02T1300-1600', '2026-12-03T0900-1200', '2026-12-08T0900-1200', '2026-12-09T1300-1600', 'other_day']);
    expect(await placesTaken('2026-12-01T0900-1200')).toBe(1);

    expect(await lastText(client, 'ik wil mijn ophaling verplaatsen')).toContain('dinsdag 1 december tussen 09:00 en 12:00');
    const slots = await client.say('1');
    expect(slots.flatMap((m) => m.choices ?? []).map((c) => c.id)).not.toContain('2026-12-01T0900-1200');
    await client.choose('other_day');
    const jumped = await client.say('donderdag 10 december');
    expect(jumped.flatMap((m) => m.choices ?? [])[0]?.id).toBe('2026-12-10T0900-1200');
    expect(await lastText(client, '1')).toContain('Je ophaling is verplaatst. We komen op donderdag 10 december');
    expect(await placesTaken('2026-12-01T0900-1200')).toBe(0);
    expect(await placesTaken('2026-12-10T0900-1200')).toBe(1);

    await client.say('ik wil mijn ophaling annuleren');
    await client.say('2');
    expect(await lastText(client, { choice: 'yes' })).toContain('Het moment is weer vrij');
    expect(await placesTaken('2026-12-10T0900-1200')).toBe(0);
  });

  test('another conversation finds a booking by reference plus phone number, not by a wrong one', async () => {
    const donor = new WebChatClient(server.url);
    await bookPickup(donor);
    const booking = await server.app.connection.collection('donations').findOne({ status: 'booked' }, { sort: { createdAt: -1 } });
    const other = new WebChatClient(server.url);
    await other.open();
    expect(await lastText(other, 'ik wil mijn ophaling verplaatsen')).toContain('Ik vind geen boeking in dit gesprek');
    await other.say(String(booking?.reference));
    expect(await lastText(other, '0499 00 00 00')).toContain('Ik vind geen boeking met die gegevens');
    await other.say(String(booking?.reference));
    expect(await lastText(other, '0470123456')).toContain(`Je boeking ${String(booking?.reference)}`);
  });
});

describe('the day-before reminder', () => {
  test('is sent once on the donor\'s channel, at the configured time the day before', async () => {
    now = new Date('2026-11-27T09:00:00Z');
    const client = new WebChatClient(server.url);
    await bookPickup(client);
    const outbox = new WebChatStore(server.app.connection);
    const reminders = async (): Promise<number> => (await outbox.after(client.conversationId, 0)).filter((m) => m.message.text.startsWith('Herinnering')).length;

    expect(await server.app.scheduler.runOnce(REMINDER_JOB, new Date('2026-11-30T08:55:00Z'))).toBe(true);
    expect(await reminders()).toBe(0);
    expect(await server.app.scheduler.runOnce(REMINDER_JOB, new Date('2026-11-30T09:05:00Z'))).toBe(true);
    expect(await reminders()).toBe(1);
    expect(await server.app.scheduler.runOnce(REMINDER_JOB, new Date('2026-11-30T09:15:00Z'))).toBe(true);
    expect(await server.app.scheduler.runOnce(REMINDER_JOB, new Date('2026-11-30T15:00:00Z'))).toBe(true);
    expect(await reminders()).toBe(1);
    const [message] = (await outbox.after(client.conversationId, 0)).filter((m) => m.message.text.startsWith('Herinnering'));
    expect(message?.message.text).toContain('dinsdag 1 december op, tussen 09:00 en 12:00');
  });
});
