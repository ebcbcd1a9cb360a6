import path from 'node:path';
import type { Nlu } from '../../src/core/nlu';
import { createNlu } from '../../src/nlu';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';

// A real NLU trained on a small corpus in which "een laptop" is as much about lending as about donating,
// so the clarifying question is asked for a reason the test controls.
const fixture = path.join(__dirname, '..', 'fixtures', 'nlu-ambiguous');

const CANDIDATES = ['een laptop', 'laptop aub', 'ik wil iets met een laptop', 'laptop', 'computer'];

/** The first phrase the fixture NLU finds ambiguous between lending and donating (engine changes move scores). */
function ambiguousPhrase(nlu: Nlu, topicThreshold: number): string {
  const found = CANDIDATES.find((text) => {
    const u = nlu.understand(text, 'nl');
    const top2 = [u.intent, u.alternatives[0]?.intent].sort().join(',');
    return u.score < topicThreshold && top2 === 'donate_schedule,loan_apply';
  });
  if (!found) throw new Error('the fixture corpus no longer makes any candidate phrase ambiguous: adjust test/fixtures/nlu-ambiguous');
  return found;
}

/** A Dutch-looking message that the fixture NLU does not understand at all (a second miss). */
function meaningless(nlu: Nlu, topicThreshold: number): string {
  const found = ['blub', 'hmm', 'tjsa', 'mwa blub'].find((text) => {
    const u = nlu.understand(text, 'nl');
    return u.score < topicThreshold && (u.detected.code === null || u.detected.code === 'nl');
  });
  if (!found) throw new Error('no meaningless phrase left for the fixture NLU');
  return found;
}

describe('low confidence: one clarifying question, then a person', () => {
  let server: TestApp;
  let phrase: string;
  let nonsense: string;
  const t = (key: string): string => server.app.renderer.text('nl', key);
  const outcome = async (name: string): Promise<number> => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`digipunt_question_outcomes_total{outcome="${name}",channel="webchat"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    const nlu = await createNlu({ dataDir: fixture, log: () => undefined });
    server = await startTestApp({ prefix: 'clarify', nlu, env: { NLU_DIR: fixture } });
    phrase = ambiguousPhrase(nlu, 0.6);
    nonsense = meaningless(nlu, 0.6);
  });

  afterAll(async () => {
    await server.close();
  });

  test('an ambiguous message gets the two likely topics as choices; picking one answers it', async () => {
    const client = new WebChatClient(server.url);
    await client.open();
    const asked = await client.say(phrase);
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
    expect((await client.say(phrase))[0]?.text).toBe(t('clarify.prompt'));
    const before = await outcome('failed');
    const second = await client.say(nonsense);
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
