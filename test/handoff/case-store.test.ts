import { CaseStore } from '../../src/domain/handoff/case-store';
import type { CaseDoc } from '../../src/domain/handoff/case-model';
import { TurnLog } from '../../src/domain/handoff/turn-log';
import { useTestConnection } from '../support/db';

const { connection } = useTestConnection('case_store');
const store = new CaseStore(connection);
const turns = new TurnLog(connection);
const t0 = new Date('2026-03-02T09:00:00Z');

function newCase(id: string): Omit<CaseDoc, 'status' | 'version'> {
  return {
    _id: id, reference: `HV-2026-${id}`, conversationKey: `webchat:${id}`, residentKey: `webchat:${id}`,
    address: { channel: 'webchat', conversationId: id, userId: id }, language: 'nl', reason: 'resident_request', priority: 2,
    context: { answers: [], transcript: [], links: [] }, assignee: null, labels: [], acknowledged: false, createdAt: t0,
    firstResponseDue: t0, resolutionDue: t0, lastAlertAt: t0, alertCount: 1,
  };
}

test('a transition whose writer died halfway is rolled forward once it is old, and the case moves on', async () => {
  await store.create(newCase('000001'), 'resident');
  // The writer inserted transition 2 (claim) and died before updating the case.
  await store.models.transitions.create({ _id: '000001:2', caseId: '000001', version: 2, action: 'claim', from: 'waiting', to: 'assigned', who: 'staff-a', at: t0, set: { assignee: { id: 'staff-a', email: 'a@x.be', place: '1' } } });
  await expect(store.transition('000001', { action: 'claim', who: 'staff-b', at: new Date(t0.getTime() + 1000) })).rejects.toThrow(/someone else/);
  expect((await store.get('000001')).status).toBe('waiting'); // too fresh to roll forward
  await expect(store.transition('000001', { action: 'claim', who: 'staff-b', at: new Date(t0.getTime() + 60_000) })).rejects.toThrow(/someone else/);
  const rolled = await store.get('000001');
  expect(rolled).toMatchObject({ status: 'assigned', version: 2, assignee: { id: 'staff-a' } });
  const resolved = await store.transition('000001', { action: 'resolve', who: 'staff-a', at: new Date(t0.getTime() + 120_000), set: { resolution: 'answered' } });
  expect(resolved).toMatchObject({ status: 'resolved', version: 3 });
  expect((await store.history('000001')).map((h) => `${h.from}>${h.to}`)).toEqual(['bot>waiting', 'waiting>assigned', 'assigned>resolved']);
});

test('the transcript keeps the order of writing, shows the last lines, and is purged after retention', async () => {
  await turns.record('webchat:t', 'webchat:u', [{ from: 'resident', text: 'one', at: t0 }]);
  await turns.record('webchat:t', 'webchat:u', [{ from: 'bot', text: 'two', at: t0 }, { from: 'bot', text: 'three', at: t0 }]);
  await turns.record('webchat:t', 'webchat:u', [{ from: 'resident', text: 'four', at: new Date(t0.getTime() + 1000) }]);
  expect((await turns.recent('webchat:t', 3)).map((l) => l.text)).toEqual(['two', 'three', 'four']);
  expect(await turns.purge(new Date(t0.getTime() + 1))).toBe(3);
  expect((await turns.recent('webchat:t', 10)).map((l) => l.text)).toEqual(['four']);
});

test('a conversation finds its newest case by _id, also cases stored before the pointer index existed', async () => {
  // Stored the way an earlier version did: the case only, no pointer.
  await store.models.cases.create({ ...newCase('000010'), conversationKey: 'webchat:old', status: 'resolved', version: 3 });
  const restarted = new CaseStore(connection);
  expect((await restarted.latestFor('webchat:old'))?._id).toBe('000010');
  expect(await restarted.openFor('webchat:old')).toBeNull();
  await restarted.create({ ...newCase('000011'), conversationKey: 'webchat:old', createdAt: new Date(t0.getTime() + 1000) }, 'resident');
  expect((await restarted.latestFor('webchat:old'))?._id).toBe('000011');
  expect((await restarted.openFor('webchat:old'))?._id).toBe('000011');
  expect(await restarted.latestFor('webchat:never')).toBeNull();
  // Erasing the resident removes the pointer with the cases.
  expect(await restarted.latest.erase('webchat:000011')).toBe(1);
});
