import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

describe('per-conversation rate limit', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'rate_limit', env: { RATE_LIMIT_MESSAGES: '4', RATE_LIMIT_WINDOW_MS: '60000' } });
  });

  afterAll(async () => {
    await server.close();
  });

  test('past the limit a conversation gets a polite answer in its language and no turn; others are not affected', async () => {
    const client = new WebChatClient(server.url);
    await client.open('fr');
    for (let i = 0; i < 3; i += 1) expect((await client.say('3'))[0]?.text).not.toBe(server.app.renderer.text('fr', 'errors.slow_down'));
    const limited = await client.post({ text: '1' });
    expect(limited.status).toBe(200);
    expect(limited.body.messages?.map((m) => m.text)).toEqual([server.app.renderer.text('fr', 'errors.slow_down')]);
    const other = new WebChatClient(server.url);
    await other.open();
    expect((await other.say('3'))[0]?.text).toBe(server.app.renderer.text('nl', 'faq.prompt'));
  });
});
