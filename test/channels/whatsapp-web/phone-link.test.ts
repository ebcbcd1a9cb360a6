import { FakeWhatsAppNetwork } from '../../fakes/whatsapp-web-fake';
import { RESIDENT, WhatsAppWebBed, until } from './whatsapp-web-bed';
import { testNlu } from '../../support/app';

// The NLU is trained once per test file (and again when nlu/ changed): give it time before the first app.
beforeAll(() => testNlu(), 180_000);

const ADMIN = { email: 'admin@digipunt.test', password: 'a long admin passphrase' };

/** Logs an admin into the dashboard and returns the session cookie. */
async function adminCookie(bed: WhatsAppWebBed): Promise<string> {
  await bed.server.app.staff.accounts.create({ ...ADMIN, role: 'admin' }, new Date());
  const login = await fetch(`${bed.server.url}/staff/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(ADMIN).toString(),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const linkPage = async (bed: WhatsAppWebBed, cookie: string): Promise<string> => (await fetch(`${bed.server.url}/staff/whatsapp`, { headers: { cookie } })).text();
const t = (bed: WhatsAppWebBed, key: string): string => bed.server.app.renderer.text('nl', key);

describe('WhatsApp Web: linking the phone and keeping it linked', () => {
  let bed: WhatsAppWebBed | undefined;
  let other: WhatsAppWebBed | undefined;

  afterEach(async () => {
    await other?.close();
    await bed?.close();
    bed = other = undefined;
  });

  test('a hanging initialize() times out and is retried with growing waits; the QR code is printed and shown to admins; a scan links', async () => {
    const network = new FakeWhatsAppNetwork();
    network.planInitialize('hang', 'fail', 'ok');
    bed = await WhatsAppWebBed.start(network);
    await until(() => network.clients[2]?.state === 'waiting_for_scan');
    const [first, second, third] = network.clients.map((c) => c.createdAt) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(300 + 50 - 5); // the 300 ms timeout, then 50 ms
    expect(third - second).toBeGreaterThanOrEqual(100 - 5); // the wait doubled after the second failure
    expect(bed.printed.join('\n')).toMatch(/█{10,}/);

    const cookie = await adminCookie(bed);
    const waiting = await linkPage(bed, cookie);
    expect(waiting).toContain(t(bed, 'whatsapp_web.state.waiting_for_scan'));
    expect(waiting).toMatch(/<svg [^>]*aria-label="QR-code om WhatsApp te koppelen"/);

    network.scan();
    await until(async () => (await linkPage(bed as WhatsAppWebBed, cookie)).includes(t(bed as WhatsAppWebBed, 'whatsapp_web.state.linked')));
    expect(await linkPage(bed, cookie)).not.toContain('<svg');
    const agent = await fetch(`${bed.server.url}/staff/whatsapp`, { redirect: 'manual' });
    expect(agent.status).toBe(303);
  });

  test('after a disconnect a new client links again and residents are answered; after a logout a new QR code is printed', async () => {
    const network = new FakeWhatsAppNetwork();
    network.linked = true;
    bed = await WhatsAppWebBed.start(network);
    await until(() => network.readyClient() !== undefined);
    expect((await bed.say('hallo')).length).toBeGreaterThan(0);

    network.readyClient()?.dropConnection('NAVIGATION');
    expect(network.readyClient()).toBeUndefined();
    await until(() => network.readyClient() !== undefined);
    expect(network.clients).toHaveLength(2);
    const answer = await bed.say('3');
    expect(answer.map((m) => m.text).join('\n')).toContain(t(bed, 'faq.prompt'));

    const printedBefore = bed.printed.length;
    network.readyClient()?.dropConnection('LOGOUT');
    await until(() => network.clients[2]?.state === 'waiting_for_scan');
    await until(() => bed?.printed.length === printedBefore + 1);
  });

  test('messages sent while the assistant was down are answered after the restart, and none twice', async () => {
    const network = new FakeWhatsAppNetwork();
    network.linked = true;
    bed = await WhatsAppWebBed.start(network);
    await until(() => network.readyClient() !== undefined);
    await bed.say('hallo');
    const uri = bed.server.uri;
    await bed.close({ keepDatabase: true });
    bed = undefined;

    // While down: a message arrives (no client, no event), and the already answered greeting looks unread
    // too (as if the process stopped before marking it seen).
    network.residentSends(RESIDENT, '3');
    network.chatOf(RESIDENT).forEach((m) => (m.read = false));
    bed = await WhatsAppWebBed.start(network, { uri });
    await until(() => network.delivered.length > 0);
    await until(() => network.chatOf(RESIDENT).every((m) => m.read));
    const answered = network.takeDelivered(RESIDENT).join('\n');
    expect(answered).toContain(t(bed, 'faq.prompt'));
    expect(answered).not.toContain(t(bed, 'welcome.assistant_notice'));
  });

  test('one process holds the phone; another process\'s proactive sends go out through it; when it stops, the other takes over', async () => {
    const network = new FakeWhatsAppNetwork();
    network.linked = true;
    bed = await WhatsAppWebBed.start(network);
    await until(() => network.readyClient() !== undefined);
    other = await WhatsAppWebBed.start(network, { uri: bed.server.uri });
    // The second process keeps trying (every third of the lease) and never gets the phone.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(network.clients).toHaveLength(1);

    const address = { channel: 'whatsapp-web', conversationId: RESIDENT, userId: RESIDENT };
    await other.server.app.channels.send(address, [other.server.app.renderer.message('nl', ['common.thanks_reply'])]);
    await until(() => network.delivered.some((d) => d.text === t(bed as WhatsAppWebBed, 'common.thanks_reply')));

    await bed.close({ keepDatabase: true });
    bed = undefined;
    await until(() => network.readyClient() !== undefined);
    expect(network.clients).toHaveLength(2);
    expect((await other.say('hallo')).length).toBeGreaterThan(0);
  });

  test('a photo gets the polite note that documents are shown in person, then the open question again', async () => {
    const network = new FakeWhatsAppNetwork();
    network.linked = true;
    bed = await WhatsAppWebBed.start(network);
    await until(() => network.readyClient() !== undefined);
    await bed.say('hallo');
    const seen = await bed.say('', { hasMedia: true });
    expect(seen[0]?.text).toBe(t(bed, 'channel.media_not_stored'));
    expect(seen[seen.length - 1]?.choices).toHaveLength(5);
  });
});
