import { imageMessage, notification, status, templateButton } from '../../fakes/whatsapp-cloud-notifications';
import { testNlu } from '../../support/app';
import { CLOUD, CloudBed } from './cloud-bed';

beforeAll(() => testNlu(), 180_000);

const HOUR = 60 * 60 * 1000;

describe('WhatsApp Cloud API webhook and sending', () => {
  let bed: CloudBed;
  let now = new Date('2026-03-02T09:00:00Z');
  let residents = 0;
  let ids = 0;
  const newResident = (): string => `3247000${String((residents += 1)).padStart(4, '0')}`;
  const id = (): string => `wamid.test${(ids += 1)}`;
  const t = (key: string, values?: Record<string, string | number>): string => bed.server.app.renderer.text('nl', key, values);

  beforeAll(async () => {
    bed = await CloudBed.start({ clock: () => now });
  });
  afterAll(() => bed.close());

  test('GET answers the verification challenge only with the right verify token', async () => {
    const url = (token: string) => `${bed.webhookUrl}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const right = await fetch(url(CLOUD.verifyToken));
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('1158201444');
    expect((await fetch(url('wrong'))).status).toBe(403);
  });

  test('a wrong, missing or tampered signature is rejected with 401 and nothing is processed', async () => {
    const other = newResident();
    const otherId = id();
    const body = JSON.stringify(notification(CLOUD.phoneNumberId, { messages: [{ from: other, id: otherId, type: 'text', text: { body: 'hallo' } }] }));
    expect(await bed.deliver([{ from: other, id: otherId, type: 'text', text: { body: 'hallo' } }], 'sha256=0000')).toBe(401);
    expect(await bed.deliver([{ from: other, id: otherId, type: 'text', text: { body: 'hallo' } }], null)).toBe(401);
    const tampered = await fetch(bed.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=' + 'ab'.repeat(32) }, body });
    expect(tampered.status).toBe(401);
    expect(bed.take(other)).toEqual([]);
    // Nothing was recorded: the genuine delivery of the same message id still gets its answer.
    expect(await bed.say(other, otherId, 'hallo')).toBe(200);
    expect(bed.take(other).map((m) => m.text).join('\n')).toContain(t('welcome.assistant_notice'));
  });

  test('the menu is a list with the list button text; a Meta retry of a message sends nothing again', async () => {
    const waId = newResident();
    const messageId = id();
    await bed.say(waId, messageId, 'hallo');
    const sent = bed.fake.sentTo(waId);
    const menu = sent[sent.length - 1]?.interactive;
    expect(menu?.type).toBe('list');
    expect(menu?.action.button).toBe(t('channel.list_button'));
    expect(await bed.say(waId, messageId, 'hallo')).toBe(200);
    expect(bed.fake.sentTo(waId)).toHaveLength(sent.length);
  });

  test('status callbacks are acknowledged and ignored', async () => {
    const before = bed.fake.received.length;
    const status200 = await bed.fake.notify(bed.webhookUrl, notification(CLOUD.phoneNumberId, { statuses: [status('32470000099', 'wamid.out1', 'delivered')] }), CLOUD.appSecret);
    expect(status200).toBe(200);
    expect(bed.fake.received).toHaveLength(before);
  });

  test('a photo gets the note that documents are shown in person, then the conversation goes on', async () => {
    const waId = newResident();
    await bed.say(waId, id(), 'hallo');
    bed.take(waId);
    expect(await bed.deliver([imageMessage(waId, id())])).toBe(200);
    const seen = bed.take(waId);
    expect(seen[0]?.text).toBe(t('channel.media_not_stored'));
    expect(seen.length).toBeGreaterThan(1);
  });

  test('within 24 hours a proactive message is free text; after that it is the configured template', async () => {
    const waId = newResident();
    await bed.say(waId, id(), 'hallo');
    bed.take(waId);
    const address = { channel: 'whatsapp-cloud', conversationId: waId, userId: waId };
    const reminder = bed.server.app.renderer.message('nl', ['common.thanks_reply'], {}, { choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nee' }] });
    now = new Date(now.getTime() + 23 * HOUR);
    await bed.server.app.channels.send(address, [reminder]);
    expect(bed.fake.sentTo(waId).pop()).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
    now = new Date(now.getTime() + 2 * HOUR);
    await bed.server.app.channels.send(address, [reminder]);
    expect(bed.fake.sentTo(waId).pop()).toEqual(expect.objectContaining({
      type: 'template',
      template: { name: 'digipunt_bericht', language: { code: 'nl' }, components: [{ type: 'body', parameters: [{ type: 'text', text: `${t('common.thanks_reply')} · 1. Ja · 2. Nee` }] }] },
    }));
    // Decided by our own record of the window: WhatsApp never had to refuse free text.
    expect(bed.fake.rejected.filter((r) => r.to === waId)).toEqual([]);
    // The template's reply button brings the resident back: the window opens again and the question is asked again.
    expect(await bed.deliver([templateButton(waId, id())])).toBe(200);
    expect(bed.take(waId).length).toBeGreaterThan(0);
  });

  test('the window record is listed on "what do you keep" and erased with the rest, after which only the template is used', async () => {
    const waId = newResident();
    await bed.say(waId, id(), 'hallo');
    bed.take(waId);
    await bed.say(waId, id(), 'wat bewaren jullie over mij?');
    expect(bed.take(waId).map((m) => m.text).join('\n')).toContain(t('channel.holder.whatsapp_window'));
    await bed.say(waId, id(), 'wis mijn gegevens');
    await bed.tapId(waId, 'yes', id());
    expect(bed.take(waId).map((m) => m.text).join('\n')).toContain(t('privacy.erased'));
    // Erased means we no longer know when the resident last wrote: nothing but the template may go out.
    const erasedAt = bed.fake.sentTo(waId).length;
    await bed.server.app.channels.send({ channel: 'whatsapp-cloud', conversationId: waId, userId: waId }, [bed.server.app.renderer.message('nl', ['common.thanks_reply'])]);
    expect(bed.fake.sentTo(waId).slice(erasedAt).map((m) => m.type)).toEqual(['template']);
  });

  test('when WhatsApp says the window closed (131047), the template is sent instead', async () => {
    const waId = newResident();
    await bed.say(waId, id(), 'hallo');
    bed.fake.failNext(400, 131047);
    await bed.server.app.channels.send({ channel: 'whatsapp-cloud', conversationId: waId, userId: waId }, [bed.server.app.renderer.message('nl', ['common.thanks_reply'])]);
    expect(bed.fake.sentTo(waId).pop()?.type).toBe('template');
  });

  test('a Graph API server error is retried', async () => {
    const waId = newResident();
    bed.fake.failNext(500, 2);
    await bed.say(waId, id(), 'hallo');
    expect(bed.take(waId).map((m) => m.text).join('\n')).toContain(t('welcome.assistant_notice'));
  });
});

describe('WhatsApp Cloud API access token', () => {
  test('a token Meta refuses (190) sends nothing; the webhook still acknowledges so Meta does not retry in vain', async () => {
    const bed = await CloudBed.start({ env: { WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAG-expired-token' } });
    try {
      expect(await bed.say('32470009999', 'wamid.token1', 'hallo')).toBe(200);
      expect(bed.fake.received).toEqual([]);
      expect(bed.fake.rejected.map((r) => r.code)).toEqual([190]);
    } finally {
      await bed.close();
    }
  });
});
