import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { App } from '../../src/main';
import { startTestApp, type TestApp } from '../support/app';

const now = new Date('2027-01-10T10:00:00Z');

/** A copy of content/ with two sessions (the first has one place) and the rules widened to Ninove (9400). */
function testContent(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-content-'));
  const source = loadConfig({}).paths.content;
  for (const file of fs.readdirSync(source)) fs.copyFileSync(path.join(source, file), path.join(dir, file));
  fs.writeFileSync(path.join(dir, 'training-sessions.yaml'), `sessions:
  - { id: one-place, start: "2027-03-01T09:30:00+01:00", place: "Ligo Aalst", language: nl, capacity: 1 }
  - { id: roomy, start: "2027-03-08T09:30:00+01:00", place: "Ligo Aalst", language: nl, capacity: 5 }
`);
  const rules = path.join(dir, 'eligibility-rules.yaml');
  fs.writeFileSync(rules, fs.readFileSync(rules, 'utf8').replace('"9320"]', '"9320", "9400"]'));
  return dir;
}

/** A resident on a channel that gives their phone number (as WhatsApp does), talking to the core directly. */
class Resident {
  private count = 0;
  constructor(private readonly app: App, private readonly userId: string, private readonly phone?: string) {}

  async say(message?: string | { choice: string }): Promise<string> {
    this.count += 1;
    const result = await this.app.turns.handle({
      address: { channel: 'test', conversationId: `conv-${this.userId}`, userId: this.userId },
      messageId: `${this.userId}-${this.count}`,
      ...(typeof message === 'string' ? { text: message } : message ? { choiceId: message.choice } : {}),
      ...(this.phone ? { contact: { phone: this.phone } } : {}),
      receivedAt: now,
    });
    return result.replies.map((r) => `${r.text}${r.choices ? ` [${r.choices.map((c) => `${c.id}: ${c.label}`).join(' | ')}]` : ''}`).join('\n---\n');
  }

  /** Pre-screen (likely) and the application up to the training question. */
  async applyUntilTraining(name: string): Promise<string> {
    for (const answer of [undefined, '1', '9400', '1', '2', '1', '1', name, 'Kerkstraat 1']) await this.say(answer);
    if (!this.phone) await this.say('0470 12 34 56');
    else await this.say('ja');
    for (const answer of [{ choice: 'skip' }, '1']) await this.say(answer);
    return this.say('1');
  }
}

describe('loan conversations against staff data in content/ (rules, training sessions)', () => {
  let server: TestApp;
  const t = (key: string, values?: Record<string, string | number>): string => server.app.renderer.text('nl', key, values);

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'loan_conv', clock: () => now, env: { CONTENT_DIR: testContent() } });
  }, 120_000);

  afterAll(() => server.close());

  test('a postcode added to the rules file makes the resident likely eligible, without code changes', async () => {
    const resident = new Resident(server.app, 'ninove');
    await resident.say();
    await resident.say('1');
    expect(await resident.say('9400')).toContain(t('eligibility.ask_support'));
  });

  test('the channel\'s phone number is offered for confirmation and used only after "yes"', async () => {
    const resident = new Resident(server.app, 'whatsapp-user', '+32 470 55 44 33');
    for (const answer of [undefined, '1', '9300', '1', '2', '1', '1', 'Els Claes']) await resident.say(answer);
    expect(await resident.say('Molenstraat 3')).toContain(t('application.confirm_phone', { phone_offered: '+32470554433' }));
    expect(await resident.say('ja')).toContain(t('application.ask_email'));
  });

  test('two residents confirm the last place of a session at once: one gets it, the other is asked to choose again', async () => {
    const [a, b] = [new Resident(server.app, 'race-a'), new Resident(server.app, 'race-b')];
    const offered = await Promise.all([a.applyUntilTraining('An'), b.applyUntilTraining('Bo')]);
    offered.forEach((text) => expect(text).toContain('Ligo Aalst'));
    await Promise.all([a.say({ choice: 'one-place' }), b.say({ choice: 'one-place' })]);
    const sent = await Promise.all([a.say({ choice: 'send' }), b.say({ choice: 'send' })]);
    const full = sent.filter((text) => text.includes(t('application.session_full')));
    expect(full).toHaveLength(1);
    expect(sent.filter((text) => text.includes(t('application.next_steps')))).toHaveLength(1);
    const loser = sent[0]?.includes(t('application.session_full')) ? a : b;
    expect(full[0]).not.toContain('one-place');
    await loser.say({ choice: 'roomy' });
    expect(await loser.say({ choice: 'send' })).toContain(t('application.next_steps'));
  });

  test('status by reference and phone from another conversation; the training moment is moved, then cancelled', async () => {
    const owner = new Resident(server.app, 'owner');
    await owner.applyUntilTraining('Dirk');
    await owner.say({ choice: 'roomy' });
    const reference = /DA-\d{4}-\d{6}/.exec(await owner.say({ choice: 'send' }))?.[0] as string;
    const other = new Resident(server.app, 'other-phone');
    await other.say();
    expect(await other.say('waar staat mijn aanvraag?')).toContain(t('application.ask_reference'));
    expect(await other.say(reference)).toContain(t('application.ask_lookup_phone'));
    expect(await other.say('0499 99 99 99')).toContain(t('application.not_found'));
    await other.say({ choice: 'try_again' });
    await other.say(reference.toLowerCase());
    const status = await other.say('0470 12 34 56');
    expect(status).toContain(t('application.status.submitted', { reference }));
    expect(status).toContain('Ligo Aalst');
    expect(await other.say({ choice: 'training' })).toContain(t('application.ask_training_change'));
    await other.say({ choice: 'cancel' });
    const places = await server.app.connection.collection('claims').countDocuments({ scope: 'training-roomy' });
    expect(places).toBe(1);
    expect(await other.say({ choice: 'training' })).toContain(t('application.ask_training'));
    expect(await other.say({ choice: 'roomy' })).toContain(t('application.training_changed'));
    expect(await server.app.connection.collection('claims').countDocuments({ scope: 'training-roomy' })).toBe(2);
  });
});
