import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { WebChatStore } from '../../src/channels/webchat/webchat-store';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { pdfText } from './pdf-text';

const now = new Date('2026-11-27T09:00:00Z');
const PUBLIC_URL = 'https://chat.digipunt.test';
const SERIALS = ['PF1ABC23', 'DL9XYZ88', 'HP7QRS01'];
const mails: string[] = [];
let smtp: SMTPServer;
let server: TestApp;
let token = '';

function api(method: string, path: string, body?: unknown, auth = token): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** The base64 PDF attachment of a raw MIME message, decoded. */
function attachedPdf(raw: string): Buffer {
  const match = /Content-Type: application\/pdf[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n(?:--|\r\n)/.exec(raw);
  return Buffer.from(match?.[1]?.replace(/\s/g, '') ?? '', 'base64');
}

/** A company books a drop-off of 3 laptops with a certificate, in the chat, and gives an e-mail address. */
async function bookDropOff(client: WebChatClient): Promise<string> {
  await client.open();
  for (const answer of ['2', '1', '1', 'Brouwerij De Hop', 'BE0202239951', '3', '0', '1', '1']) await client.say(answer);
  await client.choose('yes');
  const done = await client.say('info@dehop.test');
  return /DO-\d{4}-\d{6}/.exec(done.map((m) => m.text).join(' '))?.[0] ?? '';
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  server = await startTestApp({ prefix: 'donation_intake', clock: () => now, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Digipunt <digipunt@example.test>', PUBLIC_URL } });
  await server.app.staff.accounts.create({ email: 'an@digipunt.test', role: 'agent', password: 'a long test password' }, now);
  const login = await api('POST', '/api/staff/session', { email: 'an@digipunt.test', password: 'a long test password' }, '');
  token = ((await login.json()) as { token: string }).token;
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('intake and the data-wipe certificate', () => {
  test('the intake API needs a staff login', async () => {
    expect((await api('GET', '/api/staff/donations', undefined, '')).status).toBe(401);
    expect((await api('GET', '/api/staff/donations')).status).toBe(200);
  });

  test('three devices wiped: a certificate PDF with every serial, a chat link, an e-mail with the PDF, and a code that checks out', async () => {
    const client = new WebChatClient(server.url);
    const reference = await bookDropOff(client);
    expect(reference).toMatch(/^DO-2026-\d{6}$/);

    for (const serial of SERIALS) {
      const added = await api('POST', `/api/staff/donations/${reference}/devices`, { type: 'laptop', brand: 'Lenovo', model: 'ThinkPad', serial });
      expect(added.status).toBe(201);
    }
    expect((await api('POST', `/api/staff/donations/${reference}/devices`, { type: 'laptop', brand: 'x', model: 'y', serial: 'pf1 abc23' })).status).toBe(409);
    expect((await api('POST', `/api/staff/donations/${reference}/close`)).status).toBe(409);
    expect((await api('POST', `/api/staff/donations/${reference}/devices/${SERIALS[0]}/wiped`, { method: 'hammer' })).status).toBe(400);
    await api('POST', `/api/staff/donations/${reference}/devices/${SERIALS[0]}/wiped`, { method: 'herwin' });
    await api('POST', `/api/staff/donations/${reference}/devices/${SERIALS[1]}/wiped`, { method: 'herwin' });
    expect(mails).toHaveLength(0);
    await api('POST', `/api/staff/donations/${reference}/devices/${SERIALS[2]}/destroyed`);

    const detail = (await (await api('GET', `/api/staff/donations/${reference}`)).json()) as { status: string; certificate: { code: string } | null };
    expect(detail.status).toBe('received');
    const code = detail.certificate?.code ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const staffPdf = Buffer.from(await (await api('GET', `/api/staff/donations/${reference}/certificate.pdf`)).arrayBuffer());
    const text = await pdfText(staffPdf);
    for (const serial of SERIALS) expect(text).toContain(serial);
    expect(text).toContain('Brouwerij De Hop');
    expect(text).toContain(code);

    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('To: info@dehop.test');
    expect(mails[0]).toContain(`attest-${reference}.pdf`);
    const mailed = await pdfText(attachedPdf(mails[0] ?? ''));
    for (const serial of SERIALS) expect(mailed).toContain(serial);

    const chat = (await new WebChatStore(server.app.connection).after(client.conversationId, 0)).map((m) => m.message);
    const link = chat.flatMap((m) => m.links ?? [])[0]?.url ?? '';
    expect(chat.some((m) => m.text.includes(code))).toBe(true);
    expect(link.startsWith(`${PUBLIC_URL}/certificates/`)).toBe(true);
    const download = await fetch(`${server.url}${link.slice(PUBLIC_URL.length)}`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await download.arrayBuffer()))).toContain(SERIALS[2]);

    const verified = await api('GET', `/api/certificates/${code.toLowerCase()}`, undefined, '');
    expect(await verified.json()).toEqual({ valid: true, issuedOn: '2026-11-27', devices: 3 });
    const changed = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    const forged = await api('GET', `/api/certificates/${changed}`, undefined, '');
    expect(forged.status).toBe(404);
    expect(await forged.json()).toEqual({ valid: false });

    expect((await api('POST', `/api/staff/donations/${reference}/close`)).status).toBe(200);
    expect(mails).toHaveLength(1);
  });

  test('a wiped laptop goes into the loan inventory once; a destroyed one cannot', async () => {
    const reference = await bookDropOff(new WebChatClient(server.url));
    await api('POST', `/api/staff/donations/${reference}/devices`, { type: 'laptop', brand: 'HP', model: 'EliteBook 840', serial: 'HPSTOCK1' });
    await api('POST', `/api/staff/donations/${reference}/devices`, { type: 'laptop', brand: 'HP', model: 'EliteBook 840', serial: 'HPGONE2' });
    expect((await api('POST', `/api/staff/donations/${reference}/devices/HPSTOCK1/to-stock`, { condition: 'good' })).status).toBe(409);
    await api('POST', `/api/staff/donations/${reference}/devices/HPSTOCK1/wiped`, { method: 'herwin' });
    await api('POST', `/api/staff/donations/${reference}/devices/HPGONE2/destroyed`);
    expect((await api('POST', `/api/staff/donations/${reference}/devices/HPSTOCK1/to-stock`, { condition: 'good' })).status).toBe(200);
    expect((await api('POST', `/api/staff/donations/${reference}/devices/HPSTOCK1/to-stock`, { condition: 'good' })).status).toBe(409);
    expect((await api('POST', `/api/staff/donations/${reference}/devices/HPGONE2/to-stock`, { condition: 'good' })).status).toBe(409);
    const stocked = await server.app.connection.collection('loan_devices').findOne({ _id: 'HPSTOCK1' as never });
    expect(stocked).toMatchObject({ status: 'in_stock', type: 'laptop', model: 'HP EliteBook 840', condition: 'good' });
  });

  test('the dashboard lists donations and shows the intake page of one', async () => {
    const reference = await bookDropOff(new WebChatClient(server.url));
    const list = await fetch(`${server.url}/staff/donations`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(reference);
    const page = await (await fetch(`${server.url}/staff/donations/${reference}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(page).toContain('Toestel registreren');
    expect(page).toContain('info@dehop.test');
  });
});
