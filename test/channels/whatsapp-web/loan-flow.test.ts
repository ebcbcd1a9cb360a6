import type { SeenMessage } from '../../contract/channel-contract';
import { FakeWhatsAppNetwork } from '../../fakes/whatsapp-web-fake';
import { testNlu } from '../../support/app';
import { WhatsAppWebBed, until } from './whatsapp-web-bed';

beforeAll(() => testNlu(), 180_000);

/**
 * The loan issue's whole application, end to end on WhatsApp Web: every question answered by typing
 * a number or words, as residents do there; the number of the chat is offered for confirmation.
 */
test('a resident applies for a laptop on WhatsApp Web and gets a DA- reference; the chat\'s number is offered', async () => {
  const network = new FakeWhatsAppNetwork();
  network.linked = true;
  const bed = await WhatsAppWebBed.start(network);
  try {
    await until(() => network.readyClient() !== undefined);
    const t = (key: string): string => bed.server.app.renderer.text('nl', key);
    let last: SeenMessage[] = [];
    const say = async (text: string): Promise<string> => {
      last = await bed.say(text);
      return last.map((m) => m.text).join('\n');
    };
    /** Types the number of the line that shows this label, as a resident reading the list would. */
    const choose = (label: string): Promise<string> => {
      const index = last[last.length - 1]?.choices.indexOf(label) ?? -1;
      if (index < 0) throw new Error(`no choice "${label}" in ${JSON.stringify(last)}`);
      return say(String(index + 1));
    };

    expect(await say('hallo')).toContain(t('welcome.assistant_notice'));
    expect(await choose(t('menu.choice.loan'))).toContain(t('loan.ask_postcode'));
    expect(await say('9300')).toContain(t('eligibility.ask_support'));
    await choose(t('common.choice.yes'));
    await choose(t('common.choice.no'));
    expect(await say('ja')).toContain(t('eligibility.outcome.likely'));
    expect(await say('1')).toContain(t('application.ask_name'));
    await say('Fatima El Amrani');
    const confirm = await say('Kerkstraat 12');
    expect(confirm).toMatch(/\+32\s?470\s?12\s?34\s?56/);
    expect(await say('ja')).toContain(t('application.ask_email'));
    expect(await say('fatima@example.org')).toContain(t('application.ask_language'));
    await choose(t('language.name.nl'));
    await choose(t('application.device.chromebook'));
    const summary = await choose(t('application.training_later'));
    expect(summary).toContain('Fatima El Amrani');
    expect(summary).toMatch(/\+32\s?470/);
    expect(await choose(t('application.choice.send'))).toMatch(/DA-20\d\d-\d{6}/);
    const stored = await bed.server.app.connection.collection('loan_applications').findOne({});
    expect(stored).toMatchObject({ address: { channel: 'whatsapp-web', conversationId: '32470123456@c.us' } });
  } finally {
    await bed.close();
  }
});
