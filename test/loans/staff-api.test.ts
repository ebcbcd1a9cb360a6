import { WAITLIST_JOB } from '../../src/domain/loans/loans-feature';
import { staffCall, staffLogin } from '../handoff/support';
import { startTestApp, type TestApp } from '../support/app';
import { device, openLoans, RecordingChannel, submit, type LoansHarness } from './loans-harness';

const now = new Date('2026-12-01T10:00:00Z');

describe('staff API of loan applications, devices and loans', () => {
  let server: TestApp;
  let h: LoansHarness;
  const channel = new RecordingChannel();
  let coordinator: Record<string, string>;
  let colleague: Record<string, string>;
  let agent: Record<string, string>;
  let waitingReference = '';

  beforeAll(async () => {
    server = await startTestApp({ prefix: 'loan_staff', clock: () => now });
    server.app.channels.add(channel);
    h = await openLoans(server.uri);
    coordinator = (await staffLogin(server, 'coordinator@digipunt.test', 'coordinator', now)).headers;
    colleague = (await staffLogin(server, 'colleague@digipunt.test', 'coordinator', now)).headers;
    agent = (await staffLogin(server, 'agent@digipunt.test', 'agent', now)).headers;
  }, 120_000);

  afterAll(async () => {
    await h.connection.close();
    await server.close();
  });

  test('without a login nothing is shown, and an agent may look but not decide', async () => {
    expect((await staffCall(server, {}, 'GET', '/api/staff/loans/applications')).status).toBe(401);
    const app = await submit(h, now);
    expect((await staffCall(server, agent, 'GET', `/api/staff/loans/applications/${app._id}`)).status).toBe(200);
    expect((await staffCall(server, agent, 'POST', `/api/staff/loans/applications/${app._id}/approve`, {})).status).toBe(403);
  });

  test('two coordinators approve two applications at once with one laptop left: one approved, one waitlisted', async () => {
    await h.devices.register([device('API-LAST')], now);
    const [first, second] = [await submit(h, now, { device: 'either' }), await submit(h, new Date(now.getTime() + 1), { device: 'either' })];
    const responses = await Promise.all([
      staffCall(server, coordinator, 'POST', `/api/staff/loans/applications/${first?._id}/approve`, {}),
      staffCall(server, colleague, 'POST', `/api/staff/loans/applications/${second?._id}/approve`, {}),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(responses.map((r) => r.body.application.status).sort()).toEqual(['approved', 'waitlisted']);
    expect(responses.find((r) => r.body.device)?.body.device.serial).toBe('API-LAST');
    expect(responses.every((r) => r.body.notified)).toBe(true);
  });

  test('the list filters by status and search; a decision on a decided application is a 409', async () => {
    const waiting = await staffCall(server, agent, 'GET', '/api/staff/loans/applications?status=waitlisted');
    expect(waiting.body.total).toBe(1);
    const [entry] = waiting.body.items;
    waitingReference = entry.reference;
    expect((await staffCall(server, agent, 'GET', `/api/staff/loans/applications?q=${encodeURIComponent(entry.reference)}`)).body.items).toHaveLength(1);
    const approved = (await staffCall(server, agent, 'GET', '/api/staff/loans/applications?status=approved')).body.items[0];
    expect((await staffCall(server, coordinator, 'POST', `/api/staff/loans/applications/${approved.id}/reject`, { reason: 'no_attest' })).status).toBe(409);
    expect((await staffCall(server, coordinator, 'POST', `/api/staff/loans/applications/${entry.id}/reject`, { reason: 'because' })).status).toBe(400);
    const detail = await staffCall(server, agent, 'GET', `/api/staff/loans/applications/${entry.id}`);
    expect(detail.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(detail.body.history.map((t: { to: string }) => t.to)).toEqual(['submitted', 'waitlisted']);
  });

  test('hand-out starts the two years; the return frees the laptop and the waiting list gets it', async () => {
    const loans = await staffCall(server, agent, 'GET', '/api/staff/loans/loans?status=reserved');
    const loan = loans.body.items.find((l: { deviceId: string }) => l.deviceId === 'API-LAST');
    const out = await staffCall(server, agent, 'POST', `/api/staff/loans/loans/${loan.id}/hand-out`, {});
    expect(out.body).toMatchObject({ status: 'active', dueAt: '2028-12-01T10:00:00.000Z' });
    expect((await staffCall(server, agent, 'POST', `/api/staff/loans/loans/${loan.id}/hand-out`, {})).status).toBe(409);
    expect((await staffCall(server, agent, 'POST', `/api/staff/loans/loans/${loan.id}/return`, { to: 'in_stock' })).body.status).toBe('returned');
    expect((await staffCall(server, agent, 'GET', '/api/staff/loans/devices?status=in_stock')).body.items.map((d: { serial: string }) => d.serial)).toContain('API-LAST');
    channel.sent.length = 0;
    expect(await server.app.scheduler.runOnce(WAITLIST_JOB, now)).toBe(true);
    expect((await staffCall(server, agent, 'GET', '/api/staff/loans/applications?status=waitlisted')).body.total).toBe(0);
    expect(channel.sent.map((s) => s.messages[0]?.text)).toEqual([server.app.renderer.text('nl', 'application.notice.approved', { reference: waitingReference })]);
  });

  test('the dashboard lists the applications and shows one with its decisions to a coordinator', async () => {
    await server.app.staff.accounts.create({ email: 'desk@digipunt.test', role: 'coordinator', password: 'desk password long' }, now);
    const login = await fetch(`${server.url}/staff/login`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'desk@digipunt.test', password: 'desk password long' }).toString(),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const fresh = await submit(h, now, { name: 'Jan <b>Peeters</b>' });
    const list = await (await fetch(`${server.url}/staff/loans?status=submitted`, { headers: { cookie } })).text();
    expect(list).toContain(fresh.reference);
    expect(list).toContain('Jan &lt;b&gt;Peeters&lt;/b&gt;');
    const page = await fetch(`${server.url}/staff/loans/${fresh._id}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain(`data-action="applications/${fresh._id}/approve"`);
    expect(body).toContain(server.app.renderer.text('nl', 'loan.staff.reason.no_attest'));
    expect(body).toContain('/staff/assets/loans.js');
    expect((await fetch(`${server.url}/staff/assets/loans.js`, { headers: { cookie } })).status).toBe(200);
  });

  test('staff access to applications is in the audit log (ids only)', async () => {
    const entries = await server.app.staff.audit.recent({ limit: 200 });
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['loan_application.list', 'loan_application.view', 'loan_application.approve', 'loan.hand_out', 'loan.return']) expect(actions).toContain(action);
    expect(JSON.stringify(entries)).not.toContain('Kerkstraat');
  });
});
