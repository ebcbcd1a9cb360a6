import { toWhatsAppWebText } from '../../src/channels/whatsapp-web/to-whatsapp-web';
import type { OutgoingMessage } from '../../src/core/messages';
import { textMessage } from '../fakes/whatsapp-cloud-notifications';
import { textUpdate, type TelegramResident } from '../fakes/telegram-updates';
import { CloudBed } from '../channels/whatsapp-cloud/cloud-bed';
import { TeamsBed } from '../channels/teams/teams-bed';
import { TelegramBed } from '../channels/telegram/telegram-bed';
import { RESIDENT, WhatsAppWebBed } from '../channels/whatsapp-web/whatsapp-web-bed';
import { startTestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

const REPLAYS = 1000;
const AT_ONCE = 50;

/** Sends the same delivery REPLAYS times, AT_ONCE at a time, as a retrying platform would; returns the statuses. */
async function replay(deliver: () => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < REPLAYS; sent += AT_ONCE) statuses.push(...(await Promise.all(Array.from({ length: AT_ONCE }, deliver))));
  return statuses;
}

describe(`${REPLAYS} replays of the same delivery make one turn`, () => {
  test('web chat: the same message id', async () => {
    const server = await startTestApp({ prefix: 'replay_webchat', env: { RATE_LIMIT_MESSAGES: '100000' } });
    const client = new WebChatClient(server.url);
    await client.open();
    const statuses = await replay(async () => (await client.post({ text: '3', messageId: 'retry-me' })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const state = await server.app.connection.collection('conversations').findOne({ userId: client.conversationId });
    expect((state?.state as { turns: number }).turns).toBe(2);
    expect(await server.app.connection.collection('inbox').countDocuments({ conversationKey: `webchat:${client.conversationId}` })).toBe(2);
    await server.close();
  }, 300_000);

  test('WhatsApp Cloud API: the same signed notification', async () => {
    const bed = await CloudBed.start({ env: { RATE_LIMIT_MESSAGES: '100000' } });
    const waId = '32470999888';
    await bed.say(waId, 'wamid.first', 'hallo');
    bed.take(waId);
    const statuses = await replay(() => bed.deliver([textMessage(waId, 'wamid.replayed', '3')]));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const replies = bed.take(waId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.filter((m) => m.text === replies[0]?.text)).toHaveLength(1);
    await bed.close();
  }, 300_000);

  test('Telegram webhook: the same update', async () => {
    const bed = await TelegramBed.start('webhook', { env: { RATE_LIMIT_MESSAGES: '100000' } });
    const resident: TelegramResident = { id: 424242, firstName: 'Test' };
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, 'hallo'));
    bed.take(resident);
    const update = textUpdate(resident, bed.nextUpdateId(), 2, '3');
    const statuses = await replay(() => bed.deliver(update));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const replies = bed.take(resident);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.filter((m) => m.text === replies[0]?.text)).toHaveLength(1);
    await bed.close();
  }, 300_000);

  test('Microsoft Teams: the same activity posted to /api/messages', async () => {
    const bed = await TeamsBed.start({ env: { RATE_LIMIT_MESSAGES: '100000' } });
    await bed.post(bed.activity({ type: 'message', text: 'hallo' }));
    bed.take();
    const activity = bed.activity({ type: 'message', text: '3' });
    const statuses = await replay(() => bed.post(activity));
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    const { seen } = bed.take();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((m) => m.text === seen[0]?.text)).toHaveLength(1);
    await bed.close();
  }, 300_000);

  test('WhatsApp Web: the same message emitted again (as after a reconnect)', async () => {
    const bed = await WhatsAppWebBed.start(undefined, { env: { RATE_LIMIT_MESSAGES: '100000' } });
    try {
      expect(await bed.say('hallo', { id: 'wa-web-first' })).not.toHaveLength(0);
      // A reconnecting client emits what it had again: AT_ONCE copies at a time, each batch handled before the next.
      const seen: string[] = [];
      for (let sent = 0; sent < REPLAYS; sent += AT_ONCE) {
        for (let i = 0; i < AT_ONCE; i += 1) bed.network.residentSends(RESIDENT, '3', { id: 'wa-web-replayed' });
        await bed.handled();
        seen.push(...bed.network.takeDelivered(RESIDENT));
      }
      // Two turns ('hallo' and one '3'), two inbox entries, and the resident got that one turn's replies once.
      const { connection } = bed.server.app;
      const state = await connection.collection('conversations').findOne({ userId: RESIDENT });
      expect((state?.state as { turns: number }).turns).toBe(2);
      expect(await connection.collection('inbox').countDocuments({ conversationKey: `whatsapp-web:${RESIDENT}` })).toBe(2);
      const entry = await connection.collection<{ _id: string; replies: OutgoingMessage[] }>('inbox').findOne({ _id: 'whatsapp-web:wa-web-replayed' });
      expect(entry?.replies.length).toBeGreaterThan(0);
      expect(seen).toEqual(entry?.replies.map(toWhatsAppWebText));
    } finally {
      // The phone's lease timer would keep Jest running after a failure.
      await bed.close();
    }
  }, 300_000);
});
