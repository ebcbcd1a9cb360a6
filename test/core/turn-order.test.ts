import type { TurnContext } from '../../src/core/turn/context';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

/** Records when each turn of one conversation starts and ends, in the order the server saw them. */
class TurnRecorder {
  events: string[] = [];
  turnStarted(context: TurnContext): void {
    if (context.incoming.text) this.events.push(`start:${context.incoming.text}`);
  }
  turnEnded(context: TurnContext, outcome: { duplicate: boolean }): void {
    if (context.incoming.text) this.events.push(`${outcome.duplicate ? 'dup' : 'end'}:${context.incoming.text}`);
  }
}

describe('one turn at a time per conversation, each message once', () => {
  let server: TestApp;
  const recorder = new TurnRecorder();

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'turn_order', observers: [recorder] });
  });

  afterAll(async () => {
    await server.close();
  });

  test('the same message id posted twice gets one turn; the second gets the same replies, marked duplicate', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    const first = await client.post({ text: '3', messageId: 'browser-retry-1' });
    const second = await client.post({ text: '3', messageId: 'browser-retry-1' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.duplicate).toBe(true);
    expect(second.body.messages).toEqual(first.body.messages);
    // Had the repeat been applied, "3" would have answered the FAQ question and "1" would open the menu.
    const next = await client.say('1');
    expect(next[0]?.text).toContain(server.app.renderer.text('nl', 'faq.answer.hours', { digipunt_hours: '' }).split('\n')[0]);
  });

  test('20 messages sent at once are handled strictly in arrival order, each exactly once, never overlapping', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    recorder.events = [];
    const texts = Array.from({ length: 20 }, (_, i) => `bericht ${i + 1}`);
    const results = await Promise.all(texts.map((text, i) => client.post({ text, messageId: `burst-${i}` })));
    expect(results.every((r) => r.status === 200 && (r.body.messages?.length ?? 0) > 0)).toBe(true);

    const started = recorder.events.filter((e) => e.startsWith('start:')).map((e) => e.slice(6));
    expect(started.sort()).toEqual([...texts].sort());
    for (let i = 0; i < recorder.events.length; i += 2) {
      expect(recorder.events[i + 1]).toBe(`end:${recorder.events[i]?.slice(6)}`);
    }
    const stored = await server.app.connection.collection('conversations').findOne({ _id: `webchat:${client.conversationId}` as never });
    expect((stored?.state as { turns: number }).turns).toBe(21);
  });
});
