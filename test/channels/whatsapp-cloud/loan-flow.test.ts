import { testNlu } from '../../support/app';
import { CloudBed } from './cloud-bed';

beforeAll(() => testNlu(), 180_000);

/**
 * The loan issue's whole application, end to end on WhatsApp (Cloud API): signed webhooks in, reply
 * buttons and lists out through the fake Graph API; the number WhatsApp gives is offered and accepted.
 */
test('a resident applies for a laptop on WhatsApp and gets a DA- reference', async () => {
  const bed = await CloudBed.start();
  try {
    const waId = '32470123456';
    let n = 0;
    const id = () => `wamid.loan${(n += 1)}`;
    const t = (key: string): string => bed.server.app.renderer.text('nl', key);
    const last = () => bed.fake.sentTo(waId).slice(-1)[0];
    const texts = () => bed.take(waId).map((m) => m.text).join('\n');

    await bed.say(waId, id(), 'hallo');
    expect(last()?.interactive?.type).toBe('list');
    await bed.tapId(waId, 'loan', id());
    expect(texts()).toContain(t('loan.ask_postcode'));
    await bed.say(waId, id(), '9300');
    expect(last()?.interactive?.type).toBe('button');
    await bed.tapId(waId, 'yes', id());
    await bed.tapId(waId, 'no', id());
    expect(texts()).toContain(t('eligibility.ask_training'));
    await bed.say(waId, id(), 'ja');
    expect(texts()).toContain(t('eligibility.outcome.likely'));
    await bed.tapId(waId, 'apply', id());
    expect(texts()).toContain(t('application.ask_name'));
    await bed.say(waId, id(), 'Fatima El Amrani');
    await bed.say(waId, id(), 'Kerkstraat 12');
    // No phone question: the number WhatsApp gave is offered for confirmation, as yes / no buttons.
    expect(last()?.interactive?.body.text).toMatch(/470/);
    await bed.tapId(waId, 'yes', id());
    await bed.tapId(waId, 'skip', id());
    await bed.tapId(waId, 'nl', id());
    await bed.tapId(waId, 'chromebook', id());
    await bed.tapId(waId, 'later', id());
    const summary = texts();
    expect(summary).toContain('Fatima El Amrani');
    expect(summary).toMatch(/\+32\s?470/);
    expect(last()?.interactive?.type).toBe('list');
    await bed.tapId(waId, 'send', id());
    const done = texts();
    expect(done).toMatch(/DA-20\d\d-\d+/);
    expect(bed.fake.rejected).toEqual([]);
  } finally {
    await bed.close();
  }
});
