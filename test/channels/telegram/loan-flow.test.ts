import { callbackUpdate, contactUpdate, textUpdate, type TelegramResident } from '../../fakes/telegram-updates';
import { testNlu } from '../../support/app';
import { TelegramBed } from './telegram-bed';

beforeAll(() => testNlu(), 180_000);

/**
 * The loan issue's whole application, end to end on Telegram: webhook updates in, inline keyboards and
 * answered callback queries out through telegraf and the fake Bot API; the phone is a shared contact.
 */
test('a resident applies for a laptop on Telegram and gets a DA- reference', async () => {
  const bed = await TelegramBed.start('webhook');
  try {
    const resident: TelegramResident = { id: 5151, firstName: 'Fatima' };
    let messageId = 0;
    const say = (text: string) => bed.deliver(textUpdate(resident, bed.nextUpdateId(), (messageId += 1), text));
    const tap = (choiceId: string) => bed.deliver(callbackUpdate(resident, bed.nextUpdateId(), bed.choiceData(resident, choiceId)));
    const t = (key: string): string => bed.server.app.renderer.text('nl', key);
    const texts = () => bed.take(resident).map((m) => m.text).join('\n');

    await say('/start');
    await tap('loan');
    expect(texts()).toContain(t('loan.ask_postcode'));
    await say('9300');
    await tap('yes');
    await tap('no');
    await say('ja');
    expect(texts()).toContain(t('eligibility.outcome.likely'));
    await tap('apply');
    await say('Fatima El Amrani');
    await say('Kerkstraat 12');
    expect(texts()).toContain(t('application.ask_phone'));
    await bed.deliver(contactUpdate(resident, bed.nextUpdateId(), (messageId += 1), '+32470123456'));
    await tap('skip');
    await tap('nl');
    await tap('chromebook');
    await tap('later');
    const summary = texts();
    expect(summary).toContain('Fatima El Amrani');
    expect(summary).toMatch(/\+32\s?470/);
    await tap('send');
    expect(texts()).toMatch(/DA-20\d\d-\d+/);
    expect(bed.fake.answeredCallbacks.length).toBeGreaterThanOrEqual(8);
  } finally {
    await bed.close();
  }
});
