import { AppError } from '../../src/core/errors';
import { dropTestDatabase, testDatabaseUri } from '../support/db';
import { device, openLoans, renderer, submit, type LoansHarness } from './loans-harness';

describe('staff decisions on loan applications', () => {
  const uri = testDatabaseUri('loan_decisions');
  let h: LoansHarness;
  const at = new Date('2026-12-01T10:00:00Z');
  const staff = { who: 'staff-1', at };

  beforeAll(async () => {
    h = await openLoans(uri);
  });

  afterAll(async () => {
    await h.connection.close();
    await dropTestDatabase(uri);
  });

  test('two approvals at once with one laptop left: one gets it, the other is waitlisted', async () => {
    await h.devices.register([device('LAST-ONE')], at);
    const [a, b] = [await submit(h, at), await submit(h, new Date(at.getTime() + 1000))];
    const results = await Promise.all([h.decisions.approve(a!._id, { who: 'staff-a', at }), h.decisions.approve(b!._id, { who: 'staff-b', at })]);
    expect(results.map((r) => r.application.status).sort()).toEqual(['approved', 'waitlisted']);
    const winner = results.find((r) => r.application.status === 'approved');
    expect(winner?.device?._id).toBe('LAST-ONE');
    expect((await h.devices.get('LAST-ONE'))?.applicationId).toBe(winner?.application._id);
    expect((await h.loans.list({})).items.filter((l) => l.deviceId === 'LAST-ONE')).toHaveLength(1);
    const stored = await Promise.all([a!, b!].map((x) => h.applications.get(x._id)));
    expect(stored.map((x) => x?.status).sort()).toEqual(['approved', 'waitlisted']);
  });

  test('ten approvals racing for three laptops: three different laptops, seven on the waiting list', async () => {
    await h.devices.register([device('RACE-1'), device('RACE-2'), device('RACE-3')], at);
    const apps = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(h, new Date(at.getTime() + 10_000 + i))));
    const results = await Promise.all(apps.map((a, i) => h.decisions.approve(a._id, { who: `staff-${i}`, at })));
    const devices = results.flatMap((r) => (r.device ? [r.device._id] : []));
    expect(devices.sort()).toEqual(['RACE-1', 'RACE-2', 'RACE-3']);
    expect(results.filter((r) => r.application.status === 'waitlisted')).toHaveLength(7);
  });

  test('the same application approved twice at once: one decision, the other gets a conflict, no laptop is lost', async () => {
    await h.devices.register([device('TWICE-1'), device('TWICE-2')], at);
    const app = await submit(h, at);
    const settled = await Promise.allSettled([h.decisions.approve(app._id, staff), h.decisions.approve(app._id, staff)]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const failure = settled.find((s) => s.status === 'rejected');
    expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(((failure as PromiseRejectedResult).reason as AppError).code).toBe('CONFLICT');
    const lent = (await h.devices.list({ status: 'lent' })).items.filter((d) => d._id.startsWith('TWICE'));
    expect(lent).toHaveLength(1);
  });

  test('the waiting list is served in order of application when devices come back', async () => {
    const waiting = (await h.applications.waitlisted()).map((a) => a._id);
    expect(waiting.length).toBeGreaterThan(2);
    await h.devices.register([device('BACK-1'), device('BACK-2')], at);
    const free = (await h.devices.list({ status: 'in_stock' })).total;
    expect(free).toBeLessThan(waiting.length);
    expect(await h.decisions.serveWaitlist({ who: 'job', at })).toBe(free);
    const after = await Promise.all(waiting.map((id) => h.applications.get(id)));
    expect(after.map((a) => a?.status)).toEqual(waiting.map((_, i) => (i < free ? 'approved' : 'waitlisted')));
  });

  test('the resident is told each decision on their channel, in their language', async () => {
    await h.devices.register([device('TELL-1')], at);
    const fr = await submit(h, at, { language: 'fr', address: { channel: 'test', conversationId: 'fr-conv', userId: 'fr-user' } });
    h.channel.sent.length = 0;
    const result = await h.decisions.approve(fr._id, staff);
    expect(result.notified).toBe(true);
    expect(h.channel.sent).toHaveLength(1);
    expect(h.channel.sent[0]?.address.conversationId).toBe('fr-conv');
    expect(h.channel.sent[0]?.messages[0]?.text).toBe(renderer.text('fr', 'application.notice.approved', { reference: fr.reference }));
  });

  test('a rejection needs a known reason, frees the training place, and tells the reason', async () => {
    const app = await submit(h, at, { language: 'ar' });
    await expect(h.decisions.reject(app._id, 'because', staff)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    h.channel.sent.length = 0;
    await h.decisions.reject(app._id, 'outside_aalst', staff);
    expect((await h.applications.get(app._id))?.status).toBe('rejected');
    expect(h.channel.sent[0]?.messages[0]?.text).toContain(renderer.text('ar', 'application.rejection.outside_aalst'));
    expect(h.channel.sent[0]?.messages[0]?.direction).toBe('rtl');
    await expect(h.decisions.approve(app._id, staff)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  test('withdrawal works only while nothing is decided, and every change is in the transition log', async () => {
    const app = await submit(h, at);
    expect(await h.decisions.withdraw(app, at)).toBe(true);
    expect(await h.decisions.withdraw(app, at)).toBe(false);
    const history = await h.log.history('application', app._id);
    expect(history.map((t) => [t.from, t.to, t.who])).toEqual([['new', 'submitted', 'resident'], ['submitted', 'withdrawn', 'resident']]);
  });
});
