import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { APP_ID, BOT_TOKEN, CONVERSATION, TeamsBed } from './teams-bed';
import { testNlu } from '../../support/app';

// The NLU is trained once per test file (and again when nlu/ changed): give it time before the first app.
beforeAll(() => testNlu(), 180_000);

const ADDRESS = { channel: 'teams', conversationId: CONVERSATION, userId: 'aad-resident' };

/** A pino logger whose lines the test can read. */
function capturedLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString('utf8')); done(); } });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('Teams residents without an app id (Bot Framework Emulator)', () => {
  let bed: TeamsBed;
  const { logger, lines } = capturedLogger();

  beforeAll(async () => {
    bed = await TeamsBed.start({ logger });
  }, 120_000);

  afterAll(async () => {
    await bed.close();
  });

  const t = (key: string): string => bed.server.app.renderer.text('nl', key);

  test('start-up says the channel is on and that authentication is off', () => {
    const log = lines.join('');
    expect(log).toContain('channel Microsoft Teams (residents) is on at /api/messages');
    expect(log).toContain('authentication is OFF');
  });

  test('replies go to /v3/conversations/{id}/activities/{replyToId}; choices are Adaptive Card Action.Submit buttons', async () => {
    const join = bed.activity({ type: 'conversationUpdate', membersAdded: [{ id: '29:resident' }] });
    expect(await bed.post(join)).toBe(200);
    const greeting = bed.take();
    expect(greeting.replyTo.every((id) => id === join.id)).toBe(true);
    const menu = greeting.activities[greeting.activities.length - 1];
    const card = menu?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const actions = (card?.content as { actions: Array<{ type: string; data: { choiceId: string } }> }).actions;
    expect(actions).toHaveLength(5);
    expect(actions.every((a) => a.type === 'Action.Submit' && a.data.choiceId.length > 0)).toBe(true);
    expect(greeting.activities[0]?.textFormat).toBe('plain');

    const tap = bed.activity({ type: 'message', value: { choiceId: actions[2]?.data.choiceId } });
    expect(await bed.post(tap)).toBe(200);
    const answer = bed.take();
    expect(answer.replyTo).toEqual(answer.activities.map(() => tap.id));
    expect(answer.seen.map((m) => m.text).join('\n')).toContain(t('faq.prompt'));
  });

  test('a photo gets the note that documents are shown in person', async () => {
    expect(await bed.post(bed.activity({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: `${bed.connector.url}/photo.png` }] }))).toBe(200);
    expect(bed.take().seen[0]?.text).toBe(t('channel.media_not_stored'));
  });

  test('a throttled proactive send (429, Retry-After) is tried again; after a 403 the conversation is marked gone until the resident writes again', async () => {
    const message = bed.server.app.renderer.message('nl', ['common.thanks_reply']);
    bed.connector.failNext(429, { times: 2, retryAfter: 1, conversationId: CONVERSATION });
    const started = Date.now();
    await bed.server.app.channels.send(ADDRESS, [message]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(bed.take().seen.map((m) => m.text)).toEqual([t('common.thanks_reply')]);

    bed.connector.failNext(403, { conversationId: CONVERSATION });
    await expect(bed.server.app.channels.send(ADDRESS, [message])).rejects.toThrow(/not reachable \(gone\)/);
    const callsBefore = bed.connector.calls.length;
    await expect(bed.server.app.channels.send(ADDRESS, [message])).rejects.toThrow(/not reachable/);
    expect(bed.connector.calls.length).toBe(callsBefore);

    expect(await bed.post(bed.activity({ type: 'message', text: 'hallo' }))).toBe(200);
    bed.take();
    await bed.server.app.channels.send(ADDRESS, [message]);
    expect(bed.take().seen.map((m) => m.text)).toEqual([t('common.thanks_reply')]);
  });

  test('a send that stays throttled gives up after a few tries with the 429', async () => {
    bed.connector.failNext(429, { times: 50, retryAfter: 1, conversationId: CONVERSATION });
    await expect(bed.server.app.channels.send(ADDRESS, [bed.server.app.renderer.message('nl', ['common.thanks_reply'])])).rejects.toMatchObject({ statusCode: 429 });
    expect(bed.take().activities).toEqual([]);
    bed.connector.clearFailures();
  }, 60_000);
});

describe('Teams residents with an app id: every request needs a valid Bot Connector JWT', () => {
  let bed: TeamsBed;

  beforeAll(async () => {
    bed = await TeamsBed.start({ appId: APP_ID });
    // botbuilder prints rejected tokens with console.error; the 401 is what the tests check.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await bed.close();
  });

  const claims = (activity: Record<string, unknown>): Record<string, unknown> => ({ aud: APP_ID, serviceurl: activity.serviceUrl });
  const conversations = (): Promise<number> => bed.server.app.connection.collection('conversations').countDocuments();

  test.each([
    ['no Authorization header', () => undefined],
    ['a token signed with another key', (a: Record<string, unknown>) => `Bearer ${bed.connector.token(claims(a), { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })}`],
    ['a token for another bot', (a: Record<string, unknown>) => `Bearer ${bed.connector.token({ ...claims(a), aud: 'another-app' })}`],
    ['an expired token', (a: Record<string, unknown>) => `Bearer ${bed.connector.token(claims(a), { expiresInSeconds: -3600 })}`],
    ['a token for another service URL', (a: Record<string, unknown>) => `Bearer ${bed.connector.token({ ...claims(a), serviceurl: 'https://smba.example.test/' })}`],
  ])('%s is rejected with 401 and nothing is processed', async (_name, authorization) => {
    const activity = bed.activity({ type: 'message', text: 'hallo' });
    expect(await bed.post(activity, authorization(activity))).toBe(401);
    expect(bed.take().activities).toEqual([]);
    expect(await conversations()).toBe(0);
  });

  test('a valid token is accepted, and the replies carry the bot\'s own token', async () => {
    const activity = bed.activity({ type: 'message', text: 'hallo' });
    expect(await bed.post(activity, `Bearer ${bed.connector.token(claims(activity))}`)).toBe(200);
    const calls = bed.connector.callsTo(CONVERSATION);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
    expect(await conversations()).toBe(1);
  });
});
