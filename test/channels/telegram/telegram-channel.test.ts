import { callbackUpdate, groupTextUpdate, photoUpdate, textUpdate, type TelegramResident } from '../../fakes/telegram-updates';
import { testNlu } from '../../support/app';
import { telegramOptions } from '../../../src/channels/telegram/telegram-options';
import { loadConfig } from '../../../src/config';
import { BOT_TOKEN, TelegramBed, WEBHOOK_SECRET } from './telegram-bed';

beforeAll(() => testNlu(), 180_000);

describe('Telegram webhook mode', () => {
  let bed: TelegramBed;
  let residents = 0;
  const newResident = (languageCode?: string): TelegramResident => ({ id: 9000 + (residents += 1), firstName: 'Resident', ...(languageCode ? { languageCode } : {}) });
  const t = (lng: 'nl' | 'fr' | 'en' | 'tr' | 'ar' | 'uk', key: string): string => bed.server.app.renderer.text(lng, key);
  const texts = (r: TelegramResident): string => bed.take(r).map((m) => m.text).join('\n');

  beforeAll(async () => {
    bed = await TelegramBed.start('webhook');
  });
  afterAll(() => bed.close());

  test('start registers the webhook with the secret token and only the updates the channel answers', () => {
    expect(bed.fake.webhook).toEqual({ url: 'https://assistant.example.test/webhooks/telegram', secretToken: WEBHOOK_SECRET, allowedUpdates: ['message', 'callback_query'] });
  });

  test('a wrong or missing secret token is rejected with 401 and the update is not processed', async () => {
    const resident = newResident();
    const update = textUpdate(resident, bed.nextUpdateId(), 1, '/start');
    expect(await bed.deliver(update, 'wrong-secret-0123456789')).toBe(401);
    expect(await bed.deliver(update, null)).toBe(401);
    expect(bed.take(resident)).toEqual([]);
    // Not even recorded as seen: the genuine delivery of the same update gets its full answer.
    expect(await bed.deliver(update)).toBe(200);
    expect(texts(resident)).toContain(t('nl', 'welcome.assistant_notice'));
  });

  test('/start with a language parameter greets in that language', async () => {
    const resident = newResident();
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, '/start fr'));
    expect(texts(resident)).toContain(t('fr', 'welcome.assistant_notice'));
  });

  test('/lang shows the six languages; a tap switches and the callback query is answered', async () => {
    const resident = newResident('tr');
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, '/start'));
    bed.take(resident);
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 2, '/lang'));
    const [picker] = bed.take(resident);
    expect(picker?.text).toBe(t('tr', 'channel.choose_language'));
    expect(picker?.choices).toEqual(['Nederlands', 'Français', 'English', 'Türkçe', 'العربية', 'Українська']);
    const tap = callbackUpdate(resident, bed.nextUpdateId(), bed.buttonData(resident, 5));
    await bed.deliver(tap);
    expect(texts(resident)).toContain(t('uk', 'language.changed'));
    expect(bed.fake.answeredCallbacks).toContain(`cb-${tap.update_id}`);
  });

  test('/lang with a language switches at once', async () => {
    const resident = newResident();
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, '/start'));
    bed.take(resident);
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 2, '/lang en'));
    expect(texts(resident)).toContain(t('en', 'language.changed'));
  });

  test('a photo gets the note that documents are shown in person, then the conversation goes on', async () => {
    const resident = newResident();
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, '/start'));
    const menu = bed.take(resident).pop();
    await bed.deliver(photoUpdate(resident, bed.nextUpdateId(), 2));
    const seen = bed.take(resident);
    expect(seen[0]?.text).toBe(t('nl', 'channel.media_not_stored'));
    expect(seen[seen.length - 1]).toEqual(menu);
  });

  test('a group chat is not answered', async () => {
    const resident = newResident();
    expect(await bed.deliver(groupTextUpdate(resident, bed.nextUpdateId(), 'hallo'))).toBe(200);
    expect(bed.fake.sent.filter((m) => m.chatId === '-100123')).toEqual([]);
  });

  test('flood control (429 with retry_after) is waited out and the message still arrives', async () => {
    const resident = newResident();
    bed.fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    await bed.deliver(textUpdate(resident, bed.nextUpdateId(), 1, '/start'));
    expect(texts(resident)).toContain(t('nl', 'welcome.assistant_notice'));
  });
});

describe('Telegram long-polling mode and tokens', () => {
  test('polling removes the webhook first, and stops asking for updates when the app closes', async () => {
    const bed = await TelegramBed.start('polling');
    const methods = bed.fake.calls.map((c) => c.method);
    expect(methods.indexOf('deleteWebhook')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
    await bed.server.app.close();
    const polls = bed.fake.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bed.fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
    await bed.fake.close();
  });

  test('a bot token Telegram rejects stops start-up', async () => {
    await expect(TelegramBed.start('webhook', { env: { TELEGRAM_BOT_TOKEN: '111:wrong-token' } })).rejects.toThrow(/401|Unauthorized/);
  });

  test('the channel is off without a token; webhook mode without its secret or PUBLIC_URL is a configuration error', () => {
    const config = (env: NodeJS.ProcessEnv) => telegramOptions(loadConfig({ TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, PUBLIC_URL: 'https://a.example', ...env }));
    expect(telegramOptions(loadConfig({}))).toBeUndefined();
    expect(config({})).toMatchObject({ mode: 'webhook', webhookUrl: 'https://a.example/webhooks/telegram' });
    expect(config({ TELEGRAM_MODE: 'polling', TELEGRAM_WEBHOOK_SECRET: '', PUBLIC_URL: '' })).toMatchObject({ mode: 'polling' });
    expect(() => config({ TELEGRAM_WEBHOOK_SECRET: '' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => config({ PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 'not-a-token' })).toThrow(/TELEGRAM_BOT_TOKEN/);
  });
});
