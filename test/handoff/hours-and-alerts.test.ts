import type { CaseEvent } from '../../src/domain/handoff/case-events';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { MONDAY_10, staffCall, staffLogin, TestClock, waitFor } from './support';
import { collectEvents } from '../support/sse';

// Saturday 7 March 2026, 11:00 in Brussels: staff are back on Monday at 9:00.
const clock = new TestClock(new Date('2026-03-07T10:00:00Z'));
let server: TestApp;
const abort = new AbortController();

beforeAll(async () => {
  server = await startTestApp({ prefix: 'handoff_hours', clock: clock.read });
});
afterAll(async () => {
  abort.abort();
  await server.close();
});

/** The dashboard's live stream, read the way the browser's EventSource reads it. */
function listenStaff(headers: Record<string, string>): CaseEvent[] {
  return collectEvents<CaseEvent>(`${server.url}/api/staff/events`, { authorization: headers.authorization ?? '' }, abort.signal);
}

test('outside business hours the resident hears when staff are back, and the case waits', async () => {
  const resident = new WebChatClient(server.url);
  await resident.open('nl');
  const replies = await resident.say('ik wil een medewerker');
  const back = server.app.renderer.text('nl', 'case.back_on', { day: 'maandag', time: '9:00' });
  expect(replies.map((m) => m.text)).toContain(back);
  expect(back).toContain('We zijn terug op maandag om 9:00');
  const en = new WebChatClient(server.url);
  await en.open('en');
  const english = await en.say('I want to talk to a person');
  expect(english.map((m) => m.text).join('\n')).toContain('We are back on Monday at 9:00 AM');
  const cases = await server.app.connection.collection('handoff_cases').find({ status: 'waiting' }).toArray();
  expect(cases).toHaveLength(2);
});

test('a new waiting case raises an alert, and an unclaimed one is re-alerted after the configured staffed time', async () => {
  clock.now = MONDAY_10;
  const coordinator = await staffLogin(server, 'coord@digipunt.test', 'coordinator', clock.now);
  const events = listenStaff(coordinator.headers);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const resident = new WebChatClient(server.url);
  await resident.open('fr');
  await resident.say("je veux parler à quelqu'un");
  const created = await waitFor(() => events.find((e) => e.type === 'case.waiting' && e.language === 'fr'));
  expect(created).toMatchObject({ status: 'waiting', reason: 'resident_request', channel: 'webchat', alertCount: 1 });
  expect(JSON.stringify(created)).not.toContain('parler');

  const realertMinutes = 15; // content/handoff.yaml sla.realertAfterMinutes
  await server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(realertMinutes - 1));
  expect(events.filter((e) => e.type === 'case.realert' && e.caseId === created.caseId)).toHaveLength(0);
  await server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(1));
  const again = await waitFor(() => events.find((e) => e.type === 'case.realert' && e.caseId === created.caseId));
  expect(again.alertCount).toBe(2);

  // Claimed cases are not re-alerted.
  await staffCall(server, coordinator.headers, 'POST', `/api/staff/cases/${created.caseId}/claim`);
  await server.app.scheduler.runOnce('handoff.realert', clock.advanceMinutes(60));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(events.filter((e) => e.type === 'case.realert' && e.caseId === created.caseId)).toHaveLength(1);
});

test('staffed time only: a Saturday case is not re-alerted before Monday morning', async () => {
  const saturday = await server.app.connection.collection('handoff_cases').findOne({ language: 'nl', status: 'waiting' });
  const before = saturday?.alertCount as number;
  clock.now = new Date('2026-03-08T20:00:00Z'); // Sunday evening: no staffed minutes since Saturday
  await server.app.scheduler.runOnce('handoff.realert', clock.now);
  expect((await server.app.connection.collection('handoff_cases').findOne({ _id: saturday?._id }))?.alertCount).toBe(before);
  clock.now = new Date('2026-03-09T08:20:00Z'); // Monday 9:20: 20 staffed minutes
  await server.app.scheduler.runOnce('handoff.realert', clock.now);
  expect((await server.app.connection.collection('handoff_cases').findOne({ _id: saturday?._id }))?.alertCount).toBe(before + 1);
});
