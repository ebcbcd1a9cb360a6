import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { MONDAY_10, staffCall, TestClock } from './support';

const clock = new TestClock(MONDAY_10);
let server: TestApp;

beforeAll(async () => {
  server = await startTestApp({ prefix: 'handoff_race', clock: clock.read });
}, 60000);
afterAll(() => server.close());

async function login(email: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/api/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

test('100 staff clients claiming 20 cases at once: exactly 20 claims succeed, no case is claimed twice', async () => {
  for (let i = 0; i < 20; i += 1) {
    const resident = new WebChatClient(server.url);
    await resident.open('nl');
    await resident.say('ik wil een medewerker');
  }
  const staff = await Promise.all(Array.from({ length: 100 }, async (_, i) => {
    const email = `staff${i}@digipunt.test`;
    await server.app.staff.accounts.create({ email, role: 'agent', password: 'a long enough password' }, clock.now);
    return login(email, 'a long enough password');
  }));
  const waiting = (await staffCall(server, staff[0] as Record<string, string>, 'GET', '/api/staff/cases?status=waiting')).body as Array<{ id: string }>;
  expect(waiting).toHaveLength(20);

  // Five clients per case, all at once.
  const results = await Promise.all(staff.map((headers, i) => staffCall(server, headers, 'POST', `/api/staff/cases/${(waiting[i % 20] as { id: string }).id}/claim`)));
  const won = results.filter((r) => r.status === 200);
  expect(won).toHaveLength(20);
  expect(results.filter((r) => r.status === 409)).toHaveLength(80);
  expect(new Set(won.map((r) => r.body.id)).size).toBe(20);

  const cases = await server.app.connection.collection('handoff_cases').find({}).toArray();
  expect(cases.every((c) => c.status === 'assigned' && c.version === 2)).toBe(true);
  const claims = await server.app.connection.collection('handoff_transitions').countDocuments({ action: 'claim' });
  expect(claims).toBe(20);
  for (const c of cases) expect(won.find((r) => r.body.id === c._id)?.body.assignee.id).toBe(c.assignee.id);
}, 120000);
