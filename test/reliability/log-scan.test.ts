import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from '../../src/core/logger';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

const NAME = 'Jan Peeters';
const PHONE_TYPED = '0470 12 34 56';
const PHONE_FORMS = ['0470 12 34 56', '0470123456', '+32470123456', '470123456'];
const EMAIL = 'jan.peeters@example.be';

describe('logs and metrics carry no personal data', () => {
  let captured = '';
  let server: TestApp;

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => { captured += chunk.toString(); done(); } });
    const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    server = await startTestApp({ prefix: 'log_scan', logger });
  });

  afterAll(async () => {
    await server.close();
  });

  test('a conversation full of a name, a phone number and an e-mail address leaves none of them in logs or metrics, even at debug level', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    await client.say(`Hallo, ik ben ${NAME}, bel me op ${PHONE_TYPED} of mail ${EMAIL}`);
    await client.say(`mijn nummer is ${PHONE_TYPED}`);
    await client.post({ text: `${NAME} ${PHONE_TYPED}`, messageId: 'not valid because of spaces' });
    await client.post({ text: NAME }, 'wrong-token');
    await fetch(`${server.url}/api/nlu`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `${NAME} ${EMAIL}` }) });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(captured.length).toBeGreaterThan(0);
    for (const secret of [NAME, EMAIL, ...PHONE_FORMS, 'bel me op', 'mijn nummer is']) {
      expect(captured).not.toContain(secret);
      expect(metrics).not.toContain(secret);
    }
  });
});
