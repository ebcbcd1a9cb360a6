import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { listenResident, MONDAY_10, staffCall, staffLogin, TestClock, waitFor } from './support';

const clock = new TestClock(MONDAY_10);
let server: TestApp;
const abort = new AbortController();

beforeAll(async () => {
  server = await startTestApp({ prefix: 'handoff_actions', clock: clock.read });
});
afterAll(async () => {
  abort.abort();
  await server.close();
});

async function openCase(language: string, text: string): Promise<{ resident: WebChatClient; id: string }> {
  const resident = new WebChatClient(server.url);
  await resident.open(language);
  await resident.say(text);
  const doc = await server.app.connection.collection('handoff_cases').findOne({ 'address.conversationId': resident.conversationId });
  return { resident, id: String(doc?._id) };
}

test('transfer, unclaim and the per-staff cap; an agent cannot act on a colleague\'s case', async () => {
  const ann = await staffLogin(server, 'ann@digipunt.test', 'agent', clock.now);
  const bo = await staffLogin(server, 'bo@digipunt.test', 'agent', clock.now);
  const cases = [];
  for (let i = 0; i < 6; i += 1) cases.push((await openCase('nl', 'ik wil een medewerker')).id);
  for (const id of cases.slice(0, 5)) expect((await staffCall(server, ann.headers, 'POST', `/api/staff/cases/${id}/claim`)).status).toBe(200);
  const over = await staffCall(server, ann.headers, 'POST', `/api/staff/cases/${cases[5]}/claim`);
  expect(over.status).toBe(409);
  expect(over.body.message).toMatch(/at most 5 open cases/);

  expect((await staffCall(server, bo.headers, 'POST', `/api/staff/cases/${cases[0]}/resolve`, { resolution: 'answered' })).status).toBe(403);
  const moved = await staffCall(server, ann.headers, 'POST', `/api/staff/cases/${cases[0]}/transfer`, { staffId: bo.id });
  expect(moved.status).toBe(200);
  expect(moved.body.assignee.email).toBe('bo@digipunt.test');
  // The transfer freed one of Ann's places: she can take the sixth case now.
  expect((await staffCall(server, ann.headers, 'POST', `/api/staff/cases/${cases[5]}/claim`)).status).toBe(200);
  const back = await staffCall(server, bo.headers, 'POST', `/api/staff/cases/${cases[0]}/unclaim`);
  expect(back.body).toMatchObject({ status: 'waiting', assignee: null });
  const waiting = (await staffCall(server, bo.headers, 'GET', '/api/staff/cases?status=waiting')).body;
  expect(waiting.map((c: { id: string }) => c.id)).toEqual([cases[0]]);
  // A second claim of an assigned case is a clear 409.
  const twice = await staffCall(server, bo.headers, 'POST', `/api/staff/cases/${cases[1]}/claim`);
  expect(twice.status).toBe(409);
  expect(twice.body.message).toMatch(/cannot claim a case that is assigned/);
});

test('notes and labels follow the resident to a later case; the resident gets staff text as a staff message', async () => {
  const cleo = await staffLogin(server, 'cleo@digipunt.test', 'coordinator', clock.now);
  const { resident, id } = await openCase('en', 'I want to talk to a person');
  const pushed = listenResident(resident, abort.signal);
  await staffCall(server, cleo.headers, 'POST', `/api/staff/cases/${id}/claim`);
  expect((await staffCall(server, cleo.headers, 'POST', `/api/staff/cases/${id}/notes`, { text: 'Heeft al een laptop van ons.' })).status).toBe(201);
  expect((await staffCall(server, cleo.headers, 'PUT', `/api/staff/cases/${id}/labels`, { labels: ['Lening', 'terugbellen'] })).body.labels).toEqual(['lening', 'terugbellen']);
  await staffCall(server, cleo.headers, 'POST', `/api/staff/cases/${id}/messages`, { text: 'Ik bel je morgen.' });
  await waitFor(() => pushed.find((m) => m.text === server.app.renderer.text('en', 'case.staff_says', { text: 'Ik bel je morgen.' })));
  await staffCall(server, cleo.headers, 'POST', `/api/staff/cases/${id}/return-to-bot`);
  await waitFor(() => pushed.find((m) => m.text === server.app.renderer.text('en', 'case.csat.prompt')));

  await resident.say('hello');
  await resident.say('I want to talk to a person');
  const later = await server.app.connection.collection('handoff_cases').find({ 'address.conversationId': resident.conversationId }).sort({ createdAt: 1 }).toArray();
  expect(later).toHaveLength(2);
  const detail = (await staffCall(server, cleo.headers, 'GET', `/api/staff/cases/${String(later[1]?._id)}`)).body;
  expect(detail.labels).toEqual(['lening', 'terugbellen']);
  expect(detail.notes.map((n: { text: string }) => n.text)).toEqual(['Heeft al een laptop van ons.']);
  expect(later[0]?.csatOpen).toBe(false); // "hello" was not a score
});

test('a sensitive topic goes to a person at once, with a higher priority and first in the queue', async () => {
  const dana = await staffLogin(server, 'dana@digipunt.test', 'agent', clock.now);
  const { resident, id } = await openCase('nl', 'ik heb grote schulden en de deurwaarder komt');
  void resident;
  const queue = (await staffCall(server, dana.headers, 'GET', '/api/staff/cases?status=waiting')).body;
  expect(queue[0]).toMatchObject({ id, reason: 'sensitive_topic', priority: 4 });
  const detail = (await staffCall(server, dana.headers, 'GET', `/api/staff/cases/${id}`)).body;
  expect(detail.context.topic).toBe('debt');
});

test('a waiting case nobody claims expires after the configured staffed hours, and the resident is told', async () => {
  const { resident, id } = await openCase('uk', 'я хочу поговорити з людиною');
  const pushed = listenResident(resident, abort.signal);
  await new Promise((resolve) => setTimeout(resolve, 200));
  clock.now = new Date('2026-03-05T09:00:00Z'); // Thursday: more than 16 staffed hours later
  await server.app.scheduler.runOnce('handoff.realert', clock.now);
  expect((await server.app.connection.collection('handoff_cases').findOne({ _id: id as never }))?.status).toBe('expired');
  await waitFor(() => pushed.find((m) => m.text === server.app.renderer.text('uk', 'case.expired')));
});
