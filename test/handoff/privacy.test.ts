import { CaseStore } from '../../src/domain/handoff/case-store';
import { HandoffDataHolder } from '../../src/domain/handoff/handoff-data-holder';
import { TurnLog } from '../../src/domain/handoff/turn-log';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { MONDAY_10, staffCall, staffLogin, TestClock } from './support';

const clock = new TestClock(MONDAY_10);
let server: TestApp;
let holder: HandoffDataHolder;

beforeAll(async () => {
  server = await startTestApp({ prefix: 'handoff_privacy', clock: clock.read });
  holder = new HandoffDataHolder(new CaseStore(server.app.connection), new TurnLog(server.app.connection));
});
afterAll(() => server.close());

async function residentWithCase(): Promise<{ client: WebChatClient; caseId: string }> {
  const client = new WebChatClient(server.url);
  await client.open('nl');
  await client.say('ik wil een medewerker');
  await client.say('mijn laptop is stuk');
  const doc = await server.app.connection.collection('handoff_cases').findOne({ 'address.conversationId': client.conversationId });
  return { client, caseId: String(doc?._id) };
}

test('a resident\'s export holds their turns, cases and messages; erasure removes all of it', async () => {
  const { client, caseId } = await residentWithCase();
  const other = await residentWithCase();
  const staff = await staffLogin(server, 'p@digipunt.test', 'agent', clock.now);
  await staffCall(server, staff.headers, 'POST', `/api/staff/cases/${caseId}/claim`);
  await staffCall(server, staff.headers, 'POST', `/api/staff/cases/${caseId}/notes`, { text: 'Belt liever.' });
  const subject = { channel: 'webchat', userId: client.conversationId };

  const held = JSON.stringify((await holder.export(subject)).records);
  expect(held).toContain('mijn laptop is stuk');
  expect(held).toContain('Belt liever.');

  const erased = await holder.erase(subject);
  expect(erased.erased).toBeGreaterThan(3);
  expect((await holder.export(subject)).records).toEqual([]);
  expect(await server.app.connection.collection('handoff_cases').countDocuments({ _id: caseId as never })).toBe(0);
  expect(await server.app.connection.collection('handoff_cases').countDocuments({ _id: other.caseId as never })).toBe(1);
});

test('the retention purge removes old transcripts and empties the context pack of closed cases', async () => {
  const { caseId } = await residentWithCase();
  const staff = await staffLogin(server, 'q@digipunt.test', 'agent', clock.now);
  await staffCall(server, staff.headers, 'POST', `/api/staff/cases/${caseId}/claim`);
  await staffCall(server, staff.headers, 'POST', `/api/staff/cases/${caseId}/resolve`, { resolution: 'answered' });
  expect(await holder.purge(new Date(clock.now.getTime() + 1))).toBeGreaterThan(0);
  const doc = await server.app.connection.collection('handoff_cases').findOne({ _id: caseId as never });
  expect(doc?.context.transcript).toEqual([]);
  expect(doc?.status).toBe('resolved');
  expect(await server.app.connection.collection('handoff_messages').countDocuments({ caseId })).toBe(0);
  expect(await server.app.connection.collection('conversation_turns').countDocuments({})).toBe(0);
});
