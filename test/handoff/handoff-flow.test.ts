import type { CaseEvent } from '../../src/domain/handoff/case-events';
import { startTestApp, type TestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { listenResident, MONDAY_10, staffCall, staffLogin, TestClock, waitFor } from './support';

const clock = new TestClock(MONDAY_10);
let test: TestApp;
const abort = new AbortController();

beforeAll(async () => {
  test = await startTestApp({ prefix: 'handoff_flow', clock: clock.read });
});
afterAll(async () => {
  abort.abort();
  await test.close();
});

describe('a Turkish resident asks for a person on the web chat', () => {
  it('opens a waiting case with the context pack, relays, replies with a template in Turkish, resolves and asks for a score', async () => {
    const renderer = test.app.renderer;
    const events: CaseEvent[] = [];
    const resident = new WebChatClient(test.url);
    await resident.open('tr');
    const pushed = listenResident(resident, abort.signal);

    const opened = await resident.say('biriyle konuşmak istiyorum');
    const texts = opened.map((m) => m.text).join('\n');
    expect(texts).toContain(renderer.text('tr', 'case.staff_soon'));
    expect(texts).toContain(renderer.text('tr', 'case.cancel_hint'));
    expect(opened.every((m) => m.lang === 'tr')).toBe(true);

    const agent = await staffLogin(test, 'ayse@digipunt.test', 'agent', clock.now);
    const waiting = await staffCall(test, agent.headers, 'GET', '/api/staff/cases?status=waiting');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toHaveLength(1);
    const summary = waiting.body[0];
    expect(summary).toMatchObject({ status: 'waiting', language: 'tr', channel: 'webchat', reason: 'resident_request', assignee: null });
    expect(summary.reference).toMatch(/^HV-2026-\d{6}$/);

    const detail = (await staffCall(test, agent.headers, 'GET', `/api/staff/cases/${summary.id}`)).body;
    expect(detail.context.transcript.map((l: { text: string }) => l.text)).toContain('biriyle konuşmak istiyorum');
    expect(detail.context.transcript.some((l: { from: string }) => l.from === 'bot')).toBe(true);
    expect(detail.history[0]).toMatchObject({ version: 1, action: 'open', from: 'bot', to: 'waiting', who: 'resident' });

    // The assistant stays quiet: one acknowledgement with a way out, then only relaying.
    const first = await resident.say('laptopum bozuldu');
    expect(first).toHaveLength(1);
    expect(first[0]?.text).toBe(renderer.text('tr', 'case.relayed'));
    expect(first[0]?.choices?.map((c) => c.id)).toEqual(['case_cancel']);
    expect(await resident.say('ekran siyah')).toEqual([]);

    const claim = await staffCall(test, agent.headers, 'POST', `/api/staff/cases/${summary.id}/claim`);
    expect(claim.status).toBe(200);
    expect(claim.body.assignee.email).toBe('ayse@digipunt.test');
    await waitFor(() => pushed.find((m) => m.text === renderer.text('tr', 'case.claimed')));

    const sent = await staffCall(test, agent.headers, 'POST', `/api/staff/cases/${summary.id}/messages`, { templateId: 'need_more_info' });
    expect(sent.status).toBe(201);
    const template = await waitFor(() => pushed.find((m) => m.text === renderer.text('tr', 'case_reply.need_more_info')));
    expect(template.lang).toBe('tr');

    const relayed = (await staffCall(test, agent.headers, 'GET', `/api/staff/cases/${summary.id}`)).body;
    expect(relayed.messages.filter((m: { from: string }) => m.from === 'resident').map((m: { text: string }) => m.text)).toEqual(['laptopum bozuldu', 'ekran siyah']);
    expect(relayed.firstResponseAt).not.toBeNull();

    const resolved = await staffCall(test, agent.headers, 'POST', `/api/staff/cases/${summary.id}/resolve`, { resolution: 'answered' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    const csat = await waitFor(() => pushed.find((m) => m.text === renderer.text('tr', 'case.csat.prompt')));
    expect(csat.choices?.map((c) => c.id)).toEqual(['csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5']);

    const thanks = await resident.choose('csat_4');
    expect(thanks[0]?.text).toBe(renderer.text('tr', 'case.csat.thanks'));
    const closed = (await staffCall(test, agent.headers, 'GET', `/api/staff/cases/${summary.id}`)).body;
    expect(closed).toMatchObject({ status: 'resolved', resolution: 'answered', csat: 4 });
    expect(closed.history.map((h: { action: string }) => h.action)).toEqual(['open', 'claim', 'resolve']);

    // Back with the assistant: a new message gets a normal answer again.
    const after = await resident.say('merhaba');
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]?.text).not.toBe(renderer.text('tr', 'case.relayed'));
    void events;
  });

  it('cancels the case when the resident says never mind, and audits every case action without personal data', async () => {
    const resident = new WebChatClient(test.url);
    await resident.open('nl');
    await resident.say('ik wil een medewerker');
    const open = await test.app.connection.collection('handoff_cases').findOne({ 'address.conversationId': resident.conversationId });
    expect(open?.status).toBe('waiting');
    const reply = await resident.say('laat maar');
    expect(reply[0]?.text).toBe(test.app.renderer.text('nl', 'case.cancelled'));
    const cancelled = await test.app.connection.collection('handoff_cases').findOne({ _id: open?._id });
    expect(cancelled?.status).toBe('cancelled');
    const audit = await test.app.staff.audit.recent({ subject: `case:${String(open?._id)}` });
    expect(audit.map((a) => a.action).sort()).toEqual(['case.cancel', 'case.open']);
    expect(JSON.stringify(audit)).not.toContain('medewerker');
  });
});
