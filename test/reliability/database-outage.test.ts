import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer } from '../../src/storage/local-server';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

/** Polls /readyz until it says what we expect (the driver notices a server coming and going on its own). */
async function readyBecomes(url: string, status: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await fetch(`${url}/readyz`)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/readyz did not become ${status}`);
}

describe('the database goes away in the middle of a conversation and comes back', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'digipunt-outage-'));
  let database: LocalServer;
  let server: TestApp;

  beforeAll(async () => {
    database = await startLocalServer({ dataDir, log: () => undefined });
    server = await startTestApp({ uri: `mongodb://127.0.0.1:${database.port}/outage` });
  });

  afterAll(async () => {
    await server.app.close();
    await database.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the resident is told to try again in their language, /readyz goes false and back, and the conversation goes on', async () => {
    const client = new WebChatClient(server.url);
    await client.open('fr');
    const question = await client.say('3');
    expect(question.map((m) => m.text).join('\n')).toContain(server.app.renderer.text('fr', 'faq.prompt'));

    await database.stop();
    await readyBecomes(server.url, 503);
    const during = await client.post({ text: '1', messageId: 'during-outage' });
    expect(during.status).toBe(200);
    expect(during.body.messages?.map((m) => m.text)).toEqual([server.app.renderer.text('fr', 'errors.try_again')]);

    database = await startLocalServer({ dataDir, port: database.port, log: () => undefined });
    await readyBecomes(server.url, 200);
    // The same message again (as the page retries it): it was not accepted during the outage, so it is handled now.
    const after = await client.send({ text: '1', messageId: 'during-outage' });
    expect(after.map((m) => m.text).join('\n')).toContain(server.app.renderer.text('fr', 'faq.answer.hours'));
    expect(after.map((m) => m.text).join('\n')).not.toContain(server.app.renderer.text('fr', 'errors.try_again'));
  }, 90_000);
});
