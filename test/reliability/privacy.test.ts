import { MongoLeaseStore } from '../../src/storage/lease-store';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

describe('privacy: what do you keep, delete my data, retention purge', () => {
  let now = new Date('2026-11-27T10:00:00Z');
  let server: TestApp;
  const t = (key: string, values?: Record<string, string | number>): string => server.app.renderer.text('nl', key, values);
  const conversations = (id: string): Promise<number> => server.app.connection.collection('conversations').countDocuments({ userId: id });

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'privacy', clock: () => now });
  });

  afterAll(async () => {
    await server.close();
  });

  test('"what do you keep about me?" lists it, and the web chat offers it as a download', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    await client.say('3');
    const replies = await client.say('welke gegevens bewaren jullie over mij?');
    expect(replies.map((m) => m.text).join('\n')).toContain(t('privacy.holder.conversation', { count: 1 }));
    const download = await fetch(`${server.url}/api/webchat/conversations/${client.conversationId}/export`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(download.status).toBe(200);
    const body = (await download.json()) as { data: Array<{ holder: string; records: unknown[] }> };
    expect(body.data.find((h) => h.holder === 'conversation')?.records).toHaveLength(1);
    expect((await fetch(`${server.url}/api/webchat/conversations/${client.conversationId}/export`)).status).toBe(401);
  });

  test('"delete my data" asks first, then erases the conversation; "no" erases nothing', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    await client.say('3');
    expect((await client.say('wis al mijn gegevens'))[0]?.text).toContain(t('privacy.confirm_erase'));
    expect((await client.say('nee')).map((m) => m.text).join('\n')).toContain(t('privacy.not_erased'));
    expect(await conversations(client.conversationId)).toBe(1);
    await client.say('wis al mijn gegevens');
    expect((await client.say('ja')).map((m) => m.text).join('\n')).toContain(t('privacy.erased'));
    expect(await conversations(client.conversationId)).toBe(0);
    expect(await server.app.connection.collection('inbox').countDocuments({ conversationKey: `webchat:${client.conversationId}` })).toBe(0);
    const fresh = await client.say('hallo');
    expect(fresh.map((m) => m.text).join('\n')).toContain(t('welcome.assistant_notice'));
  });

  test('the retention purge deletes conversations idle for longer than the retention period', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    expect(await conversations(client.conversationId)).toBe(1);
    // A process that crashed mid-turn leaves the conversation's lease, whose key names the resident.
    const key = `webchat:${client.conversationId}`;
    await new MongoLeaseStore(server.app.connection).acquire(key, 'crashed process', 15_000, now);
    const leases = (): Promise<number> => server.app.connection.collection('leases').countDocuments({ _id: key as never });
    expect(await leases()).toBe(1);
    now = new Date(now.getTime() + 27 * 86_400_000);
    expect(await server.app.scheduler.runOnce('retention-purge', now)).toBe(true);
    expect(await conversations(client.conversationId)).toBe(1);
    now = new Date(now.getTime() + 2 * 86_400_000);
    expect(await server.app.scheduler.runOnce('retention-purge', now)).toBe(true);
    expect(await conversations(client.conversationId)).toBe(0);
    expect(await leases()).toBe(0);
  });
});
