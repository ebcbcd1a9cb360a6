import path from 'node:path';
import { createNlu } from '../../src/nlu';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

// A real NLU trained on a small corpus in which "een laptop" is as much about lending as about donating,
// so the clarifying question is asked for a reason the test controls.
const fixture = path.join(__dirname, '..', 'fixtures', 'nlu-ambiguous');

describe('low confidence: one clarifying question, then a person', () => {
  let server: TestApp;
  const t = (key: string): string => server.app.renderer.text('nl', key);
  const outcome = async (name: string): Promise<number> => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`digipunt_question_outcomes_total{outcome="${name}",channel="webchat"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    const nlu = await createNlu({ dataDir: fixture, log: () => undefined });
    server = await startTestApp({ prefix: 'clarify', nlu, env: { NLU_DIR: fixture } });
  });

  afterAll(async () => {
    await server.close();
  });

  test('an ambiguous message gets the two likely topics as choices; picking one answers it', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    const asked = await client.say('een laptop');
    expect(asked[0]?.text).toBe(t('clarify.prompt'));
    expect(asked[0]?.choices?.map((c) => c.id).sort()).toEqual(['topic_donate_schedule', 'topic_loan_apply', 'topic_other', 'topic_person']);
    const before = await outcome('clarified');
    const answered = await client.choose('topic_loan_apply');
    expect(answered.map((m) => m.text).join('\n')).toContain(t('loan.intro').split('.')[0] as string);
    expect(await outcome('clarified')).toBe(before + 1);
  });

  test('a second miss in a row offers a person', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    expect((await client.say('een laptop'))[0]?.text).toBe(t('clarify.prompt'));
    const before = await outcome('failed');
    const second = await client.say('tjsa blub');
    expect(second.map((m) => m.text).join('\n')).toContain(t('handoff.offer'));
    expect(await outcome('failed')).toBe(before + 1);
  });

  test('a clear question is answered directly and counted so', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    const before = await outcome('answered');
    const replies = await client.say('wanneer zijn jullie open');
    expect(replies[0]?.text).toContain(t('faq.answer.hours').split('\n')[0]);
    expect(await outcome('answered')).toBe(before + 1);
  });
});
